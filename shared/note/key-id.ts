/** Key IDs (Go's key hashes) and the text pieces of verifier and signer keys. */

import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, tryFromBase64, utf8 } from '../encoding/index.js';

/**
 * Returns the key ID of a key: the first 4 bytes, big-endian, of
 * SHA-256(name ‖ 0x0A ‖ keyMaterial), where keyMaterial starts with the signature-type byte
 * (C2SP signed-note "Signatures"; for rfc6962 keys the material is 0x05 ‖ log ID).
 */
export function computeKeyId(name: string, keyMaterial: Uint8Array): number {
  const digest = sha256(concatBytes(utf8(name), Uint8Array.of(0x0a), keyMaterial));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

/** Returns a key ID as 8 lowercase hex digits, as in verifier keys and error messages. */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

/** Returns the 4 big-endian bytes of a key ID, the prefix of every signature. */
export function keyIdBytes(keyId: number): Uint8Array {
  return Uint8Array.of(keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255);
}

/** Returns the key ID held in the first 4 bytes of `bytes` (which must have at least 4). */
export function readKeyId(bytes: Uint8Array): number {
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
}

/**
 * Returns the key ID written as 8 hex digits in a key, or undefined. Like Go's
 * `len(s) == 8 && strconv.ParseUint(s, 16, 32)`, either case is accepted.
 */
export function parseKeyIdHex(text: string): number | undefined {
  if (!/^[0-9a-fA-F]{8}$/.test(text)) return undefined;
  return Number.parseInt(text, 16) >>> 0;
}

/** Returns [before, after] the first `sep`, or [text, ''] without one (Go's `chop`). */
export function chop(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + sep.length)];
}

/**
 * Returns the bytes of the base64 field of a key, decoded as Go's `base64.StdEncoding`, which
 * skips CR and LF characters; undefined when malformed.
 */
export function decodeKeyBase64(text: string): Uint8Array | undefined {
  return tryFromBase64(text.replace(/[\r\n]/g, ''));
}
