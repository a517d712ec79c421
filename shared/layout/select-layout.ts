/** Choosing the layout that governs an entry. */

import type { Layout } from './layout-types.js';

/**
 * Returns the layout whose kind and version equal the entry's kind and apiVersion, or undefined.
 * Exact match only, never "the latest version": an entry is always judged by the layout it names,
 * so publishing 0.0.2 cannot change whether a 0.0.1 entry verifies.
 */
export function selectLayout(layouts: readonly Layout[], entry: { readonly kind: unknown; readonly apiVersion: unknown }): Layout | undefined {
  return layouts.find((l) => l.kind === entry.kind && l.version === entry.apiVersion);
}
