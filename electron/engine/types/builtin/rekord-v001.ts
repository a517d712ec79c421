/**
 * rekord 0.0.1 (sigstore/rekor `pkg/types/rekord/v0.0.1/entry.go`): a detached signature over an
 * artefact given inline (`spec.data.content`, base64), in format pgp, minisign, ssh or x509.
 * Fetching `url`s is not supported: content, signature and key must be inline.
 *
 * Canonical body (`Canonicalize`): `spec.data.hash` = the proposed hash, or {sha256, hex of the
 * content's SHA-256} (a proposed hash must equal it); `spec.signature.format` as proposed;
 * `spec.signature.content` and `spec.signature.publicKey.content` = base64 of each format's
 * canonical value (see the format modules); the content itself is not stored. The signature is
 * verified over the content first.
 *
 * A stored rekord body cannot be re-verified: its signature covers content the log no longer has.
 * `verifyStored` checks the schema, that key and signature parse and are in canonical form, and the
 * content-free facts (PGP issuer is in the key ring, x509 chain).
 */

import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { toBase64 } from '../../../../shared/encoding/index.js';
import type { AcceptedEntry, EntryKind, IndexKey } from '../entry-kind.js';
import { decodeGoBase64 } from './go-base64.js';
import { sha256Key, uniqueIndexKeys } from './index-keys.js';
import { assertKindAndVersion, assertSameCanonicalBody, at, goString, isJsonObject, sha256Hex, specOf, stringAt, type JsonObject } from './kind-helpers.js';
import { parseRekordMaterial, rekordFormatOf, rekordKeyIndexKeys, type RekordFormat, type RekordMaterial } from './rekord-formats.js';
import { REKORD_V001_SCHEMA } from './rekord-v001-schema.js';
import { assertSpecMatchesSchema, problem, throwIfProblems, type SpecProblem } from './spec-validation.js';

const KIND = 'rekord';
const API_VERSION = '0.0.1';
const LABEL = `${KIND} ${API_VERSION}`;
const URL_FIELDS: readonly (readonly string[])[] = [['data', 'url'], ['signature', 'url'], ['signature', 'publicKey', 'url']];

interface Parts {
  readonly format: RekordFormat;
  readonly signature: Uint8Array;
  readonly key: Uint8Array;
  readonly hash: { readonly algorithm: string; readonly value: string } | undefined;
  readonly content: Uint8Array | undefined;
}

function parts(spec: unknown, stored: boolean): Parts {
  const urls = URL_FIELDS.filter((path) => at(spec, ...path) !== undefined);
  if (urls.length > 0) {
    const pointers = urls.map((path) => `/${path.join('/')}`);
    throw new InputError('url_not_supported', `${LABEL} entries here must carry content, signature and key inline; fetching ${pointers.join(', ')} is not supported`, { problems: pointers.map((pointer) => ({ pointer, message: 'fetching URLs is not supported' })) }, { hint: 'download the file and send it base64-encoded in the matching "content" field' });
  }
  assertSpecMatchesSchema(LABEL, REKORD_V001_SCHEMA, spec);
  const s = spec as JsonObject;
  const problems: SpecProblem[] = [];
  for (const path of [['signature', 'format'], ['signature', 'content'], ['signature', 'publicKey', 'content']]) {
    if (!stringAt(s, ...path)) problems.push(problem(`/${path.join('/')}`, 'is required'));
  }
  const hash = at(s, 'data', 'hash');
  const hashValue = stringAt(s, 'data', 'hash', 'value');
  if (hash !== undefined && (hashValue === undefined || !/^[0-9a-fA-F]{64}$/.test(hashValue))) problems.push(problem('/data/hash/value', 'invalid value for hash: must be 64 hex digits'));
  const contentB64 = stringAt(s, 'data', 'content');
  if (stored) {
    if (hash === undefined) problems.push(problem('/data/hash', 'is required in a stored entry'));
    if (contentB64 !== undefined) problems.push(problem('/data/content', 'must not be stored'));
  } else if (!contentB64) {
    problems.push(problem('/data/content', 'is required: the artefact, base64-encoded (Rekor verifies the signature over it and stores its hash)'));
  }
  throwIfProblems(LABEL, problems);
  return {
    format: rekordFormatOf(stringAt(s, 'signature', 'format')!),
    signature: decodeGoBase64(stringAt(s, 'signature', 'content')!)!,
    key: decodeGoBase64(stringAt(s, 'signature', 'publicKey', 'content')!)!,
    hash: isJsonObject(hash) ? { algorithm: goString(hash.algorithm as string), value: goString(hashValue!) } : undefined,
    content: contentB64 === undefined ? undefined : decodeGoBase64(contentB64)!,
  };
}

function bodyOf(p: Parts, hash: { readonly algorithm: string; readonly value: string }, material: RekordMaterial): JsonObject {
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    spec: {
      data: { hash },
      signature: { format: p.format, content: toBase64(material.signatureCanonical), publicKey: { content: toBase64(material.key.canonical) } },
    },
  };
}

function keysOf(keyIndexKeys: readonly IndexKey[], hashValue: string): IndexKey[] {
  return uniqueIndexKeys([sha256Key(hashValue), ...keyIndexKeys]);
}

/** Rekor's rekord 0.0.1 with inline content (formats pgp, minisign, ssh, x509). */
export const rekordV001: EntryKind = {
  kind: KIND,
  apiVersion: API_VERSION,
  specSchema: REKORD_V001_SCHEMA,
  async accept(proposed): Promise<AcceptedEntry> {
    assertKindAndVersion(proposed, KIND, API_VERSION);
    const p = parts(proposed.spec, false);
    const computed = sha256Hex(p.content!);
    if (p.hash !== undefined && p.hash.value !== computed) {
      throw new VerificationError('digest_mismatch', `data.hash.value ${p.hash.value} is not the SHA-256 of data.content (${computed})`, { proposed: p.hash.value, computed });
    }
    const material = await parseRekordMaterial(p.format, p.signature, p.key);
    await material.verify(p.content!);
    const hash = p.hash ?? { algorithm: 'sha256', value: computed };
    return { body: bodyOf(p, hash, material), indexKeys: keysOf(rekordKeyIndexKeys(p.format, material.key.canonical), hash.value) };
  },
  async verifyStored(body) {
    assertKindAndVersion(body, KIND, API_VERSION);
    const p = parts(specOf(body, LABEL), true);
    const material = await parseRekordMaterial(p.format, p.signature, p.key);
    assertSameCanonicalBody(LABEL, body, bodyOf(p, p.hash!, material));
    await material.checkWithoutContent();
  },
  indexKeys(body) {
    assertKindAndVersion(body, KIND, API_VERSION);
    const p = parts(specOf(body, LABEL), true);
    return keysOf(rekordKeyIndexKeys(p.format, p.key), p.hash!.value);
  },
};
