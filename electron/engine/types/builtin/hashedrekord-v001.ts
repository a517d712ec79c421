/**
 * hashedrekord 0.0.1 (sigstore/rekor `pkg/types/hashedrekord/v0.0.1/entry.go`): a signature over an
 * artefact digest, with the verifying key as PEM (PKIX key, certificate or chain).
 *
 * Canonical body (`Canonicalize`): `spec.data.hash` as proposed ({algorithm, value}, value not
 * re-cased); `spec.signature.content` = base64 of the signature bytes; `spec.signature.publicKey.content`
 * = base64 of the key re-encoded by Go (`MarshalPublicKeyToPEM` / `MarshalCertificateToPEM`);
 * no `data.content`, no URLs. Before that Rekor verifies the signature over the digest (Ed25519 as
 * Ed25519ph, which needs sha512) and, in the API layer, checks the key/digest pair against its
 * algorithm registry. Certificate validity is not checked (expired short-lived certificates are
 * accepted; verifiers judge them at the integrated time).
 */

import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { toBase64, tryFromHex } from '../../../../shared/encoding/index.js';
import type { EntryKind, IndexKey } from '../entry-kind.js';
import { describeKeyForMessage, isAlgorithmPermitted, REKOR_V1_ALGORITHMS } from './algorithm-registry.js';
import { decodeGoBase64 } from './go-base64.js';
import { HASHEDREKORD_V001_SCHEMA } from './hashedrekord-v001-schema.js';
import { sanKeys, sha256Key, spkiKey, uniqueIndexKeys } from './index-keys.js';
import { goString, stringAt, type JsonObject } from './kind-helpers.js';
import { createSpecKind } from './spec-kind.js';
import { assertSpecMatchesSchema, problem, throwIfProblems, type SpecProblem } from './spec-validation.js';
import { HASH_SIZES, verifyDigestSignature, type HashName } from './verify-signature.js';
import { parseX509PublicKey, verifyX509CertificateChain, type X509PublicKey } from './x509-public-key.js';

const KIND = 'hashedrekord';
const API_VERSION = '0.0.1';
const LABEL = `${KIND} ${API_VERSION}`;

interface ParsedSpec {
  readonly hash: HashName;
  readonly hashValue: string;
  readonly digest: Uint8Array;
  readonly signature: Uint8Array;
  readonly key: X509PublicKey;
}

function nonEmptyString(spec: JsonObject, pointer: string, path: readonly string[], problems: SpecProblem[]): string {
  const value = stringAt(spec, ...path);
  if (value === undefined || value === '') problems.push(problem(pointer, 'is required'));
  return value ?? '';
}

function parseSpec(spec: unknown): ParsedSpec {
  assertSpecMatchesSchema(LABEL, HASHEDREKORD_V001_SCHEMA, spec);
  const s = spec as JsonObject;
  // Rekor's Insertable()/validate(): fields the schema leaves optional but the entry needs.
  const problems: SpecProblem[] = [];
  const signatureB64 = nonEmptyString(s, '/signature/content', ['signature', 'content'], problems);
  const keyB64 = nonEmptyString(s, '/signature/publicKey/content', ['signature', 'publicKey', 'content'], problems);
  const algorithm = stringAt(s, 'data', 'hash', 'algorithm');
  const hashValue = stringAt(s, 'data', 'hash', 'value');
  if (algorithm === undefined || hashValue === undefined) problems.push(problem('/data/hash', 'is required'));
  throwIfProblems(LABEL, problems);
  // Rekor defaults anything but sha384/sha512 to sha256 (the schema enum already limits it).
  const hash: HashName = algorithm === 'sha384' || algorithm === 'sha512' ? algorithm : 'sha256';
  const digest = hashValue!.length === HASH_SIZES[hash] * 2 ? tryFromHex(hashValue!) : undefined;
  if (!digest) throwIfProblems(LABEL, [problem('/data/hash/value', `invalid value for hash: must be ${HASH_SIZES[hash] * 2} hex digits for ${hash}`)]);
  const signature = decodeGoBase64(signatureB64)!;
  const key = parseX509PublicKey(decodeGoBase64(keyB64)!, 'signature.publicKey.content');
  return { hash, hashValue: goString(hashValue!), digest: digest!, signature, key };
}

function verifyParsed(parsed: ParsedSpec): void {
  const { key, hash } = parsed;
  if (key.info.type === 'ed25519' && hash !== 'sha512') {
    // sigstore loads Ed25519 keys as Ed25519ph here, which only takes SHA-512 digests.
    throw new InputError('algorithm_unsupported', `an ed25519 key signs hashedrekord entries as Ed25519ph over a sha512 digest, not ${hash}`, { algorithm: hash }, { hint: 'hash the artefact with sha512 and sign the digest with Ed25519ph' });
  }
  verifyX509CertificateChain(key);
  if (!verifyDigestSignature(key.info, hash, parsed.digest, parsed.signature)) {
    throw new VerificationError('signature_invalid', `the signature does not verify over ${hash} digest ${parsed.hashValue} with the ${describeKeyForMessage(key.info)} key`, { algorithm: hash, digest: parsed.hashValue });
  }
  if (!isAlgorithmPermitted(key.info, hash, REKOR_V1_ALGORITHMS)) {
    throw new InputError('algorithm_unsupported', `entry algorithm ${describeKeyForMessage(key.info)}/${hash} is not allowed`, { key: describeKeyForMessage(key.info), algorithm: hash }, { hint: 'Rekor allows RSA 2048/3072/4096 with sha256, ECDSA P-256/sha256, P-384/sha384, P-521/sha512 and Ed25519ph/sha512' });
  }
}

function bodyOf(parsed: ParsedSpec): JsonObject {
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    spec: {
      data: { hash: { algorithm: parsed.hash, value: parsed.hashValue } },
      signature: { content: toBase64(parsed.signature), publicKey: { content: toBase64(parsed.key.canonical) } },
    },
  };
}

function keysOf(parsed: ParsedSpec): IndexKey[] {
  return uniqueIndexKeys([...(parsed.hash === 'sha256' ? [sha256Key(parsed.hashValue)] : []), spkiKey(parsed.key.info.spkiDer), ...sanKeys(parsed.key.names)]);
}

/** Rekor's hashedrekord 0.0.1. */
export const hashedRekordV001: EntryKind = createSpecKind({
  kind: KIND,
  apiVersion: API_VERSION,
  specSchema: HASHEDREKORD_V001_SCHEMA,
  parse: parseSpec,
  verify: verifyParsed,
  bodyOf,
  indexKeysOf: keysOf,
});
