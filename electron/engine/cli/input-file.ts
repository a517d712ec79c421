import { readFile, stat } from 'node:fs/promises';
import { InputError, NotFoundError } from '../../../shared/api/index.js';

export interface ReadInputOptions {
  /** Refuse input larger than this many bytes (InputError 'input_too_large'), read no further. */
  readonly maxBytes?: number;
}

/** Returns the text of FILE, or of standard input for `-`; a missing file is NotFoundError('file_not_found'). */
export async function readInputFile(file: string, stdin: NodeJS.ReadableStream, options: ReadInputOptions = {}): Promise<string> {
  return new TextDecoder().decode(await readInputBytes(file, stdin, options));
}

function tooLarge(file: string, maxBytes: number): InputError {
  return new InputError('input_too_large', `${file === '-' ? 'standard input' : file} is larger than ${maxBytes} bytes`, { maxBytes });
}

/** Returns the bytes of FILE, or of standard input for `-`. */
export async function readInputBytes(file: string, stdin: NodeJS.ReadableStream, options: ReadInputOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  if (file === '-') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(file, maxBytes);
      chunks.push(bytes);
    }
    return Buffer.concat(chunks);
  }
  try {
    if ((await stat(file)).size > maxBytes) throw tooLarge(file, maxBytes);
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file_not_found', `no such file: ${file}`, { file });
    throw error;
  }
}
