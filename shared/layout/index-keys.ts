/** The search keys of a custom entry. */

import { canonicalJson } from '../canonical/index.js';
import { toHex } from '../encoding/index.js';
import { valueAtTokens } from './json-pointer.js';
import { decodeRoles } from './decode-roles.js';
import type { Layout, LayoutIndexKey } from './layout-types.js';
import { prepareLayout } from './prepared-layout.js';
import { keyFingerprint } from './public-key.js';
import { assertValidEntry } from './validate-entry.js';

function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return canonicalJson(value);
  return undefined;
}

/**
 * Returns the index keys of a custom entry's canonical body, in this order and without repeats:
 * the artefact digest (`sha256` as lowercase hex; sha384/sha512 digests as `field`
 * `sha384=<hex>`), the `key_fingerprint` (lowercase hex SHA-256 of the key's DER SPKI; raw and
 * minisign Ed25519 keys through their RFC 8410 SPKI), then each index field in name order as
 * `field` `name=value` (strings as they are, numbers and booleans as JSON, one key per element of
 * an array; absent members give none). Throws InputError('entry_invalid') for an invalid body.
 */
export function deriveIndexKeys(layout: Layout, body: unknown): LayoutIndexKey[] {
  const prepared = prepareLayout(layout);
  const entry = assertValidEntry(prepared.layout, body);
  const roles = decodeRoles(prepared, entry.spec);
  if (!roles.digest || !roles.publicKey) throw new Error('bug: a valid entry without digest or key');
  const keys: LayoutIndexKey[] = [];
  const algorithm = prepared.layout.roles.digest.algorithm;
  keys.push(algorithm === 'sha256' ? { type: 'sha256', value: toHex(roles.digest) } : { type: 'field', value: `${algorithm}=${toHex(roles.digest)}` });
  keys.push({ type: 'key_fingerprint', value: keyFingerprint(roles.publicKey) });
  for (const { name, tokens } of prepared.index) {
    const value = valueAtTokens(entry.spec, tokens);
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = fieldText(item);
      if (text !== undefined) keys.push({ type: 'field', value: `${name}=${text}` });
    }
  }
  return uniqueIndexKeys(keys);
}

/** Returns the index keys without repeats (same type and value), the first of each kept, in order. */
export function uniqueIndexKeys<K extends { readonly type: string; readonly value: string }>(keys: readonly K[]): K[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = `${k.type}\u0000${k.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
