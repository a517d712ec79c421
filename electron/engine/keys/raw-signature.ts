import { sign, type KeyObject } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { InputError } from '../../../shared/api/errors.js';
import { keyAlgorithm, p256Scalar } from './key-objects.js';

/**
 * Returns a raw signature of `data`: Ed25519 (PureEdDSA, RFC 8032, 64 bytes) over the data itself,
 * or ECDSA P-256 over SHA-256 of the data, DER-encoded (what `openssl dgst -sha256 -sign` and
 * Rekor's x509 / hashedrekord verifiers take).
 */
export function signRaw(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  const algorithm = keyAlgorithm(privateKey);
  switch (algorithm) {
    case 'ed25519':
      return new Uint8Array(sign(null, data, privateKey));
    case 'ecdsa-p256':
      return new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
    case 'rsa':
    case undefined:
      throw new Error(`bug: raw signature with a ${privateKey.asymmetricKeyType} key`);
  }
}

/**
 * Returns the DER ECDSA P-256 signature of a SHA-256 digest the caller computed (for a hashedrekord
 * of an artifact we never read whole). Equal in meaning to `signRaw` over the artifact: ECDSA
 * signs the SHA-256 digest either way. Ed25519 cannot do this (PureEdDSA hashes the whole
 * message itself), so it throws InputError `digest_signing_unsupported`.
 */
export function signSha256Digest(privateKey: KeyObject, sha256: Uint8Array): Uint8Array {
  if (sha256.length !== 32) throw new InputError('digest_invalid', `a SHA-256 digest has 32 bytes, got ${sha256.length}`, { length: sha256.length });
  if (keyAlgorithm(privateKey) !== 'ecdsa-p256') {
    throw new InputError('digest_signing_unsupported', `a ${privateKey.asymmetricKeyType} key cannot sign a precomputed digest`, {}, {
      hint: 'Ed25519 signs the artifact bytes themselves: pass the artifact, not its digest',
    });
  }
  // node:crypto always hashes its input; noble signs the digest as given (RFC 6979 deterministic k).
  return p256.sign(sha256, p256Scalar(privateKey), { prehash: false, format: 'der' });
}
