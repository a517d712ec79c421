/**
 * Signature checks with sigstore's semantics (`sigstore/pkg/signature`), which Rekor v1 and v2 use:
 * ECDSA accepts ASN.1 DER or IEEE P1363 (r‖s) signatures and high S; RSA is PKCS #1 v1.5;
 * Ed25519 is pure over a message, or Ed25519ph over a SHA-512 digest when a digest is given.
 */

import { constants, createHash, publicDecrypt } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { eddsa } from '@noble/curves/abstract/edwards.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes, fromHex } from '../../../../shared/encoding/index.js';
import { verifyDigestNative } from '../../crypto/native-digest-verify.js';
import { DerError, readDer, readDerChildren } from './der-reader.js';
import type { EcCurve, PublicKeyInfo } from './public-key-info.js';

/** The digests Rekor's kinds use. */
export type HashName = 'sha256' | 'sha384' | 'sha512';

/** Digest sizes in bytes. */
export const HASH_SIZES: Readonly<Record<HashName, number>> = { sha256: 32, sha384: 48, sha512: 64 };

/** Returns the digest of `message`. */
export function digestOf(hash: HashName, message: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(hash).update(message).digest());
}

const DIGEST_INFO_PREFIX: Readonly<Record<HashName, string>> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

const CURVE_IMPLS = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const;

/** Ed25519ph (RFC 8032 §5.1) over a digest the caller already computed, as Go's `ed25519.VerifyWithOptions`. */
const ed25519phOfDigest = eddsa(ed25519.Point, sha512, {
  domain: (data: Uint8Array, context: Uint8Array, phflag: boolean) =>
    concatBytes(new TextEncoder().encode('SigEd25519 no Ed25519 collisions'), new Uint8Array([phflag ? 1 : 0, context.length]), context, data),
  prehash: (digest: Uint8Array) => digest,
});

function verifyRsaPkcs1v15(info: Extract<PublicKeyInfo, { type: 'rsa' }>, hash: HashName, digest: Uint8Array, signature: Uint8Array): boolean {
  // Go's rsa.VerifyPKCS1v15: the signature is exactly the modulus size and the whole encoded
  // message must match, so compare EM = 00 01 FF… 00 ‖ DigestInfo ‖ digest byte for byte.
  const k = info.sizeBytes;
  const t = concatBytes(fromHex(DIGEST_INFO_PREFIX[hash]), digest);
  if (signature.length !== k || k < t.length + 11) return false;
  let em: Uint8Array;
  try {
    em = new Uint8Array(publicDecrypt({ key: info.key, padding: constants.RSA_NO_PADDING }, signature));
  } catch {
    return false;
  }
  const expected = new Uint8Array(k).fill(0xff);
  expected[0] = 0;
  expected[1] = 1;
  expected[k - t.length - 1] = 0;
  expected.set(t, k - t.length);
  return bytesEqual(em, expected);
}

function looksLikeAsn1Signature(signature: Uint8Array): boolean {
  // sigstore tries asn1.Unmarshal into {R, S *big.Int} first; only when that fails does it read r‖s.
  try {
    const { element } = readDer(signature);
    if (element.tag !== 0x30) return false;
    const children = readDerChildren(element.contents);
    return children.length === 2 && children.every((c) => c.tag === 0x02);
  } catch (error) {
    if (error instanceof DerError) return false;
    throw error;
  }
}

function bigintOf(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function fixedBytes(value: bigint, size: number): Uint8Array {
  return fromHex(value.toString(16).padStart(size * 2, '0'));
}

function verifyEcdsa(info: Extract<PublicKeyInfo, { type: 'ecdsa' }>, hash: HashName, digest: Uint8Array, signature: Uint8Array): boolean {
  const { curve, point } = info;
  const impl = CURVE_IMPLS[curve];
  const options = { prehash: false, lowS: false } as const;
  try {
    if (looksLikeAsn1Signature(signature)) return verifyDigestNative(info.spkiDer, hash, digest, signature) ?? impl.verify(signature, digest, point, { ...options, format: 'der' });
    if (signature.length === 0 || signature.length > 132 || signature.length % 2 !== 0) return false;
    return verifyEcdsaRs(curve, point, digest, bigintOf(signature.subarray(0, signature.length / 2)), bigintOf(signature.subarray(signature.length / 2)));
  } catch {
    return false;
  }
}

/** Returns true when (r, s) is a valid ECDSA signature of `digest` (Go's `ecdsa.Verify`: high S accepted). Never throws. */
export function verifyEcdsaRs(curve: EcCurve, point: Uint8Array, digest: Uint8Array, r: bigint, s: bigint): boolean {
  const impl = CURVE_IMPLS[curve];
  const n = impl.Point.Fn.ORDER;
  if (r <= 0n || s <= 0n || r >= n || s >= n) return false;
  const size = impl.Point.Fn.BYTES;
  try {
    return impl.verify(concatBytes(fixedBytes(r, size), fixedBytes(s, size)), digest, point, { prehash: false, lowS: false, format: 'compact' });
  } catch {
    return false;
  }
}

/**
 * Returns true when `signature` verifies over an already computed `digest` (sigstore's
 * `VerifySignature(…, WithDigest(digest), WithCryptoSignerOpts(hash))` on a verifier loaded with
 * `WithED25519ph()`, as hashedrekord uses it). Ed25519 keys verify Ed25519ph and need SHA-512.
 * Never throws.
 */
export function verifyDigestSignature(info: PublicKeyInfo, hash: HashName, digest: Uint8Array, signature: Uint8Array): boolean {
  if (digest.length !== HASH_SIZES[hash]) return false;
  switch (info.type) {
    case 'rsa':
      return verifyRsaPkcs1v15(info, hash, digest, signature);
    case 'ecdsa':
      return verifyEcdsa(info, hash, digest, signature);
    case 'ed25519':
      if (hash !== 'sha512' || signature.length !== 64) return false;
      try {
        return ed25519phOfDigest.verify(signature, digest, info.raw, { zip215: false });
      } catch {
        return false;
      }
  }
}

/**
 * Returns true when `signature` verifies over `message` with a verifier loaded as sigstore's
 * `LoadVerifier(key, hash)`: RSA and ECDSA hash the message with `hash`; Ed25519 is pure Ed25519
 * (the hash is ignored). Never throws.
 */
export function verifyMessageSignature(info: PublicKeyInfo, hash: HashName, message: Uint8Array, signature: Uint8Array): boolean {
  if (info.type === 'ed25519') {
    if (signature.length !== 64) return false;
    try {
      return ed25519.verify(signature, message, info.raw, { zip215: false });
    } catch {
      return false;
    }
  }
  return verifyDigestSignature(info, hash, digestOf(hash, message), signature);
}
