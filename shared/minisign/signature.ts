/**
 * minisign signature files (.minisig): "untrusted comment: …", base64 of algorithm ‖ key ID ‖
 * Ed25519 signature (74 bytes), "trusted comment: …", base64 of the global signature (64 bytes)
 * over signature ‖ trusted comment. The algorithm is "Ed" (legacy: the signature covers the file)
 * or "ED" (it covers the file's BLAKE2b-512).
 */

import { concatBytes, toBase64, tryFromBase64, utf8 } from '../encoding/index.js';
import { isMinisignEdAlgorithm, MINISIGN_ALGORITHM_ED } from './public-key.js';
import { minisignLines, UNTRUSTED_COMMENT_PREFIX } from './text-lines.js';

/** A minisign signature with its trusted comment. */
export interface MinisignSignature {
  readonly algorithm: 'Ed' | 'ED';
  readonly keyId: Uint8Array;
  readonly signature: Uint8Array;
  readonly trustedComment: string;
  readonly globalSignature: Uint8Array;
}

/** The size of a binary minisign signature (algorithm ‖ key ID ‖ signature). */
export const MINISIGN_SIGNATURE_SIZE = 74;

/** The algorithm of signatures over the BLAKE2b-512 of the file: "ED". */
export const MINISIGN_ALGORITHM_PREHASHED = 'ED';

const TRUSTED_COMMENT_PREFIX = 'trusted comment: ';

/** Returns true when the first two bytes are the prehashed "ED" algorithm. */
function isMinisignPrehashedAlgorithm(bytes: Uint8Array): boolean {
  return bytes[0] === 0x45 && bytes[1] === 0x44;
}

/**
 * Returns the fields of a binary minisign signature without checking them: the 2 algorithm bytes
 * (unchecked: Rekor accepts any), the key ID and the Ed25519 signature. Requires 74 bytes.
 */
export function decodeMinisignSignature(bytes: Uint8Array): { readonly algorithm: Uint8Array; readonly keyId: Uint8Array; readonly signature: Uint8Array } {
  if (bytes.length !== MINISIGN_SIGNATURE_SIZE) throw new Error(`bug: a minisign signature of ${bytes.length} bytes`);
  return { algorithm: bytes.slice(0, 2), keyId: bytes.slice(2, 10), signature: bytes.slice(10) };
}

/**
 * Returns a minisign signature from the four lines of a .minisig file ("untrusted comment: …",
 * base64 of algorithm ‖ key ID ‖ signature, "trusted comment: …", base64 of the global signature),
 * or a sentence saying what is wrong.
 */
export function parseMinisignSignature(text: string): MinisignSignature | string {
  const l = minisignLines(text);
  if (l.length !== 4) return `a minisign signature has 4 lines, not ${l.length}`;
  if (!l[0]!.startsWith(UNTRUSTED_COMMENT_PREFIX)) return 'line 1 of a minisign signature must start with "untrusted comment:"';
  const sig = tryFromBase64(l[1]!);
  if (!sig || sig.length !== MINISIGN_SIGNATURE_SIZE) return 'line 2 of a minisign signature must be base64 of 74 bytes';
  const isLegacy = isMinisignEdAlgorithm(sig);
  const isHashed = isMinisignPrehashedAlgorithm(sig);
  if (!isLegacy && !isHashed) return 'the minisign signature algorithm is neither "Ed" nor "ED"';
  if (!l[2]!.startsWith(TRUSTED_COMMENT_PREFIX)) return 'line 3 of a minisign signature must start with "trusted comment: "';
  const global = tryFromBase64(l[3]!);
  if (!global || global.length !== 64) return 'line 4 of a minisign signature must be base64 of 64 bytes';
  const { keyId, signature } = decodeMinisignSignature(sig);
  return {
    algorithm: isLegacy ? MINISIGN_ALGORITHM_ED : MINISIGN_ALGORITHM_PREHASHED,
    keyId,
    signature,
    trustedComment: l[2]!.slice(TRUSTED_COMMENT_PREFIX.length),
    globalSignature: global,
  };
}

/**
 * Returns the .minisig file of a signature: the untrusted comment line, base64 of algorithm ‖ key
 * ID ‖ signature, the trusted comment line and base64 of the global signature, each line ending in
 * LF. Requires comments without line breaks.
 */
export function formatMinisignSignature(sig: MinisignSignature, untrustedComment: string): string {
  if (/[\r\n]/.test(untrustedComment) || /[\r\n]/.test(sig.trustedComment)) throw new Error('bug: a minisign comment with a line break');
  return [
    `${UNTRUSTED_COMMENT_PREFIX} ${untrustedComment}`,
    toBase64(concatBytes(utf8(sig.algorithm), sig.keyId, sig.signature)),
    `${TRUSTED_COMMENT_PREFIX}${sig.trustedComment}`,
    toBase64(sig.globalSignature),
    '',
  ].join('\n');
}
