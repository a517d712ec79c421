/** The canonical body of a custom entry: what the log stores and hashes into the leaf. */

import { canonicalJson } from '../canonical/index.js';
import type { Layout } from './layout-types.js';
import { assertValidEntry } from './validate-entry.js';

/** A custom entry's canonical body; its RFC 8785 JSON is the leaf data. (A type, not an interface, so it is assignable to the engine's `Record<string, unknown>` body.) */
export type CanonicalBody = {
  readonly apiVersion: string;
  readonly kind: string;
  readonly spec: Readonly<Record<string, unknown>>;
};

/**
 * Returns the canonical body `{apiVersion: layout.version, kind: layout.kind, spec}` of a proposed
 * entry. The whole spec is kept exactly as validated (every member the schema allowed, none
 * added, no defaults filled in), as a fresh copy with keys in RFC 8785 order. Throws
 * InputError('entry_invalid') with every problem, or ('layout_invalid') for a bad layout.
 * The signature is not checked here: pair with verifyEntrySignature.
 */
export function deriveCanonicalBody(layout: Layout, proposed: unknown): CanonicalBody {
  const entry = assertValidEntry(layout, proposed);
  // Parsing the canonical text gives a detached, plain JSON copy (no prototypes, no getters).
  const spec = JSON.parse(canonicalJson(entry.spec)) as Record<string, unknown>;
  return { apiVersion: layout.version, kind: layout.kind, spec };
}
