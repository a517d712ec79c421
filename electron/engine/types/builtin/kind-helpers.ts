/** Small helpers every built-in kind uses: kind checks, JSON navigation and Go string semantics. */

import { createHash } from 'node:crypto';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { canonicalJson } from '../../../../shared/canonical/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import type { ProposedEntry } from '../entry-kind.js';

/** A JSON object, as read from untrusted input. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Returns true for a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the value at `path` under `root`, or undefined when any step is missing or not an object. */
export function at(root: unknown, ...path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (!isJsonObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** Returns the string at `path`, or undefined when it is absent or not a string. */
export function stringAt(root: unknown, ...path: readonly string[]): string | undefined {
  const value = at(root, ...path);
  return typeof value === 'string' ? value : undefined;
}

/** Throws InputError('kind_mismatch') unless the entry is of this kind and version. */
export function assertKindAndVersion(entry: { readonly kind?: unknown; readonly apiVersion?: unknown }, kind: string, apiVersion: string): void {
  if (entry.kind !== kind || entry.apiVersion !== apiVersion) {
    throw new InputError('kind_mismatch', `entry is ${String(entry.kind)} ${String(entry.apiVersion)}, not ${kind} ${apiVersion}`, { kind: entry.kind, apiVersion: entry.apiVersion, expected: { kind, apiVersion } });
  }
}

/** Returns the spec of a stored body or proposed entry, or throws InputError('entry_schema_invalid'). */
export function specOf(entry: ProposedEntry | JsonObject, label: string): JsonObject {
  const spec = (entry as JsonObject).spec;
  if (!isJsonObject(spec)) throw new InputError('entry_schema_invalid', `${label} entry has no spec object`, { problems: [{ pointer: '/spec', message: 'must be object' }] });
  return spec;
}

/**
 * Returns `text` as Go's JSON decoder would have made it: lone UTF-16 surrogates (which JSON escapes
 * allow) become U+FFFD, so canonical JSON and hashes match the Go servers.
 */
export function goString(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Returns the SHA-256 of `bytes`. */
export function sha256Bytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

/** Returns lowercase hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  return toHex(sha256Bytes(bytes));
}

/**
 * Throws VerificationError('body_not_canonical') unless the stored body and the body recomputed
 * from it have the same RFC 8785 bytes: a stored body must be a fixed point of canonicalization, or
 * its leaf hash is not the one Rekor would have logged.
 */
export function assertSameCanonicalBody(label: string, stored: JsonObject, recomputed: JsonObject): void {
  const a = canonicalJson(stored);
  const b = canonicalJson(recomputed);
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new VerificationError('body_not_canonical', `stored ${label} body is not in canonical form: it differs from the recomputed body at character ${at} (${JSON.stringify(a.slice(at, at + 24))} vs ${JSON.stringify(b.slice(at, at + 24))})`, { offset: at });
  }
}
