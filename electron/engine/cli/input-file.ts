import { readFile } from 'node:fs/promises';
import { NotFoundError } from '../../../shared/api/index.js';

/** Returns the text of FILE, or of standard input for `-`; a missing file is NotFoundError('file_not_found'). */
export async function readInputFile(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  return new TextDecoder().decode(await readInputBytes(file, stdin));
}

/** Returns the bytes of FILE, or of standard input for `-`. */
export async function readInputBytes(file: string, stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file_not_found', `no such file: ${file}`, { file });
    throw error;
  }
}
