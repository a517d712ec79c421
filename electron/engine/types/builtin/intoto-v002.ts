/**
 * intoto 0.0.2 (sigstore/rekor `pkg/types/intoto/v0.0.2/entry.go`): a DSSE envelope inlined as JSON
 * with a PEM key per signature.
 *
 * Rekor's quirks, kept: `envelope.payload` and `signatures[].sig` are base64 *of the envelope's own
 * base64 text* (the Go model's `strfmt.Base64` wraps the string again); `content.hash` (digest of
 * the whole envelope) is taken from the client unverified; keys are stored as given (not
 * re-encoded). Canonical body: `content.envelope` = {payloadType, signatures [{keyid (omitted when
 * empty), sig, publicKey}]} (no payload), `content.hash` as proposed, `content.payloadHash` =
 * sha256 of the decoded payload. Every signature's key must verify some signature (one per key).
 */

import { payloadAttachment, attachedPayloadKeys } from './payload-attachment.js';
import { VerificationError } from '../../../../shared/api/index.js';
import { toBase64 } from '../../../../shared/encoding/index.js';
import type { AcceptedEntry, EntryKind, IndexKey } from '../entry-kind.js';
import { firstAcceptedSignature, inTotoDigestKeys, type DsseEnvelope } from './dsse-envelope.js';
import { decodeGoBase64 } from './go-base64.js';
import { byteString } from './go-pem.js';
import { sanKeys, sha256Key, spkiKey, uniqueIndexKeys } from './index-keys.js';
import { INTOTO_V002_SCHEMA } from './intoto-v002-schema.js';
import { assertKindAndVersion, assertSameCanonicalBody, at, goString, sha256Hex, specOf, stringAt, type JsonObject } from './kind-helpers.js';
import { assertSpecMatchesSchema, problem, throwIfProblems, type SpecProblem } from './spec-validation.js';
import { verifyMessageSignature } from './verify-signature.js';
import { parseX509PublicKey, type X509PublicKey } from './x509-public-key.js';

const KIND = 'intoto';
const API_VERSION = '0.0.2';
const LABEL = `${KIND} ${API_VERSION}`;

interface SignatureItem {
  readonly keyid: string;
  readonly sig: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly key: X509PublicKey;
}

interface ParsedSpec {
  readonly payloadType: string;
  readonly signatures: readonly SignatureItem[];
  readonly hash: { readonly algorithm: string; readonly value: string };
}

function parseCommon(spec: unknown, problems: SpecProblem[]): ParsedSpec {
  assertSpecMatchesSchema(LABEL, INTOTO_V002_SCHEMA, spec);
  const s = spec as JsonObject;
  const payloadType = stringAt(s, 'content', 'envelope', 'payloadType') ?? '';
  if (payloadType === '') problems.push(problem('/content/envelope/payloadType', 'must not be empty'));
  const items = at(s, 'content', 'envelope', 'signatures') as readonly JsonObject[];
  items.forEach((item, i) => {
    if (item.sig === '') problems.push(problem(`/content/envelope/signatures/${i}/sig`, 'must not be empty'));
    if (item.publicKey === '') problems.push(problem(`/content/envelope/signatures/${i}/publicKey`, 'must not be empty'));
  });
  // Canonicalize() needs the client's envelope digest ("missing envelope digest").
  if (at(s, 'content', 'hash') === undefined) problems.push(problem('/content/hash', 'is required (the sha256 of the whole envelope)'));
  throwIfProblems(LABEL, problems);
  const signatures = items.map((item, i) => {
    const publicKey = decodeGoBase64(item.publicKey as string)!;
    return { keyid: goString(typeof item.keyid === 'string' ? item.keyid : ''), sig: decodeGoBase64(item.sig as string)!, publicKey, key: parseX509PublicKey(publicKey, `content.envelope.signatures[${i}].publicKey`) };
  });
  return { payloadType: goString(payloadType), signatures, hash: { algorithm: stringAt(s, 'content', 'hash', 'algorithm')!, value: goString(stringAt(s, 'content', 'hash', 'value')!) } };
}

function verifyEnvelope(parsed: ParsedSpec, payloadText: string): Uint8Array {
  // The envelope Rekor verifies holds the *decoded-once* fields: the envelope's own base64 strings.
  const envelope: DsseEnvelope = { payloadType: parsed.payloadType, payload: payloadText, signatures: parsed.signatures.map((s) => ({ keyid: s.keyid, sig: byteString(s.sig) })) };
  const payload = decodeGoBase64(payloadText);
  if (!payload) throwIfProblems(LABEL, [problem('/content/envelope/payload', 'must be base64 of the envelope payload in standard base64')]);
  const unverified = new Set(envelope.signatures.map((s) => s.sig));
  parsed.signatures.forEach((item, i) => {
    const accepted = firstAcceptedSignature(envelope, payload!, (pae, signature) => verifyMessageSignature(item.key.info, 'sha256', pae, signature));
    if (accepted === undefined) throw new VerificationError('signature_invalid', `the key of signature ${i} verifies none of the envelope's signatures`, { signature: i });
    unverified.delete(envelope.signatures[accepted]!.sig);
  });
  if (unverified.size > 0) throw new VerificationError('signature_invalid', `${unverified.size} signature(s) have no key that verifies them`, { unverified: unverified.size });
  return payload!;
}

function bodyOf(parsed: ParsedSpec, payloadHash: string): JsonObject {
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    spec: {
      content: {
        envelope: {
          payloadType: parsed.payloadType,
          signatures: parsed.signatures.map((s) => ({ ...(s.keyid === '' ? {} : { keyid: s.keyid }), sig: toBase64(s.sig), publicKey: toBase64(s.publicKey) })),
        },
        hash: parsed.hash,
        payloadHash: { algorithm: 'sha256', value: payloadHash },
      },
    },
  };
}

function keysOf(parsed: ParsedSpec, payloadHash: string): IndexKey[] {
  return [...parsed.signatures.flatMap((s) => [spkiKey(s.key.info.spkiDer), ...sanKeys(s.key.names)]), sha256Key(payloadHash)];
}

function storedParts(body: JsonObject): { parsed: ParsedSpec; payloadHash: string } {
  assertKindAndVersion(body, KIND, API_VERSION);
  const spec = specOf(body, LABEL);
  const problems: SpecProblem[] = [];
  const payloadHash = stringAt(spec, 'content', 'payloadHash', 'value') ?? '';
  if (!/^[0-9a-f]{64}$/.test(payloadHash)) problems.push(problem('/content/payloadHash/value', 'must be 64 lowercase hex digits'));
  if (at(spec, 'content', 'envelope', 'payload') !== undefined) problems.push(problem('/content/envelope/payload', 'must not be stored'));
  return { parsed: parseCommon(spec, problems), payloadHash };
}

/** Rekor's intoto 0.0.2. */
export const intotoV002: EntryKind = {
  kind: KIND,
  apiVersion: API_VERSION,
  specSchema: INTOTO_V002_SCHEMA,
  async accept(proposed): Promise<AcceptedEntry> {
    assertKindAndVersion(proposed, KIND, API_VERSION);
    const payloadB64 = stringAt(proposed.spec, 'content', 'envelope', 'payload');
    const problems: SpecProblem[] = payloadB64 === undefined || payloadB64 === '' ? [problem('/content/envelope/payload', 'is required to add an entry')] : [];
    const parsed = parseCommon(proposed.spec, problems);
    const payload = verifyEnvelope(parsed, byteString(decodeGoBase64(payloadB64!)!));
    const payloadHash = sha256Hex(payload);
    return {
      body: bodyOf(parsed, payloadHash),
      indexKeys: uniqueIndexKeys([...keysOf(parsed, payloadHash), ...inTotoDigestKeys(parsed.payloadType, payload)]),
      attachment: payloadAttachment(parsed.payloadType, payload),
    };
  },
  /**
   * Checks a stored body: schema, keys parse, canonical form. Signatures cannot be re-verified:
   * they cover PAE(payloadType, payload) and the payload is not stored.
   */
  async verifyStored(body) {
    const { parsed, payloadHash } = storedParts(body);
    assertSameCanonicalBody(LABEL, body, bodyOf(parsed, payloadHash));
  },
  /** Returns key fingerprints, SANs, the payload hash and the in-toto subjects of the attached payload. */
  indexKeys(body, attachment) {
    const { parsed, payloadHash } = storedParts(body);
    return uniqueIndexKeys([...keysOf(parsed, payloadHash), ...attachedPayloadKeys(attachment, payloadHash)]);
  },
};
