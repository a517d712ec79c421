/**
 * dsse 0.0.1 (sigstore/rekor `pkg/types/dsse/v0.0.1/entry.go`): a DSSE envelope (as JSON text) and
 * the PEM keys or certificates that verify its signatures.
 *
 * Canonical body: `spec.envelopeHash` = sha256 of the envelope *text* as proposed;
 * `spec.payloadHash` = sha256 of the decoded payload; `spec.signatures` = one item per distinct
 * signature string, sorted by that string, each `{signature: the envelope's base64 sig, verifier:
 * base64 of the Go-re-encoded PEM of the key that verified it}`. The envelope itself is not stored.
 * Verification follows `verifyEnvelope`: verifiers are tried in order until every signature is
 * verified; each tried verifier must verify one (ECDSA/RSA over SHA-256 of the PAE, Ed25519 pure).
 */

import { payloadAttachment, attachedPayloadKeys } from './payload-attachment.js';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { toBase64, utf8 } from '../../../../shared/encoding/index.js';
import type { AcceptedEntry, EntryKind, IndexKey } from '../entry-kind.js';
import { decodeEnvelopePayload, firstAcceptedSignature, inTotoDigestKeys, parseEnvelopeJson } from './dsse-envelope.js';
import { DSSE_V001_SCHEMA } from './dsse-v001-schema.js';
import { decodeGoBase64 } from './go-base64.js';
import { sanKeys, sha256Key, spkiKey, uniqueIndexKeys } from './index-keys.js';
import { assertKindAndVersion, assertSameCanonicalBody, at, goString, isJsonObject, sha256Hex, specOf, stringAt, type JsonObject } from './kind-helpers.js';
import { assertSpecMatchesSchema, problem, throwIfProblems, type SpecProblem } from './spec-validation.js';
import { verifyMessageSignature } from './verify-signature.js';
import { parseX509PublicKey, type X509PublicKey } from './x509-public-key.js';

const KIND = 'dsse';
const API_VERSION = '0.0.1';
const LABEL = `${KIND} ${API_VERSION}`;
const SERVER_FIELDS = ['envelopeHash', 'payloadHash', 'signatures'] as const;

interface SignedBy {
  readonly signature: string;
  readonly key: X509PublicKey;
}

function proposedParts(spec: unknown): { envelopeText: string; verifiers: Uint8Array[] } {
  assertSpecMatchesSchema(LABEL, DSSE_V001_SCHEMA, spec);
  const s = spec as JsonObject;
  const problems: SpecProblem[] = [];
  if (!isJsonObject(s.proposedContent)) problems.push(problem('/proposedContent', 'is required to add an entry (a stored dsse body cannot be proposed again: it holds no envelope)'));
  // Rekor: "either proposedContent or envelopeHash, payloadHash, and signatures must be present but not both".
  for (const field of SERVER_FIELDS) if (s[field] !== undefined) problems.push(problem(`/${field}`, 'is computed by the log and must not be proposed'));
  throwIfProblems(LABEL, problems);
  // Rekor's DecodeEntry skips empty verifier strings; the schema guarantees the rest decode.
  const raw = at(s, 'proposedContent', 'verifiers') as readonly string[];
  const verifiers = raw.filter((v) => v !== '').map((v) => decodeGoBase64(v)!);
  if (verifiers.length === 0) throwIfProblems(LABEL, [problem('/proposedContent/verifiers', 'must hold at least one non-empty verifier')]);
  return { envelopeText: stringAt(s, 'proposedContent', 'envelope')!, verifiers };
}

function verifyEnvelope(envelopeText: string, verifiers: readonly Uint8Array[]): { signedBy: SignedBy[]; payload: Uint8Array; payloadType: string } {
  const envelope = parseEnvelopeJson(envelopeText);
  if (envelope.signatures.length === 0) throw new InputError('envelope_malformed', 'the DSSE envelope must contain 1 or more signatures');
  const unverified = new Set(envelope.signatures.map((s) => s.sig));
  const keyBySignature = new Map<string, X509PublicKey>();
  let payload: Uint8Array | undefined;
  for (const [i, bytes] of verifiers.entries()) {
    if (unverified.size === 0) break;
    const key = parseX509PublicKey(bytes, `proposedContent.verifiers[${i}]`);
    payload = decodeEnvelopePayload(envelope);
    const accepted = firstAcceptedSignature(envelope, payload, (pae, signature) => verifyMessageSignature(key.info, 'sha256', pae, signature));
    if (accepted === undefined) {
      throw new VerificationError('signature_invalid', `verifier ${i} verifies none of the envelope's ${envelope.signatures.length} signature(s)`, { verifier: i });
    }
    const sig = envelope.signatures[accepted]!.sig;
    unverified.delete(sig);
    keyBySignature.set(sig, key);
  }
  if (unverified.size > 0 || payload === undefined) {
    throw new VerificationError('signature_invalid', `${unverified.size} of the envelope's signatures have no verifier that verifies them`, { unverified: unverified.size });
  }
  const signedBy = [...keyBySignature.entries()].map(([signature, key]) => ({ signature: goString(signature), key }));
  signedBy.sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
  return { signedBy, payload, payloadType: envelope.payloadType };
}

function bodyOf(envelopeHash: string, payloadHash: string, signedBy: readonly SignedBy[]): JsonObject {
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    spec: {
      envelopeHash: { algorithm: 'sha256', value: envelopeHash },
      payloadHash: { algorithm: 'sha256', value: payloadHash },
      signatures: signedBy.map((s) => ({ signature: s.signature, verifier: toBase64(s.key.canonical) })),
    },
  };
}

function keysOfBody(signedBy: readonly SignedBy[], payloadHash: string, envelopeHash: string): IndexKey[] {
  return [...signedBy.flatMap((s) => [spkiKey(s.key.info.spkiDer), ...sanKeys(s.key.names)]), sha256Key(payloadHash), sha256Key(envelopeHash)];
}

function storedParts(body: JsonObject): { signedBy: SignedBy[]; payloadHash: string; envelopeHash: string } {
  assertKindAndVersion(body, KIND, API_VERSION);
  const spec = specOf(body, LABEL);
  assertSpecMatchesSchema(LABEL, DSSE_V001_SCHEMA, spec);
  const problems: SpecProblem[] = [];
  for (const field of SERVER_FIELDS) if (spec[field] === undefined) problems.push(problem(`/${field}`, 'is required in a stored entry'));
  if (spec.proposedContent !== undefined) problems.push(problem('/proposedContent', 'must not be stored'));
  for (const field of ['envelopeHash', 'payloadHash'] as const) {
    if (!/^[0-9a-f]{64}$/.test(stringAt(spec, field, 'value') ?? '')) problems.push(problem(`/${field}/value`, 'must be 64 lowercase hex digits'));
  }
  throwIfProblems(LABEL, problems);
  const items = spec.signatures as readonly JsonObject[];
  const signedBy = items.map((item, i) => ({ signature: item.signature as string, key: parseX509PublicKey(decodeGoBase64(item.verifier as string)!, `signatures[${i}].verifier`) }));
  return { signedBy, payloadHash: stringAt(spec, 'payloadHash', 'value')!, envelopeHash: stringAt(spec, 'envelopeHash', 'value')! };
}

/** Rekor's dsse 0.0.1. */
export const dsseV001: EntryKind = {
  kind: KIND,
  apiVersion: API_VERSION,
  specSchema: DSSE_V001_SCHEMA,
  async accept(proposed): Promise<AcceptedEntry> {
    assertKindAndVersion(proposed, KIND, API_VERSION);
    const { envelopeText, verifiers } = proposedParts(proposed.spec);
    const { signedBy, payload, payloadType } = verifyEnvelope(envelopeText, verifiers);
    const payloadHash = sha256Hex(payload);
    const envelopeHash = sha256Hex(utf8(envelopeText));
    return {
      body: bodyOf(envelopeHash, payloadHash, signedBy),
      indexKeys: uniqueIndexKeys([...keysOfBody(signedBy, payloadHash, envelopeHash), ...inTotoDigestKeys(payloadType, payload)]),
      attachment: payloadAttachment(payloadType, payload),
    };
  },
  /**
   * Checks a stored body: schema, verifiers parse, signatures sorted, canonical form. The signatures
   * cannot be re-verified: they cover PAE(payloadType, payload) and the body keeps neither.
   */
  async verifyStored(body) {
    const { signedBy, payloadHash, envelopeHash } = storedParts(body);
    const sorted = [...signedBy].sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
    assertSameCanonicalBody(LABEL, body, bodyOf(envelopeHash, payloadHash, sorted));
  },
  /** Returns verifier fingerprints and SANs, payloadHash and envelopeHash, and the in-toto subjects of the attached payload. */
  indexKeys(body, attachment) {
    const { signedBy, payloadHash, envelopeHash } = storedParts(body);
    return uniqueIndexKeys([...keysOfBody(signedBy, payloadHash, envelopeHash), ...attachedPayloadKeys(attachment, payloadHash)]);
  },
};
