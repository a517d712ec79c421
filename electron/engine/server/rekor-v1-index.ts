/**
 * Rekor v1 `POST /api/v1/index/retrieve` (SearchIndex): uuids of the entries matching a digest, a
 * signer's public key and/or an email, combined with `operator` "or" (Rekor's default) or "and".
 */

import { createHash, createPublicKey } from 'node:crypto';
import { InputError } from '../../../shared/api/index.js';
import { tryDecodeUtf8, tryFromBase64, utf8 } from '../../../shared/encoding/index.js';
import { normalizeFingerprint, normalizeSha256, searchEntries, type SearchQuery } from '../entries/index.js';
import { decodeKeyInput } from '../keys/index.js';
import { LOCAL_LOG_NAME } from '../open-workbench.js';
import { jsonAnswer, type HttpAnswer } from './http-exchange.js';
import { readJsonBody } from './rekor-v1-entries.js';
import { rekorV1Error, schemaViolation } from './rekor-errors.js';
import type { ServeContext } from './serve-context.js';
import type { ServeRequest } from './serve-request.js';

const KEY_FORMATS = ['pgp', 'x509', 'minisign', 'ssh', 'tuf'] as const;
const HASH_PATTERN = /^(sha512:)?[0-9a-fA-F]{128}$|^(sha256:)?[0-9a-fA-F]{64}$|^(sha1:)?[0-9a-fA-F]{40}$/;

/** Returns the key bytes of `content`: the key text itself, or base64 of it (clients send either). */
function keyBytesOf(content: string): Uint8Array {
  if (/-----BEGIN |^ssh-|^ecdsa-|^untrusted comment:/m.test(content)) return utf8(content);
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(content) ? tryFromBase64(content.replace(/\s/g, '')) : undefined;
  return decoded ?? utf8(content);
}

/** Returns the fingerprint the index stores for a SearchIndex public key. */
async function fingerprintOf(format: string, content: string): Promise<string> {
  const bytes = keyBytesOf(content);
  if (format === 'x509') {
    // A certificate names its signer by the key inside it; the index stores SHA-256 of that SPKI.
    const text = tryDecodeUtf8(bytes);
    try {
      const key = createPublicKey(text?.includes('-----BEGIN') ? text : { key: Buffer.from(bytes), format: 'der', type: 'spki' });
      return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
    } catch {
      // Not a key or certificate node:crypto reads: let decodeKeyInput name the problem.
    }
  }
  const material = await decodeKeyInput(bytes, undefined);
  return normalizeFingerprint(material.fingerprint);
}

/** Returns the SearchIndex body checked against Rekor's schema (422) and our index (400). */
async function parseSearchIndex(body: unknown): Promise<{ queries: SearchQuery[]; operator: 'and' | 'or' }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw schemaViolation('the SearchIndex body must be a JSON object');
  const { hash, email, publicKey, operator } = body as Record<string, unknown>;
  if (operator !== undefined && operator !== 'and' && operator !== 'or') throw schemaViolation(`operator in body should be one of [and or], not ${JSON.stringify(operator)}`);
  const queries: SearchQuery[] = [];
  if (hash !== undefined) {
    if (typeof hash !== 'string' || !HASH_PATTERN.test(hash)) throw schemaViolation('hash in body should be a sha256, sha512 or sha1 hex digest, optionally prefixed');
    if (!/^(sha256:)?[0-9a-fA-F]{64}$/.test(hash)) throw rekorV1Error(400, 'this log indexes artefacts by SHA-256 only; search with a sha256 digest');
    queries.push({ sha256: normalizeSha256(hash) });
  }
  if (email !== undefined) {
    if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) throw schemaViolation('email in body must be of format email');
    // Rekor looks an email up exactly: '*' is a character an address may hold, not a wildcard.
    queries.push({ email, emailWildcards: false });
  }
  if (publicKey !== undefined) {
    if (typeof publicKey !== 'object' || publicKey === null || Array.isArray(publicKey)) throw schemaViolation('publicKey in body must be an object');
    const { format, content, url } = publicKey as Record<string, unknown>;
    if (typeof format !== 'string' || !(KEY_FORMATS as readonly string[]).includes(format)) throw schemaViolation(`publicKey.format in body should be one of [${KEY_FORMATS.join(' ')}]`);
    if (url !== undefined) throw rekorV1Error(400, 'publicKey.url is not supported: this log fetches nothing on a client\'s behalf; send publicKey.content');
    if (typeof content !== 'string' || content === '') throw schemaViolation('publicKey.content in body is required');
    if (format === 'tuf') throw rekorV1Error(400, 'this log holds no tuf entries to search by key');
    try {
      queries.push({ keyFingerprint: await fingerprintOf(format, content) });
    } catch (error) {
      if (error instanceof InputError) throw rekorV1Error(400, `publicKey.content is not a ${format} public key: ${error.message}`);
      throw error;
    }
  }
  if (queries.length === 0) throw rekorV1Error(400, 'give at least one of hash, publicKey or email');
  return { queries, operator: operator === 'and' ? 'and' : 'or' };
}

/** POST /api/v1/index/retrieve: matching uuids (lowercase hex leaf hashes), in log order. */
export async function searchIndex(req: ServeRequest, ctx: ServeContext): Promise<HttpAnswer> {
  const { queries, operator } = await parseSearchIndex(await readJsonBody(req, 'query'));
  const { workbench } = ctx;
  const leafHashesOf = (logId: number, indexes: readonly number[]) => workbench.leafHashes(logId, indexes);
  const search = (query: SearchQuery) => searchEntries(workbench.store, leafHashesOf, { ...query, log: LOCAL_LOG_NAME });
  if (operator === 'and') return jsonAnswer(200, [...search(Object.assign({}, ...queries) as SearchQuery).uuids]);
  const byIndex = new Map<number, string>();
  for (const query of queries) for (const m of search(query).matches) byIndex.set(m.logIndex, m.uuid);
  return jsonAnswer(200, [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, uuid]) => uuid));
}
