/**
 * C2SP tlog-checkpoint bodies: origin line, tree size, root hash, then optional extension lines.
 *
 *     example.com/behind-the-sofa
 *     20852163
 *     CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 */

import { InputError } from '../api/errors.js';
import { toBase64, tryFromBase64 } from '../encoding/index.js';

/** The size of a checkpoint root hash (SHA-256). */
export const ROOT_HASH_SIZE = 32;

const MAX_INT64 = (1n << 63n) - 1n;

/** A parsed checkpoint body. */
export interface Checkpoint {
  /** The log's identity, the first line; non-empty. */
  readonly origin: string;
  /** The tree size: a non-negative integer, at most 2^53 − 1 here. */
  readonly size: number;
  /** The Merkle tree hash at `size` (RFC 6962 MTH), 32 bytes. */
  readonly rootHash: Uint8Array;
  /** The lines after the root hash, each non-empty, without newlines. */
  readonly extensions: readonly string[];
}

/** A checkpoint body read with the tree size kept as a 64-bit integer. */
export interface CheckpointFields {
  readonly origin: string;
  readonly size: bigint;
  readonly rootHash: Uint8Array;
  /** True when the root hash line is not the canonical base64 of its bytes (Go accepts it). */
  readonly rootHashNonCanonical: boolean;
  readonly extensions: readonly string[];
}

/**
 * Returns the fields of a checkpoint body, or a sentence saying which rule of C2SP
 * tlog-checkpoint it breaks. The size may be any int64 (as Go's parsers allow); parseCheckpoint
 * narrows it to a number.
 */
export function readCheckpointFields(text: string): CheckpointFields | string {
  if (!text.endsWith('\n')) return 'the checkpoint body does not end with a newline';
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return `the checkpoint body has ${lines.length} line(s); it needs an origin, a tree size and a root hash`;
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin === '') return 'the origin line is empty';
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) return `the tree size ${JSON.stringify(sizeText)} is not a decimal number without leading zeros`;
  const size = BigInt(sizeText);
  if (size > MAX_INT64) return `the tree size ${sizeText} does not fit in 63 bits`;
  const rootHash = tryFromBase64(rootText);
  if (rootHash === undefined) return `the root hash ${JSON.stringify(rootText)} is not standard base64`;
  if (rootHash.length !== ROOT_HASH_SIZE) return `the root hash is ${rootHash.length} bytes, not ${ROOT_HASH_SIZE}`;
  const extensions = lines.slice(3);
  const empty = extensions.indexOf('');
  if (empty >= 0) return `extension line ${empty + 1} is empty`;
  return { origin, size, rootHash, rootHashNonCanonical: toBase64(rootHash) !== rootText, extensions };
}

/**
 * Returns the checkpoint in a note text (C2SP tlog-checkpoint). Throws InputError
 * `malformed_checkpoint` naming the broken rule, or `checkpoint_size_unsupported` for a valid size
 * above 2^53 − 1, which a number cannot hold. Like Go, a root hash whose base64 has non-zero
 * padding bits is accepted; formatCheckpoint always writes the canonical form.
 */
export function parseCheckpoint(text: string): Checkpoint {
  const fields = readCheckpointFields(text);
  if (typeof fields === 'string') {
    throw new InputError('malformed_checkpoint', `malformed checkpoint: ${fields}`, { reason: fields }, { hint: 'a checkpoint body is: origin, tree size, base64 root hash, then optional extension lines, each ending in a newline' });
  }
  if (fields.size > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InputError(
      'checkpoint_size_unsupported',
      `checkpoint tree size ${fields.size} is above 2^53 − 1, the largest tree size this implementation handles`,
      { origin: fields.origin, size: fields.size.toString() },
    );
  }
  return { origin: fields.origin, size: Number(fields.size), rootHash: fields.rootHash, extensions: fields.extensions };
}

/**
 * Returns the note text of a checkpoint, each line ending in a newline. Throws InputError
 * `malformed_checkpoint` when the result would not parse back to the same checkpoint.
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  const problem =
    origin === '' || origin.includes('\n') ? `the origin ${JSON.stringify(origin)} is empty or holds a newline`
    : !Number.isSafeInteger(size) || size < 0 ? `the tree size ${size} is not an integer in [0, 2^53 − 1]`
    : rootHash.length !== ROOT_HASH_SIZE ? `the root hash is ${rootHash.length} bytes, not ${ROOT_HASH_SIZE}`
    : extensions.some((e) => e === '' || e.includes('\n')) ? 'an extension line is empty or holds a newline'
    : undefined;
  if (problem !== undefined) throw new InputError('malformed_checkpoint', `malformed checkpoint: ${problem}`, { reason: problem });
  return [origin, String(size), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}
