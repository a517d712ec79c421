import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { NotFoundError } from '../../../shared/api/index.js';

/**
 * Returns the SHA-256 of a file, streamed in 1 MiB reads so memory stays constant whatever its size;
 * `onProgress(doneBytes, totalBytes)` hears each chunk.
 */
export async function sha256OfFile(file: string, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  let total: number;
  try {
    total = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file_not_found', `no such file: ${file}`, { file });
    throw error;
  }
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onProgress?.(done, total);
  }
  return new Uint8Array(hash.digest());
}
