/**
 * sigstore's algorithm registry (`sigstore/pkg/signature/algorithm_registry.go`): which key and
 * digest pairs a log accepts. Rekor v1 checks it for hashedrekord only (`pkg/api/entries.go`
 * `checkEntryAlgorithms`); rekor-tiles checks it for every v0.0.2 entry, against the key details
 * the client declares.
 */

import type { PublicKeyInfo, EcCurve } from './public-key-info.js';
import type { HashName } from './verify-signature.js';

/** `dev.sigstore.common.v1.PublicKeyDetails` values that sigstore knows algorithm details for. */
export type KeyDetails =
  | 'PKIX_RSA_PKCS1V15_2048_SHA256'
  | 'PKIX_RSA_PKCS1V15_3072_SHA256'
  | 'PKIX_RSA_PKCS1V15_4096_SHA256'
  | 'PKIX_RSA_PSS_2048_SHA256'
  | 'PKIX_RSA_PSS_3072_SHA256'
  | 'PKIX_RSA_PSS_4096_SHA256'
  | 'PKIX_ECDSA_P256_SHA_256'
  | 'PKIX_ECDSA_P384_SHA_384'
  | 'PKIX_ECDSA_P384_SHA_256'
  | 'PKIX_ECDSA_P521_SHA_512'
  | 'PKIX_ECDSA_P521_SHA_256'
  | 'PKIX_ED25519'
  | 'PKIX_ED25519_PH';

/** sigstore's `AlgorithmDetails`: key type and size or curve, and the digest (undefined for pure Ed25519). */
export interface AlgorithmDetails {
  readonly details: KeyDetails;
  readonly keyType: PublicKeyInfo['type'];
  readonly hash: HashName | undefined;
  readonly rsaBits?: number;
  readonly curve?: EcCurve;
}

const SUPPORTED: readonly AlgorithmDetails[] = [
  { details: 'PKIX_RSA_PKCS1V15_2048_SHA256', keyType: 'rsa', hash: 'sha256', rsaBits: 2048 },
  { details: 'PKIX_RSA_PKCS1V15_3072_SHA256', keyType: 'rsa', hash: 'sha256', rsaBits: 3072 },
  { details: 'PKIX_RSA_PKCS1V15_4096_SHA256', keyType: 'rsa', hash: 'sha256', rsaBits: 4096 },
  { details: 'PKIX_RSA_PSS_2048_SHA256', keyType: 'rsa', hash: 'sha256', rsaBits: 2048 },
  { details: 'PKIX_RSA_PSS_3072_SHA256', keyType: 'rsa', hash: 'sha256', rsaBits: 3072 },
  { details: 'PKIX_RSA_PSS_4096_SHA256', keyType: 'rsa', hash: 'sha256', rsaBits: 4096 },
  { details: 'PKIX_ECDSA_P256_SHA_256', keyType: 'ecdsa', hash: 'sha256', curve: 'P-256' },
  { details: 'PKIX_ECDSA_P384_SHA_384', keyType: 'ecdsa', hash: 'sha384', curve: 'P-384' },
  { details: 'PKIX_ECDSA_P384_SHA_256', keyType: 'ecdsa', hash: 'sha256', curve: 'P-384' },
  { details: 'PKIX_ECDSA_P521_SHA_512', keyType: 'ecdsa', hash: 'sha512', curve: 'P-521' },
  { details: 'PKIX_ECDSA_P521_SHA_256', keyType: 'ecdsa', hash: 'sha256', curve: 'P-521' },
  { details: 'PKIX_ED25519', keyType: 'ed25519', hash: undefined },
  { details: 'PKIX_ED25519_PH', keyType: 'ed25519', hash: 'sha512' },
];

/** Rekor v1's default `--client-signing-algorithms` (`pkg/api/api.go` AllowedClientSigningAlgorithms). */
export const REKOR_V1_ALGORITHMS: readonly KeyDetails[] = [
  'PKIX_RSA_PKCS1V15_2048_SHA256',
  'PKIX_RSA_PKCS1V15_3072_SHA256',
  'PKIX_RSA_PKCS1V15_4096_SHA256',
  'PKIX_ECDSA_P256_SHA_256',
  'PKIX_ECDSA_P384_SHA_384',
  'PKIX_ECDSA_P521_SHA_512',
  'PKIX_ED25519',
  'PKIX_ED25519_PH',
];

/** rekor-tiles' default (`internal/algorithmregistry` AllowedClientSigningAlgorithms): no pure Ed25519. */
export const REKOR_V2_ALGORITHMS: readonly KeyDetails[] = [
  'PKIX_RSA_PKCS1V15_2048_SHA256',
  'PKIX_RSA_PKCS1V15_3072_SHA256',
  'PKIX_RSA_PKCS1V15_4096_SHA256',
  'PKIX_ECDSA_P256_SHA_256',
  'PKIX_ECDSA_P384_SHA_384',
  'PKIX_ECDSA_P521_SHA_512',
  'PKIX_ED25519_PH',
];

/** Returns sigstore's details for a key-details name, or undefined when it has none (unspecified, deprecated, ML-DSA, …). */
export function algorithmDetails(details: string): AlgorithmDetails | undefined {
  return SUPPORTED.find((a) => a.details === details);
}

function keyMatches(algorithm: AlgorithmDetails, key: PublicKeyInfo): boolean {
  if (algorithm.keyType !== key.type) return false;
  if (key.type === 'rsa') return key.sizeBytes * 8 === algorithm.rsaBits;
  if (key.type === 'ecdsa') return key.curve === algorithm.curve;
  return true;
}

/**
 * Returns true when some allowed algorithm matches the key (type and RSA size or curve) and the
 * digest, as `AlgorithmRegistryConfig.IsAlgorithmPermitted` decides. `hash` undefined is Go's
 * `crypto.Hash(0)`.
 */
export function isAlgorithmPermitted(key: PublicKeyInfo, hash: HashName | undefined, allowed: readonly KeyDetails[]): boolean {
  return allowed.some((name) => {
    const algorithm = algorithmDetails(name);
    return algorithm !== undefined && keyMatches(algorithm, key) && algorithm.hash === hash;
  });
}

/** Returns a short description of a key for messages ("ecdsa P-256", "rsa 2048", "ed25519"). */
export function describeKeyForMessage(key: PublicKeyInfo): string {
  if (key.type === 'rsa') return `rsa ${key.sizeBytes * 8}`;
  if (key.type === 'ecdsa') return `ecdsa ${key.curve}`;
  return 'ed25519';
}
