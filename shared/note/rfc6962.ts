/**
 * static-ct-api RFC 6962 note signatures (signature type 0x05): a CT log's signed tree head as a
 * checkpoint signature. C2SP static-ct-api "Checkpoints":
 *
 *     struct { uint64 timestamp; TreeHeadSignature signature; } RFC6962NoteSignature;
 *
 * where `signature` is the TLS DigitallySigned (RFC 5246 §4.7) over the RFC 6962 §3.5
 * TreeHeadSignature built from the checkpoint's size and root. Only ECDSA P-256 with SHA-256 keys.
 */

import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { InputError } from '../api/errors.js';
import { bytesEqual, concatBytes, uint64BigEndian } from '../encoding/index.js';
import { readCheckpointFields, ROOT_HASH_SIZE } from './checkpoint.js';
import { computeKeyId } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import { keyError } from './note-errors.js';
import { ALGORITHM_BYTES, type NoteVerifier } from './note-types.js';

// DER of SubjectPublicKeyInfo { id-ecPublicKey, prime256v1 } up to the uncompressed point. DER is
// canonical, so every P-256 SPKI starts with exactly these bytes.
const P256_SPKI_PREFIX = Uint8Array.of(
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d,
  0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
);
const P256_POINT_SIZE = 65;

// Keeps a leading BOM, so such a text can never pass as a checkpoint whose origin is the key name.
const textDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** TLS HashAlgorithm sha256 and SignatureAlgorithm ecdsa (RFC 5246 §7.4.1.4.1). */
const TLS_HASH_SHA256 = 4;
const TLS_SIGNATURE_ECDSA = 3;

/** Returns the uncompressed P-256 point of a DER SubjectPublicKeyInfo, or undefined if it is not one. */
export function p256PointFromSpki(spki: Uint8Array): Uint8Array | undefined {
  if (spki.length !== P256_SPKI_PREFIX.length + P256_POINT_SIZE) return undefined;
  if (!bytesEqual(spki.subarray(0, P256_SPKI_PREFIX.length), P256_SPKI_PREFIX)) return undefined;
  const point = spki.slice(P256_SPKI_PREFIX.length);
  try {
    p256.Point.fromBytes(point).assertValidity();
  } catch {
    return undefined;
  }
  return point;
}

/** Returns the RFC 6962 log ID: SHA-256 of the log's DER SubjectPublicKeyInfo (RFC 6962 §3.2). */
export function rfc6962LogId(spki: Uint8Array): Uint8Array {
  return sha256(spki);
}

/**
 * Returns the bytes an RFC 6962 log signs for a tree head (RFC 6962 §3.5 TreeHeadSignature):
 * version v1 (0) ‖ signature_type tree_hash (1) ‖ uint64 timestamp ‖ uint64 tree_size ‖ root.
 */
export function treeHeadSignatureInput(timestampMs: number | bigint, size: number | bigint, rootHash: Uint8Array): Uint8Array {
  if (rootHash.length !== ROOT_HASH_SIZE) throw new Error(`bug: root hash of ${rootHash.length} bytes`);
  return concatBytes(Uint8Array.of(0, 1), uint64BigEndian(timestampMs), uint64BigEndian(size), rootHash);
}

/**
 * Returns the RFC6962NoteSignature bytes (without the key ID) for a DER ECDSA signature made at
 * `timestampMs`: uint64 timestamp ‖ DigitallySigned { sha256, ecdsa, opaque<0..2^16-1> }.
 */
export function formatRfc6962NoteSignature(timestampMs: number | bigint, derSignature: Uint8Array): Uint8Array {
  if (derSignature.length > 0xffff) throw new Error('bug: signature longer than 2^16 − 1 bytes');
  return concatBytes(
    uint64BigEndian(timestampMs),
    Uint8Array.of(TLS_HASH_SHA256, TLS_SIGNATURE_ECDSA, derSignature.length >> 8, derSignature.length & 255),
    derSignature,
  );
}

/** The parts of an RFC6962NoteSignature. */
export interface Rfc6962NoteSignature {
  readonly timestampMs: bigint;
  readonly hashAlgorithm: number;
  readonly signatureAlgorithm: number;
  readonly signature: Uint8Array;
}

/** Returns the parts of an RFC6962NoteSignature, or undefined unless the bytes are exactly one. */
export function parseRfc6962NoteSignature(bytes: Uint8Array): Rfc6962NoteSignature | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const length = view.getUint16(10);
  if (bytes.length !== 12 + length) return undefined;
  return { timestampMs: view.getBigUint64(0), hashAlgorithm: bytes[8]!, signatureAlgorithm: bytes[9]!, signature: bytes.slice(12) };
}

/**
 * Returns the timestamp (Unix milliseconds) of an RFC6962NoteSignature, or undefined when it does
 * not parse or exceeds 2^53 − 1.
 */
export function rfc6962TimestampMs(signature: Uint8Array): number | undefined {
  const parsed = parseRfc6962NoteSignature(signature);
  if (parsed === undefined || parsed.timestampMs > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(parsed.timestampMs);
}

/**
 * Returns the verifier of a static-ct-api log's checkpoint signatures, given the log's name (its
 * origin line, e.g. `rome.ct.filippo.io/2024h1`) and its DER SubjectPublicKeyInfo (ECDSA P-256).
 * Key ID = SHA-256(name ‖ 0x0A ‖ 0x05 ‖ log ID)[:4]. A signature verifies only when the note is a
 * checkpoint whose origin equals `name` (the TreeHeadSignature does not cover the origin) and has no
 * extension lines, and the ECDSA signature (DER, high S allowed, as Go) covers its size and root.
 * Throws InputError `invalid_key_name` for an invalid name, and `malformed_key` ("malformed verifier
 * id", Go's message) when `spki` is not a P-256 SubjectPublicKeyInfo (RSA logs are not supported).
 */
export function createRfc6962Verifier(name: string, spki: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) {
    throw new InputError('invalid_key_name', `key name ${JSON.stringify(name)} is not valid`, { name }, { hint: 'use the log\'s submission prefix without scheme and trailing slash, e.g. rome.ct.example.com/2024h1' });
  }
  const point = p256PointFromSpki(spki);
  if (point === undefined) throw keyError('malformed_key', 'verifier', 'an RFC 6962 key must be the DER SubjectPublicKeyInfo of an ECDSA P-256 key');
  const publicKey = spki.slice();
  return {
    name,
    keyId: computeKeyId(name, concatBytes(Uint8Array.of(ALGORITHM_BYTES.rfc6962), rfc6962LogId(publicKey))),
    type: 'rfc6962',
    publicKey,
    verify(text, signature) {
      const parsed = parseRfc6962NoteSignature(signature);
      if (parsed === undefined || parsed.hashAlgorithm !== TLS_HASH_SHA256 || parsed.signatureAlgorithm !== TLS_SIGNATURE_ECDSA) return false;
      if (parsed.timestampMs > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      const fields = readCheckpointFields(textDecoder.decode(text));
      if (typeof fields === 'string' || fields.origin !== name || fields.extensions.length > 0) return false;
      const input = treeHeadSignatureInput(parsed.timestampMs, fields.size, fields.rootHash);
      try {
        return p256.verify(parsed.signature, input, point, { prehash: true, lowS: false, format: 'der' });
      } catch {
        return false;
      }
    },
  };
}
