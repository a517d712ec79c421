/**
 * minisign public keys (https://jedisct1.github.io/minisign/): 42 bytes, "Ed" ‖ key ID (8) ‖
 * Ed25519 public key (32), base64 on one line, in a file after an "untrusted comment:" line.
 * signify (OpenBSD) public keys share the binary form.
 */

import { concatBytes, toBase64, tryFromBase64, utf8 } from '../encoding/index.js';
import { formatMinisignKeyId } from './key-id.js';
import { minisignLines, UNTRUSTED_COMMENT_PREFIX } from './text-lines.js';

/** A minisign public key. */
export interface MinisignPublicKey {
  /** 8 bytes as in the file (minisign prints them reversed, as a little-endian number). */
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** The size of a binary minisign public key. */
export const MINISIGN_PUBLIC_KEY_SIZE = 42;

/** The signature algorithm of minisign keys and legacy signatures: Ed25519, "Ed". */
export const MINISIGN_ALGORITHM_ED = 'Ed';

/** Returns true when the first two bytes are the "Ed" algorithm. */
export function isMinisignEdAlgorithm(bytes: Uint8Array): boolean {
  return bytes[0] === 0x45 && bytes[1] === 0x64;
}

/**
 * Returns the fields of a binary minisign public key without checking them: the 2 algorithm
 * bytes (unchecked: Rekor accepts any), the key ID and the Ed25519 key. Requires 42 bytes.
 */
export function decodeMinisignPublicKey(bytes: Uint8Array): MinisignPublicKey & { readonly algorithm: Uint8Array } {
  if (bytes.length !== MINISIGN_PUBLIC_KEY_SIZE) throw new Error(`bug: a minisign public key of ${bytes.length} bytes`);
  return { algorithm: bytes.slice(0, 2), keyId: bytes.slice(2, 10), publicKey: bytes.slice(10) };
}

/** Returns the binary minisign public key: "Ed" ‖ key ID ‖ Ed25519 key. */
export function encodeMinisignPublicKey(key: MinisignPublicKey): Uint8Array {
  return concatBytes(utf8(MINISIGN_ALGORITHM_ED), key.keyId, key.publicKey);
}

/**
 * Returns a minisign public key from its base64 line ("RW…", 42 bytes: "Ed" ‖ key ID ‖ Ed25519
 * key), alone or after an "untrusted comment:" line, or a sentence saying what is wrong.
 */
export function parseMinisignPublicKey(text: string): MinisignPublicKey | string {
  const l = minisignLines(text);
  if (l.length === 2 && !l[0]!.startsWith(UNTRUSTED_COMMENT_PREFIX)) return 'a two-line minisign public key must start with "untrusted comment:"';
  if (l.length !== 1 && l.length !== 2) return 'a minisign public key is one base64 line, optionally after an "untrusted comment:" line';
  const bytes = tryFromBase64(l[l.length - 1]!);
  if (!bytes || bytes.length !== MINISIGN_PUBLIC_KEY_SIZE) return 'the minisign public key is not base64 of 42 bytes';
  if (!isMinisignEdAlgorithm(bytes)) return 'the minisign public key is not of algorithm "Ed"';
  const { keyId, publicKey } = decodeMinisignPublicKey(bytes);
  return { keyId, publicKey };
}

/** Returns a minisign public key file as `minisign -G` writes it (key ID as 16 uppercase hex digits). */
export function formatMinisignPublicKey(key: MinisignPublicKey): string {
  return `${UNTRUSTED_COMMENT_PREFIX} minisign public key ${formatMinisignKeyId(key.keyId)}\n${toBase64(encodeMinisignPublicKey(key))}\n`;
}
