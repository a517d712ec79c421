/**
 * minisign public keys and signatures (https://jedisct1.github.io/minisign/): parsing and
 * verification of both signature algorithms, "Ed" (legacy: Ed25519 over the file) and "ED"
 * (Ed25519 over the BLAKE2b-512 hash of the file), with the global signature over the trusted comment.
 */

import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesEqual, concatBytes, toHex, tryFromBase64, utf8 } from '../encoding/index.js';

export interface MinisignPublicKey {
  /** 8 bytes as in the file (minisign prints them reversed, as a little-endian number). */
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array;
}

export interface MinisignSignature {
  readonly algorithm: 'Ed' | 'ED';
  readonly keyId: Uint8Array;
  readonly signature: Uint8Array;
  readonly trustedComment: string;
  readonly globalSignature: Uint8Array;
}

const ALG_ED = [0x45, 0x64]; // "Ed"
const ALG_ED_HASHED = [0x45, 0x44]; // "ED"

/** Returns minisign's printed form of a key ID: 16 uppercase hex digits of the little-endian number. */
export function formatMinisignKeyId(keyId: Uint8Array): string {
  return toHex(keyId.slice().reverse()).toUpperCase();
}

function lines(text: string): string[] {
  const out = text.split(/\r?\n/);
  if (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Returns a minisign public key from its base64 line ("RW…", 42 bytes: "Ed" ‖ key ID ‖ Ed25519
 * key), alone or after an "untrusted comment:" line, or a sentence saying what is wrong.
 */
export function parseMinisignPublicKey(text: string): MinisignPublicKey | string {
  const l = lines(text);
  if (l.length === 2 && !l[0]!.startsWith('untrusted comment:')) return 'a two-line minisign public key must start with "untrusted comment:"';
  if (l.length !== 1 && l.length !== 2) return 'a minisign public key is one base64 line, optionally after an "untrusted comment:" line';
  const bytes = tryFromBase64(l[l.length - 1]!);
  if (!bytes || bytes.length !== 42) return 'the minisign public key is not base64 of 42 bytes';
  if (bytes[0] !== ALG_ED[0] || bytes[1] !== ALG_ED[1]) return 'the minisign public key is not of algorithm "Ed"';
  return { keyId: bytes.slice(2, 10), publicKey: bytes.slice(10) };
}

/**
 * Returns a minisign signature from the four lines of a .minisig file ("untrusted comment: …",
 * base64 of algorithm ‖ key ID ‖ signature, "trusted comment: …", base64 of the global signature),
 * or a sentence saying what is wrong.
 */
export function parseMinisignSignature(text: string): MinisignSignature | string {
  const l = lines(text);
  if (l.length !== 4) return `a minisign signature has 4 lines, not ${l.length}`;
  if (!l[0]!.startsWith('untrusted comment:')) return 'line 1 of a minisign signature must start with "untrusted comment:"';
  const sig = tryFromBase64(l[1]!);
  if (!sig || sig.length !== 74) return 'line 2 of a minisign signature must be base64 of 74 bytes';
  const isLegacy = sig[0] === ALG_ED[0] && sig[1] === ALG_ED[1];
  const isHashed = sig[0] === ALG_ED_HASHED[0] && sig[1] === ALG_ED_HASHED[1];
  if (!isLegacy && !isHashed) return 'the minisign signature algorithm is neither "Ed" nor "ED"';
  const prefix = 'trusted comment: ';
  if (!l[2]!.startsWith(prefix)) return 'line 3 of a minisign signature must start with "trusted comment: "';
  const global = tryFromBase64(l[3]!);
  if (!global || global.length !== 64) return 'line 4 of a minisign signature must be base64 of 64 bytes';
  return {
    algorithm: isLegacy ? 'Ed' : 'ED',
    keyId: sig.slice(2, 10),
    signature: sig.slice(10),
    trustedComment: l[2]!.slice(prefix.length),
    globalSignature: global,
  };
}

function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    // Strict RFC 8032 decoding, as shared/note does; libsodium (minisign) is as strict or stricter.
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * Returns undefined when `sig` is a valid minisign signature of `message` by `key`, else the
 * reason: key IDs differ, the signature (over the message for "Ed", over its BLAKE2b-512 for "ED")
 * fails, or the global signature over signature ‖ trusted comment fails. Never throws.
 */
export function verifyMinisign(key: MinisignPublicKey, message: Uint8Array, sig: MinisignSignature): string | undefined {
  if (!bytesEqual(key.keyId, sig.keyId)) {
    return `the signature is by minisign key ${formatMinisignKeyId(sig.keyId)}, not ${formatMinisignKeyId(key.keyId)}`;
  }
  const signed = sig.algorithm === 'ED' ? blake2b(message, { dkLen: 64 }) : message;
  if (!verifyEd25519(key.publicKey, signed, sig.signature)) return `the minisign "${sig.algorithm}" signature does not verify`;
  if (!verifyEd25519(key.publicKey, concatBytes(sig.signature, utf8(sig.trustedComment)), sig.globalSignature)) {
    return 'the minisign global signature over the trusted comment does not verify';
  }
  return undefined;
}
