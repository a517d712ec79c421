/**
 * dsse 0.0.2, Rekor v2's DSSE kind as rekor-tiles implemented it until it was dropped in June 2026
 * ("Drop DSSE support (#744)", commit fa390b1; the protos stay, deprecated). Rules follow
 * `pkg/types/dsse/dsse.go` at fa390b1^ `ToLogEntry`: 1–10 verifiers (no duplicate raw bytes) and
 * 1–10 non-empty signatures; every verifier's key details pass the algorithm registry; verifiers are
 * tried in order until every signature is verified, each accepting the first signature it verifies
 * (upstream iterated a Go map, so its order was random; request order is the deterministic choice).
 *
 * Canonical body: `{apiVersion: "0.0.2", kind: "dsse", spec: {dsseV002: {payloadHash: {algorithm:
 * SHA2_256, digest: sha256(payload)}, signatures: [{content: signature, verifier: the verifier as
 * sent}] sorted by raw signature bytes}}}`. Neither envelope nor payload type is stored.
 */

import { payloadAttachment, attachedPayloadKeys } from './payload-attachment.js';
import { VerificationError } from '../../../../shared/api/index.js';
import { fromBase64, toBase64, toHex } from '../../../../shared/encoding/index.js';
import type { AcceptedEntry, EntryKind, IndexKey } from '../entry-kind.js';
import { REKOR_V2_ALGORITHMS } from './algorithm-registry.js';
import { firstAcceptedSignature, inTotoDigestKeys, type DsseEnvelope } from './dsse-envelope.js';
import { byteString, bytesOfByteString } from './go-pem.js';
import { sanKeys, sha256Key, spkiKey, uniqueIndexKeys } from './index-keys.js';
import { assertKindAndVersion, assertSameCanonicalBody, isJsonObject, sha256Bytes, specOf, type JsonObject } from './kind-helpers.js';
import { parseProtoMessage } from './protojson.js';
import { DSSE_REQUEST_V002, ENTRY_SPEC_V002, type SignatureJson, type VerifierJson } from './rekor-v2-messages.js';
import { DSSE_V002_SCHEMA } from './rekor-v2-schemas.js';
import { parseV2Verifier, verifierProblems, type V2Verifier } from './rekor-v2-verifier.js';
import { problem, throwIfProblems, type SpecProblem } from './spec-validation.js';
import { verifyMessageSignature } from './verify-signature.js';

const KIND = 'dsse';
const API_VERSION = '0.0.2';
const LABEL = `${KIND} ${API_VERSION}`;
const MAX_VERIFIERS = 10;
const MAX_SIGNATURES = 10;

interface RequestJson {
  readonly envelope?: { readonly payload?: string; readonly payloadType?: string; readonly signatures?: readonly { readonly sig?: string; readonly keyid?: string }[] };
  readonly verifiers?: readonly VerifierJson[];
}

interface SignedBy {
  /** Raw signature bytes as a byte string: the sort key. */
  readonly raw: string;
  readonly verifier: VerifierJson;
  readonly parsed: V2Verifier;
}

function rawBytesOf(v: VerifierJson): string {
  return v.publicKey?.rawBytes ?? v.x509Certificate?.rawBytes ?? '';
}

function parseRequest(spec: unknown): RequestJson {
  const problems: SpecProblem[] = [];
  if (isJsonObject(spec) && ('dsseV002' in spec || 'dsse_v002' in spec)) {
    throwIfProblems(LABEL, [problem('/dsseV002', 'a stored dsse 0.0.2 spec holds no envelope and cannot be proposed; propose the DSSERequestV002 (envelope and verifiers)')]);
  }
  const request = (parseProtoMessage(DSSE_REQUEST_V002, spec, '', problems) ?? {}) as RequestJson;
  throwIfProblems(LABEL, problems);
  if (request.envelope === undefined) problems.push(problem('/envelope', 'is required'));
  const verifiers = request.verifiers ?? [];
  if (verifiers.length === 0) problems.push(problem('/verifiers', 'is required (at least one verifier)'));
  if (verifiers.length > MAX_VERIFIERS) problems.push(problem('/verifiers', `holds ${verifiers.length} verifiers, at most ${MAX_VERIFIERS} are allowed`));
  const seen = new Set<string>();
  verifiers.forEach((v, i) => {
    const found = verifierProblems(v, `/verifiers/${i}`);
    problems.push(...found);
    if (found.length === 0 && seen.has(rawBytesOf(v))) problems.push(problem(`/verifiers/${i}`, 'duplicates an earlier verifier'));
    seen.add(rawBytesOf(v));
  });
  const signatures = request.envelope?.signatures ?? [];
  if (request.envelope !== undefined && signatures.length === 0) problems.push(problem('/envelope/signatures', 'is required (at least one signature)'));
  if (signatures.length > MAX_SIGNATURES) problems.push(problem('/envelope/signatures', `holds ${signatures.length} signatures, at most ${MAX_SIGNATURES} are allowed`));
  signatures.forEach((s, i) => {
    if (s.sig === undefined) problems.push(problem(`/envelope/signatures/${i}/sig`, 'must not be empty'));
  });
  throwIfProblems(LABEL, problems);
  return request;
}

function verifyRequest(request: RequestJson): { signedBy: SignedBy[]; payload: Uint8Array; payloadType: string } {
  const verifiers = request.verifiers!.map((v, i) => ({ json: v, parsed: parseV2Verifier(v, `verifiers[${i}]`, REKOR_V2_ALGORITHMS) }));
  const payload = request.envelope!.payload === undefined ? new Uint8Array(0) : fromBase64(request.envelope!.payload);
  const envelope: DsseEnvelope = {
    payloadType: request.envelope!.payloadType ?? '',
    payload: toBase64(payload),
    signatures: request.envelope!.signatures!.map((s) => ({ keyid: s.keyid ?? '', sig: s.sig! })),
  };
  const unverified = new Set(envelope.signatures.map((s) => s.sig));
  const byRaw = new Map<string, SignedBy>();
  for (const [i, v] of verifiers.entries()) {
    if (unverified.size === 0) break;
    const hash = v.parsed.algorithm.hash ?? 'sha256';
    const accepted = firstAcceptedSignature(envelope, payload, (pae, signature) => verifyMessageSignature(v.parsed.info, hash, pae, signature));
    if (accepted === undefined) throw new VerificationError('signature_invalid', `verifier ${i} verifies none of the envelope's ${envelope.signatures.length} signature(s)`, { verifier: i });
    const sig = envelope.signatures[accepted]!.sig;
    unverified.delete(sig);
    const raw = byteString(fromBase64(sig));
    byRaw.set(raw, { raw, verifier: v.json, parsed: v.parsed });
  }
  if (unverified.size > 0) throw new VerificationError('signature_invalid', `${unverified.size} of the envelope's signatures have no verifier that verifies them`, { unverified: unverified.size });
  const signedBy = [...byRaw.values()].sort((a, b) => (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));
  return { signedBy, payload, payloadType: envelope.payloadType };
}

function bodyOf(payloadDigest: Uint8Array, signatures: readonly SignatureJson[]): JsonObject {
  return { apiVersion: API_VERSION, kind: KIND, spec: { dsseV002: { payloadHash: { algorithm: 'SHA2_256', digest: toBase64(payloadDigest) }, signatures } } };
}

function keysOf(payloadDigest: Uint8Array, verifiers: readonly V2Verifier[]): IndexKey[] {
  return [...verifiers.flatMap((v) => [spkiKey(v.info.spkiDer), ...sanKeys(v.names)]), sha256Key(toHex(payloadDigest))];
}

function storedParts(body: JsonObject): { digest: Uint8Array; signatures: readonly SignatureJson[]; verifiers: V2Verifier[] } {
  assertKindAndVersion(body, KIND, API_VERSION);
  const problems: SpecProblem[] = [];
  const entrySpec = parseProtoMessage(ENTRY_SPEC_V002, specOf(body, LABEL), '', problems);
  if (entrySpec !== undefined && entrySpec.dsseV002 === undefined) problems.push(problem('/dsseV002', 'is required'));
  throwIfProblems(LABEL, problems);
  const spec = entrySpec!.dsseV002 as { payloadHash?: { algorithm?: unknown; digest?: string }; signatures?: readonly SignatureJson[] };
  const digest = spec?.payloadHash?.digest === undefined ? new Uint8Array(0) : fromBase64(spec.payloadHash.digest);
  if (spec?.payloadHash?.algorithm !== 'SHA2_256' || digest.length !== 32) problems.push(problem('/dsseV002/payloadHash', 'must be a SHA2_256 digest of 32 bytes'));
  const signatures = spec?.signatures ?? [];
  if (signatures.length === 0) problems.push(problem('/dsseV002/signatures', 'is required'));
  signatures.forEach((s, i) => {
    if (s.content === undefined) problems.push(problem(`/dsseV002/signatures/${i}/content`, 'is required'));
    problems.push(...verifierProblems(s.verifier, `/dsseV002/signatures/${i}/verifier`));
  });
  throwIfProblems(LABEL, problems);
  const verifiers = signatures.map((s, i) => parseV2Verifier(s.verifier!, `signatures[${i}].verifier`, REKOR_V2_ALGORITHMS));
  return { digest, signatures, verifiers };
}

/** Rekor v2's dsse 0.0.2 (deprecated upstream; see the module comment). */
export const dsseV002: EntryKind = {
  kind: KIND,
  apiVersion: API_VERSION,
  specSchema: DSSE_V002_SCHEMA,
  async accept(proposed): Promise<AcceptedEntry> {
    assertKindAndVersion(proposed, KIND, API_VERSION);
    const { signedBy, payload, payloadType } = verifyRequest(parseRequest(proposed.spec));
    const digest = sha256Bytes(payload);
    const body = bodyOf(digest, signedBy.map((s) => ({ content: toBase64(bytesOfByteString(s.raw)), verifier: s.verifier })));
    return {
      body,
      indexKeys: uniqueIndexKeys([...keysOf(digest, signedBy.map((s) => s.parsed)), ...inTotoDigestKeys(payloadType, payload)]),
      attachment: payloadAttachment(payloadType, payload),
    };
  },
  /** Checks schema, verifiers, signature order and canonical form; signatures need the envelope, which is not stored. */
  async verifyStored(body) {
    const { digest, signatures } = storedParts(body);
    const sorted = [...signatures].sort((a, b) => {
      const x = byteString(fromBase64(a.content!));
      const y = byteString(fromBase64(b.content!));
      return x < y ? -1 : x > y ? 1 : 0;
    });
    assertSameCanonicalBody(LABEL, body, bodyOf(digest, sorted));
  },
  indexKeys(body, attachment) {
    const { digest, verifiers } = storedParts(body);
    return uniqueIndexKeys([...keysOf(digest, verifiers), ...attachedPayloadKeys(attachment, Buffer.from(digest).toString('hex'))]);
  },
};

