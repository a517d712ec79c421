import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { InputError } from '../../../shared/api/index.js';
import { concatBytes, utf8 } from '../../../shared/encoding/index.js';

/** The signature schemes of transparency-log keys: Ed25519 (Rekor v2, our log), ECDSA and RSA (Rekor v1). */
export type LogKeyAlgorithm = 'ed25519' | 'ecdsa' | 'rsa';

/** Returns the key's scheme; InputError `key_unsupported` for any other key type. */
export function logKeyAlgorithm(key: KeyObject): LogKeyAlgorithm {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'ed25519';
    case 'ec':
      return 'ecdsa';
    case 'rsa':
      return 'rsa';
    default:
      throw new InputError('key_unsupported', `a ${String(key.asymmetricKeyType)} key cannot be a transparency-log key (Ed25519, ECDSA or RSA)`, { keyType: key.asymmetricKeyType });
  }
}

/** Returns the DER SubjectPublicKeyInfo of a public key. */
export function spkiDer(key: KeyObject): Uint8Array {
  return new Uint8Array(key.export({ type: 'spki', format: 'der' }));
}

/** Returns the lowercase hex SHA-256 of the key's DER SubjectPublicKeyInfo (its fingerprint). */
export function spkiSha256Hex(key: KeyObject): string {
  return createHash('sha256').update(spkiDer(key)).digest('hex');
}

/** Returns the SHA-256 of `bytes`. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

// DER of SubjectPublicKeyInfo { id-Ed25519 } up to the 32 key bytes (RFC 8410).
const ED25519_SPKI_PREFIX = Uint8Array.of(0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00);

/** Returns the DER SubjectPublicKeyInfo of a raw 32-byte Ed25519 public key. */
export function ed25519SpkiDer(raw32: Uint8Array): Uint8Array {
  if (raw32.length !== 32) throw new InputError('key_invalid', `an Ed25519 public key is 32 bytes, not ${raw32.length}`);
  return concatBytes(ED25519_SPKI_PREFIX, raw32);
}

/**
 * Returns a log's ID as Sigstore defines it for the key: for Ed25519 (Rekor v2, our log) the C2SP
 * signed-note key hash SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte key), for ECDSA and RSA (Rekor v1,
 * RFC 6962 §3.2) SHA-256 of the DER SubjectPublicKeyInfo, where `name` plays no part.
 */
export function logIdOf(key: KeyObject, name: string): Uint8Array {
  const der = spkiDer(key);
  if (logKeyAlgorithm(key) !== 'ed25519') return sha256(der);
  return sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, 0x01), der.subarray(ED25519_SPKI_PREFIX.length)));
}

/**
 * Returns true when `signature` is the log key's signature over `data`: Ed25519 over the bytes
 * themselves, ECDSA (DER) and RSA PKCS#1 v1.5 over their SHA-256, as Rekor signs SETs and checkpoints.
 * Never throws: a malformed signature is just invalid.
 */
export function verifyLogSignature(key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(logKeyAlgorithm(key) === 'ed25519' ? null : 'sha256', data, key, signature);
  } catch {
    return false;
  }
}

/** Returns the public key of a PEM text (SPKI, or the key of a certificate); InputError `key_invalid` otherwise. */
export function publicKeyFromPem(pem: string): KeyObject {
  try {
    return createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new InputError('key_invalid', `the PEM text is not a public key: ${error instanceof Error ? error.message : String(error)}`, undefined, {
      hint: 'pass a PEM "PUBLIC KEY" (SubjectPublicKeyInfo)',
    });
  }
}

/** Returns the public key of a DER SubjectPublicKeyInfo, or undefined when it is not one. */
export function tryPublicKeyFromSpki(der: Uint8Array): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}
