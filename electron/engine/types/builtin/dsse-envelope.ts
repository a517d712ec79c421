import { IN_TOTO_PAYLOAD_TYPE, preAuthEncoding } from '../../../../shared/dsse/index.js';
/**
 * DSSE envelopes as Rekor's Go code reads and verifies them: `encoding/json` into
 * go-securesystemslib's `dsse.Envelope` (field names matched case-insensitively), PAE, and
 * `EnvelopeVerifier.VerifyAndDecode` with one key per verifier — which accepts at most one
 * signature per key and ignores key IDs (Rekor's verifier adapters expose no key ID or public key).
 */

import { InputError } from '../../../../shared/api/index.js';
import type { IndexKey } from '../entry-kind.js';
import { decodeDsseBase64 } from './go-base64.js';
import { sha256Key } from './index-keys.js';
import { isJsonObject, type JsonObject } from './kind-helpers.js';

/** A DSSE envelope with its base64 fields still as text (Go strings). */
export interface DsseEnvelope {
  readonly payloadType: string;
  readonly payload: string;
  readonly signatures: readonly { readonly keyid: string; readonly sig: string }[];
}

/** The in-toto payload type Rekor extracts subject digests from. */
export { IN_TOTO_PAYLOAD_TYPE, preAuthEncoding };

function malformed(message: string, cause?: unknown): InputError {
  return new InputError('envelope_malformed', message, undefined, cause === undefined ? {} : { cause });
}

// encoding/json: exact field name first, else a case-insensitive match; a later duplicate wins.
function goFields(object: JsonObject, names: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(object)) {
    const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
    if (name !== undefined && value !== null) out.set(name, value);
  }
  return out;
}

function goStringField(fields: Map<string, unknown>, name: string, where: string): string {
  const value = fields.get(name);
  if (value === undefined) return '';
  if (typeof value !== 'string') throw malformed(`${where}.${name} must be a string, not ${Array.isArray(value) ? 'array' : typeof value}`);
  return value;
}

/**
 * Returns the envelope in `text` as Go's `json.Unmarshal(text, &dsse.Envelope{})` reads it, or
 * throws InputError('envelope_malformed') where Go fails (bad JSON, wrong field types).
 */
export function parseEnvelopeJson(text: string): DsseEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed(`the DSSE envelope is not JSON: ${(error as Error).message}`, error);
  }
  if (value === null) return { payloadType: '', payload: '', signatures: [] };
  if (!isJsonObject(value)) throw malformed('the DSSE envelope must be a JSON object');
  const fields = goFields(value, ['payloadType', 'payload', 'signatures']);
  const signaturesValue = fields.get('signatures') ?? [];
  if (!Array.isArray(signaturesValue)) throw malformed('envelope.signatures must be an array');
  const signatures = signaturesValue.map((item: unknown, i) => {
    if (item === null) return { keyid: '', sig: '' };
    if (!isJsonObject(item)) throw malformed(`envelope.signatures[${i}] must be an object`);
    const sigFields = goFields(item, ['keyid', 'sig']);
    return { keyid: goStringField(sigFields, 'keyid', `envelope.signatures[${i}]`), sig: goStringField(sigFields, 'sig', `envelope.signatures[${i}]`) };
  });
  return { payloadType: goStringField(fields, 'payloadType', 'envelope'), payload: goStringField(fields, 'payload', 'envelope'), signatures };
}


/** Returns the decoded payload (standard, then URL base64), or throws InputError('envelope_malformed'). */
export function decodeEnvelopePayload(envelope: DsseEnvelope): Uint8Array {
  const payload = decodeDsseBase64(envelope.payload);
  if (!payload) throw malformed('the DSSE envelope payload is not base64 (is payload in the right format?)');
  return payload;
}

/**
 * Returns the index of the first signature (in envelope order) that `verify` accepts over the PAE,
 * as one go-securesystemslib provider finds it, or undefined when it accepts none. Every signature is
 * base64-decoded first, as Go does, so one undecodable signature fails the whole envelope
 * (InputError('envelope_malformed')). Requires at least one signature.
 */
export function firstAcceptedSignature(envelope: DsseEnvelope, payload: Uint8Array, verify: (pae: Uint8Array, signature: Uint8Array) => boolean): number | undefined {
  const pae = preAuthEncoding(envelope.payloadType, payload);
  let accepted: number | undefined;
  envelope.signatures.forEach((s, i) => {
    const signature = decodeDsseBase64(s.sig);
    if (!signature) throw malformed(`envelope.signatures[${i}].sig is not base64`);
    if (accepted === undefined && verify(pae, signature)) accepted = i;
  });
  return accepted;
}

function sha256DigestsOf(list: unknown): IndexKey[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const digest = isJsonObject(item) ? item.digest : undefined;
    const value = isJsonObject(digest) ? digest.sha256 : undefined;
    return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value) ? [sha256Key(value)] : [];
  });
}

/**
 * Returns the sha256 subject and material digests of an in-toto statement payload (Rekor indexes
 * them at insertion; they cannot be recomputed from the stored body, which holds no payload).
 */
export function inTotoDigestKeys(payloadType: string, payload: Uint8Array): IndexKey[] {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) return [];
  let statement: unknown;
  try {
    statement = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return [];
  }
  if (!isJsonObject(statement)) return [];
  const predicate = statement.predicate;
  return [...sha256DigestsOf(statement.subject), ...sha256DigestsOf(isJsonObject(predicate) ? predicate.materials : undefined)];
}
