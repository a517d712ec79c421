/**
 * Rekor's "minisign" format (`pkg/pki/minisign/minisign.go`, on jedisct1/go-minisign): minisign and
 * signify keys and signatures. Rekor checks only the Ed25519 signature over the file (or over its
 * BLAKE2b-512 when the signature algorithm is "ED"); it does not compare key IDs nor check the
 * trusted comment's global signature, and its canonical signature drops both comments:
 * "untrusted comment:\n" + base64(algorithm ‖ key ID ‖ signature), no final newline. The canonical
 * key is base64(algorithm ‖ key ID ‖ key).
 */

import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { toBase64, toHex, utf8 } from '../../../../shared/encoding/index.js';
import { ed25519Spki } from '../../../../shared/layout/index.js';
import {
  decodeMinisignPublicKey,
  decodeMinisignSignature,
  encodeMinisignPublicKey,
  MINISIGN_PUBLIC_KEY_SIZE,
  MINISIGN_SIGNATURE_SIZE,
  verifyMinisignContent,
} from '../../../../shared/minisign/index.js';
import type { IndexKey } from '../entry-kind.js';
import { decodeGoBase64 } from './go-base64.js';
import { byteString } from './go-pem.js';
import { spkiKey } from './index-keys.js';

/** A minisign public key. */
export interface MinisignPublicKey {
  readonly algorithm: Uint8Array;
  readonly keyId: Uint8Array;
  readonly key: Uint8Array;
  readonly canonical: Uint8Array;
}

/** A minisign or signify signature. */
export interface MinisignSignature {
  readonly algorithm: Uint8Array;
  readonly keyId: Uint8Array;
  readonly signature: Uint8Array;
  readonly canonical: Uint8Array;
}

function keyFromBinary(bin: Uint8Array): MinisignPublicKey {
  const { algorithm, keyId, publicKey } = decodeMinisignPublicKey(bin);
  return { algorithm, keyId, key: publicKey, canonical: utf8(toBase64(bin)) };
}

/**
 * Returns the key in `bytes`: a minisign .pub file (comment line, base64 line), a bare base64 line,
 * or the 32 raw key bytes Rekor once stored. Throws InputError('public_key_invalid').
 */
export function parseMinisignPublicKey(bytes: Uint8Array): MinisignPublicKey {
  const text = byteString(bytes);
  const newline = text.indexOf('\n');
  const fromFile = newline < 0 ? undefined : decodeGoBase64(text.slice(newline + 1));
  if (fromFile?.length === MINISIGN_PUBLIC_KEY_SIZE) return keyFromBinary(fromFile);
  const bare = decodeGoBase64(text);
  if (bare?.length === MINISIGN_PUBLIC_KEY_SIZE) return keyFromBinary(bare);
  if (bytes.length === 32) return keyFromBinary(encodeMinisignPublicKey({ keyId: new Uint8Array(8), publicKey: bytes }));
  throw new InputError('public_key_invalid', 'unable to read minisign public key: expected a minisign .pub file, its base64 line, or 32 raw key bytes');
}

function signatureFromBinary(bin: Uint8Array): MinisignSignature {
  return { ...decodeMinisignSignature(bin), canonical: utf8(`untrusted comment:\n${toBase64(bin)}`) };
}

/** Returns the signature in a minisign (4-line) or signify (2-line) file, or throws InputError('signature_malformed'). */
export function parseMinisignSignature(bytes: Uint8Array): MinisignSignature {
  const text = byteString(bytes);
  const lines = text.split('\n');
  if (lines.length >= 4) {
    const first = decodeGoBase64(lines[1]!);
    const global = decodeGoBase64(lines.slice(3).join('\n'));
    if (first?.length === MINISIGN_SIGNATURE_SIZE && global?.length === 64) return signatureFromBinary(first);
  }
  const signify = text.replace(/\n+$/, '').split('\n');
  if (signify.length !== 2) throw new InputError('signature_malformed', `invalid signature provided: ${signify.length} lines detected`);
  const bin = decodeGoBase64(signify[1]!);
  if (!bin) throw new InputError('signature_malformed', 'invalid signature provided: base64 decoding failed');
  if (bin.length !== MINISIGN_SIGNATURE_SIZE) throw new InputError('signature_malformed', `invalid signature provided: incorrect size ${bin.length} detected`);
  return signatureFromBinary(bin);
}

/** Verifies as Rekor does: Ed25519 over the content, or over BLAKE2b-512(content) for "ED" signatures. Throws VerificationError('signature_invalid'). */
export function verifyMinisignSignature(signature: MinisignSignature, key: MinisignPublicKey, content: Uint8Array): void {
  const prehashed = signature.algorithm[1] === 0x44;
  if (!verifyMinisignContent(key.key, content, signature.signature, prehashed)) {
    throw new VerificationError('signature_invalid', `the minisign signature (key ID ${toHex(signature.keyId)}${prehashed ? ', prehashed' : ''}) does not verify with key ${toHex(key.keyId)}`, { keyId: toHex(key.keyId) });
  }
}

/** Returns the index key of a minisign key: the fingerprint of its Ed25519 SubjectPublicKeyInfo. */
export function minisignIndexKeys(key: MinisignPublicKey): IndexKey[] {
  return [spkiKey(ed25519Spki(key.key))];
}
