/** Artefact digests as layouts carry them: lowercase hex of a declared algorithm. */

import { tryFromHex } from '../encoding/index.js';
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from './layout-types.js';

/**
 * Returns the bytes of a digest written as lowercase hex of exactly the algorithm's length, or a
 * sentence saying what is wrong. Uppercase is refused so one digest has one spelling, hence one
 * canonical body and one leaf hash.
 */
export function parseDigest(algorithm: DigestAlgorithm, text: string): Uint8Array | string {
  const size = DIGEST_ALGORITHMS[algorithm];
  if (text.length !== 2 * size || !/^[0-9a-f]*$/.test(text)) return `a ${algorithm} digest must be ${2 * size} lowercase hex digits`;
  const bytes = tryFromHex(text);
  if (!bytes) throw new Error('bug: checked hex did not decode');
  return bytes;
}
