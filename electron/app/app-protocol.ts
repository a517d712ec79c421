import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { resolveStaticFile } from '../engine/server/ui-static.js';
import { APP_HOST, APP_SCHEME } from './trusted-sender.js';

/**
 * The desktop renderer's Content-Security-Policy: its own scripts and styles only, no network at all
 * (the engine is reached over IPC), no inline script, no eval, no framing, no plugins.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

/** Must run before `app.ready`: app:// is standard (relative URLs, storage) and secure (a secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false, bypassCSP: false } }]);
}

/**
 * Serves the built renderer at app://workbench/ (never file://): only GET of files inside
 * `rendererDir` (resolveStaticFile refuses `..`, encoded separators and symlinks out), every
 * response with the CSP and nosniff; any other host or method is refused.
 */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('not found', { status: 404 });
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    const body = await readFile(file.file);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
    });
  });
}
