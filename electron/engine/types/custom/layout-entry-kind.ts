/** The built-in `layout` kind (0.0.1): entries that record custom type layouts. */

import {
  deriveLayoutEntryBody,
  deriveLayoutEntryIndexKeys,
  LAYOUT_DOCUMENT_SCHEMA,
  LAYOUT_KIND,
  LAYOUT_KIND_VERSION,
} from '../../../../shared/layout/index.js';
import type { AcceptedEntry, EntryKind, IndexKey, ProposedEntry } from '../entry-kind.js';

/**
 * The EntryKind of `layout 0.0.1`: the spec is a layout document, checked with validateLayout
 * (InputError('layout_invalid') with every problem, pointers into the entry); the canonical body
 * is `{apiVersion: "0.0.1", kind: "layout", spec: <layout>}`; the index key is `field`
 * `layout=<kind>@<version>`. A layout entry carries no signature of its own: the log's checkpoint
 * is what makes it tamper-evident.
 */
export const layoutEntryKind: EntryKind = {
  kind: LAYOUT_KIND,
  apiVersion: LAYOUT_KIND_VERSION,
  specSchema: LAYOUT_DOCUMENT_SCHEMA,
  async accept(proposed: ProposedEntry): Promise<AcceptedEntry> {
    const body = deriveLayoutEntryBody(proposed);
    return { body, indexKeys: deriveLayoutEntryIndexKeys(body) };
  },
  async verifyStored(body: Readonly<Record<string, unknown>>): Promise<void> {
    deriveLayoutEntryBody(body);
  },
  indexKeys(body: Readonly<Record<string, unknown>>): IndexKey[] {
    return deriveLayoutEntryIndexKeys(body);
  },
};
