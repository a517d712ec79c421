import { existsSync } from 'node:fs';
import { UsageError } from '../../../shared/api/index.js';
import { readInputFile } from './input-file.js';

/** Keys are small; anything bigger is not a key file. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * Returns the log key given on the command line: `--vkey` is a C2SP verifier key or a file holding
 * one (gotlog and most logs publish it as a file); `--public-key` is a PEM file or the PEM text.
 */
export async function logKeyArgument(input: { vkey?: string | undefined; publicKey?: string | undefined }, stdin: NodeJS.ReadableStream): Promise<string> {
  if ((input.vkey === undefined) === (input.publicKey === undefined)) {
    throw new UsageError('missing_option', 'give the log key with exactly one of --vkey KEY or --public-key PEM');
  }
  const value = (input.vkey ?? input.publicKey)!;
  if (value.trimStart().startsWith('-----BEGIN') || (input.vkey !== undefined && !existsSync(value))) return value.trim();
  return (await readInputFile(value, stdin, { maxBytes: MAX_KEY_FILE_BYTES })).trim();
}
