/** Adapts a custom type layout to the engine's EntryKind contract: the log needs no code per type. */

import {
  assertValidLayout,
  deriveCanonicalBody,
  deriveIndexKeys,
  verifyEntrySignature,
  type Layout,
} from '../../../../shared/layout/index.js';
import type { AcceptedEntry, EntryKind, IndexKey, ProposedEntry } from '../entry-kind.js';

/**
 * Returns the EntryKind of a layout (kind = layout.kind, apiVersion = layout.version). `accept`
 * validates the proposed entry against the layout, derives the canonical body, verifies the
 * signature over that body and derives its index keys; `verifyStored` re-validates and re-verifies
 * a stored body; `indexKeys` derives the keys of a stored body. All of it is shared/layout's code,
 * so the renderer computes the same body, leaf and keys. Throws InputError('layout_invalid') with
 * every problem when the layout is not valid; the returned kind judges entries by this exact
 * layout only (an entry of another version belongs to another kind).
 */
export function createLayoutKind(layoutDoc: unknown): EntryKind {
  const layout: Layout = assertValidLayout(layoutDoc);
  return {
    kind: layout.kind,
    apiVersion: layout.version,
    specSchema: layout.schema,
    async accept(proposed: ProposedEntry): Promise<AcceptedEntry> {
      const body = deriveCanonicalBody(layout, proposed);
      // Verify what will be stored, not the input it came from.
      verifyEntrySignature(layout, body);
      return { body, indexKeys: deriveIndexKeys(layout, body) };
    },
    async verifyStored(body: Readonly<Record<string, unknown>>): Promise<void> {
      verifyEntrySignature(layout, body);
    },
    indexKeys(body: Readonly<Record<string, unknown>>): IndexKey[] {
      return deriveIndexKeys(layout, body);
    },
  };
}
