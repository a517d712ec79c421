/**
 * hashedrekord 0.0.2, Rekor v2's (sigstore/rekor-tiles `pkg/types/hashedrekord/hashedrekord.go`
 * `ToLogEntry`). The proposed spec is a `HashedRekordRequestV002` in protojson ({digest, signature:
 * {content, verifier}}); a stored body's spec ({hashedRekordV002: {data, signature}}) is accepted too
 * and must come back unchanged.
 *
 * Canonical body (`protojson.Marshal(Entry)`, then RFC 8785): `{apiVersion: "0.0.2", kind:
 * "hashedrekord", spec: {hashedRekordV002: {data: {algorithm: SHA2_256|SHA2_384|SHA2_512 (from the
 * key details), digest: base64}, signature: the request's signature as given (content and verifier
 * bytes base64, keyDetails by name)}}}`. The verifier's key or certificate is stored as sent, not
 * re-encoded; certificate validity is not checked.
 */

import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { fromBase64, toBase64, toHex } from '../../../../shared/encoding/index.js';
import type { EntryKind, IndexKey } from '../entry-kind.js';
import { describeKeyForMessage, REKOR_V2_ALGORITHMS } from './algorithm-registry.js';
import { sanKeys, sha256Key, spkiKey, uniqueIndexKeys } from './index-keys.js';
import { isJsonObject, type JsonObject } from './kind-helpers.js';
import { parseProtoMessage } from './protojson.js';
import { ENTRY_SPEC_V002, HASHED_REKORD_REQUEST_V002, type SignatureJson } from './rekor-v2-messages.js';
import { HASHED_REKORD_V002_SCHEMA } from './rekor-v2-schemas.js';
import { parseV2Verifier, verifierProblems, type V2Verifier } from './rekor-v2-verifier.js';
import { createSpecKind } from './spec-kind.js';
import { problem, throwIfProblems, type SpecProblem } from './spec-validation.js';
import { HASH_SIZES, verifyDigestSignature, type HashName } from './verify-signature.js';

const KIND = 'hashedrekord';
const API_VERSION = '0.0.2';
const LABEL = `${KIND} ${API_VERSION}`;

/** The protojson name of each digest (`HashAlgorithm`). */
export const PROTO_HASH_NAMES: Readonly<Record<HashName, string>> = { sha256: 'SHA2_256', sha384: 'SHA2_384', sha512: 'SHA2_512' };

interface Request {
  readonly digest?: string;
  readonly signature?: SignatureJson;
}

interface Prepared {
  readonly digest: Uint8Array;
  readonly signature: SignatureJson;
  readonly verifier: V2Verifier;
  readonly hash: HashName;
}

function isLogEntryForm(spec: unknown): boolean {
  return isJsonObject(spec) && ('hashedRekordV002' in spec || 'hashed_rekord_v002' in spec || 'dsseV002' in spec || 'dsse_v002' in spec);
}

function parseSpec(spec: unknown): { request: Request; storedAlgorithm: unknown; pointer: string } {
  const problems: SpecProblem[] = [];
  if (isLogEntryForm(spec)) {
    const parsed = parseProtoMessage(ENTRY_SPEC_V002, spec, '', problems) ?? {};
    if (parsed.dsseV002 !== undefined) problems.push(problem('/dsseV002', 'is a dsse spec, not hashedrekord'));
    throwIfProblems(LABEL, problems);
    const entry = (parsed.hashedRekordV002 ?? {}) as { data?: { algorithm?: unknown; digest?: string }; signature?: SignatureJson };
    return { request: { digest: entry.data?.digest, signature: entry.signature }, storedAlgorithm: entry.data?.algorithm, pointer: '/hashedRekordV002' };
  }
  const request = parseProtoMessage(HASHED_REKORD_REQUEST_V002, spec, '', problems) as Request | undefined;
  if (request === undefined && problems.length === 0) problems.push(problem('', 'must be a HashedRekordRequestV002 object'));
  throwIfProblems(LABEL, problems);
  return { request: request!, storedAlgorithm: undefined, pointer: '' };
}

function prepare(request: Request, pointer: string): Prepared {
  const digestPointer = pointer === '' ? '/digest' : `${pointer}/data/digest`;
  const problems: SpecProblem[] = [];
  if (request.signature?.content === undefined) problems.push(problem(`${pointer}/signature/content`, 'is required'));
  problems.push(...verifierProblems(request.signature?.verifier, `${pointer}/signature/verifier`));
  if (request.digest === undefined) problems.push(problem(digestPointer, 'is required'));
  throwIfProblems(LABEL, problems);
  const signature = request.signature!;
  const verifier = parseV2Verifier(signature.verifier!, 'signature.verifier', REKOR_V2_ALGORITHMS);
  const hash = verifier.algorithm.hash;
  if (hash === undefined) {
    throw new InputError('algorithm_unsupported', `unsupported signing algorithm ${verifier.algorithm.details} for hashedrekord: no associated digest algorithm`, { keyDetails: verifier.algorithm.details });
  }
  const digest = fromBase64(request.digest!);
  if (digest.length !== HASH_SIZES[hash]) {
    throwIfProblems(LABEL, [problem(digestPointer, `digest length (${digest.length}) does not match expected size (${HASH_SIZES[hash]}) for ${hash}`)]);
  }
  return { digest, signature, verifier, hash };
}

function verifyPrepared(prepared: Prepared): void {
  if (!verifyDigestSignature(prepared.verifier.info, prepared.hash, prepared.digest, fromBase64(prepared.signature.content!))) {
    throw new VerificationError('signature_invalid', `the signature does not verify over ${prepared.hash} digest ${toHex(prepared.digest)} with the ${describeKeyForMessage(prepared.verifier.info)} key`, { algorithm: prepared.hash, digest: toHex(prepared.digest) });
  }
}

function bodyOf(prepared: Prepared): JsonObject {
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    spec: { hashedRekordV002: { data: { algorithm: PROTO_HASH_NAMES[prepared.hash], digest: toBase64(prepared.digest) }, signature: prepared.signature } },
  };
}

function keysOf(prepared: Prepared): IndexKey[] {
  return uniqueIndexKeys([...(prepared.hash === 'sha256' ? [sha256Key(toHex(prepared.digest))] : []), spkiKey(prepared.verifier.info.spkiDer), ...sanKeys(prepared.verifier.names)]);
}

function acceptSpec(spec: unknown): Prepared {
  const { request, storedAlgorithm, pointer } = parseSpec(spec);
  const prepared = prepare(request, pointer);
  if (pointer !== '' && storedAlgorithm !== PROTO_HASH_NAMES[prepared.hash]) {
    throwIfProblems(LABEL, [problem(`${pointer}/data/algorithm`, `must be ${PROTO_HASH_NAMES[prepared.hash]}, the digest of keyDetails ${prepared.verifier.algorithm.details}`)]);
  }
  return prepared;
}

/** Rekor v2's hashedrekord 0.0.2. */
export const hashedRekordV002: EntryKind = createSpecKind({
  kind: KIND,
  apiVersion: API_VERSION,
  specSchema: HASHED_REKORD_V002_SCHEMA,
  parse: acceptSpec,
  verify: verifyPrepared,
  bodyOf,
  indexKeysOf: keysOf,
});
