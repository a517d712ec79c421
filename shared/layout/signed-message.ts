/** The exact bytes a custom entry's signature is computed over (README.md, "What a signature covers"). */

import { InputError } from '../api/errors.js';
import { canonicalJson, canonicalJsonBytes } from '../canonical/index.js';
import { parseDigest } from './digest.js';
import { isJsonObject, valueAtTokens } from './json-pointer.js';
import type { EntryDocument, Layout } from './layout-types.js';
import { prepareLayout, type PreparedLayout } from './prepared-layout.js';

/**
 * Returns the statement of an entry: its canonical body `{apiVersion, kind, spec}` with the member
 * at the signature pointer removed from `spec` (when present), as RFC 8785 JSON bytes. Binding
 * kind and version means a signature made for one layout never verifies under another.
 */
export function entryStatement(prepared: PreparedLayout, entry: EntryDocument): Uint8Array {
  // A canonical copy: the caller's object is never modified.
  const spec: unknown = JSON.parse(canonicalJson(entry.spec));
  const parentTokens = prepared.signatureTokens.slice(0, -1);
  const last = prepared.signatureTokens[prepared.signatureTokens.length - 1]!;
  let parent: unknown = spec;
  for (const token of parentTokens) parent = isJsonObject(parent) ? parent[token] : undefined;
  if (isJsonObject(parent)) delete parent[last];
  return canonicalJsonBytes({ apiVersion: prepared.layout.version, kind: prepared.layout.kind, spec });
}

/**
 * Returns the message the signature covers: for `signs: "digest"` the raw digest bytes (32 for
 * sha256; never the hex text), for `signs: "statement"` entryStatement(). Each format then signs
 * these bytes its own way (see signature-formats.ts).
 */
export function signedMessage(prepared: PreparedLayout, entry: EntryDocument, digest: Uint8Array): Uint8Array {
  switch (prepared.layout.roles.signature.signs) {
    case 'digest':
      return digest;
    case 'statement':
      return entryStatement(prepared, entry);
  }
}

/**
 * Returns the bytes a signer signs for an entry of `layout` (for tools that make entries): the
 * entry may lack its signature, or hold a placeholder, since the statement drops that member.
 * Throws InputError('entry_invalid') when the digest is absent or malformed.
 */
export function messageToSign(layout: Layout, entry: EntryDocument): Uint8Array {
  const prepared = prepareLayout(layout);
  if (prepared.layout.roles.signature.signs === 'statement') return entryStatement(prepared, entry);
  const text = isJsonObject(entry.spec) ? valueAtTokens(entry.spec, prepared.digestTokens) : undefined;
  const digest = typeof text === 'string' ? parseDigest(prepared.layout.roles.digest.algorithm, text) : 'the digest is missing';
  if (typeof digest === 'string') {
    throw new InputError('entry_invalid', `cannot sign: ${digest}`, { problems: [{ pointer: '/spec' + prepared.layout.roles.digest.pointer, code: 'digest_malformed', message: digest }] });
  }
  return digest;
}
