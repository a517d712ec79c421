import { open } from 'node:fs/promises';
import path from 'node:path';

/** Files opened from the OS are read up to this size (every document the verifier takes is far smaller). */
export const MAX_OPENED_FILE_BYTES = 1024 * 1024;

/**
 * Returns a file given by the OS (open-file, command line, File ▸ Open) as the `file-opened` event's
 * payload: its base name and UTF-8 text. Refuses directories, non-UTF-8 and files over the limit,
 * naming the problem, so the window can say why nothing opened.
 */
export async function readOpenedFile(file: string): Promise<{ name: string; text: string }> {
  const handle = await open(file, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`${file} is not a file`);
    if (stat.size > MAX_OPENED_FILE_BYTES) throw new Error(`${file} is ${stat.size} bytes; files up to ${MAX_OPENED_FILE_BYTES} bytes are verified`);
    const bytes = await handle.readFile();
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { name: path.basename(file), text };
  } finally {
    await handle.close();
  }
}

/** Returns the arguments of a command line that name files to open (not flags, not the app itself). */
export function filesInArgv(argv: readonly string[], skip: number): string[] {
  return argv.slice(skip).filter((a) => !a.startsWith('-') && a !== '.' && /\.(json|txt|note|checkpoint|sig|proof)$/i.test(a));
}
