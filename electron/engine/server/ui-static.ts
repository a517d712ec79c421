import { createReadStream, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Content types of the files a Vite build writes; anything else is served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  readonly file: string;
  readonly size: number;
  readonly contentType: string;
  /** Vite's hashed assets never change under their name. */
  readonly immutable: boolean;
  open(): NodeJS.ReadableStream;
}

/**
 * Returns the file of the built renderer that a URL path names, or undefined when there is none or
 * the path tries to leave `root` (`..`, encoded separators, NUL, symlinks pointing out).
 * `/` is `index.html`.
 */
export function resolveStaticFile(root: string, urlPath: string): StaticFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return undefined;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  let realRoot: string;
  let file: string;
  try {
    realRoot = realpathSync(root);
    file = realpathSync(path.join(realRoot, relative));
  } catch {
    return undefined;
  }
  if (!file.startsWith(realRoot + path.sep)) return undefined;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  return {
    file,
    size: stat.size,
    contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    immutable: relative.startsWith('assets/'),
    open: () => createReadStream(file),
  };
}
