import type { Store } from '../store/index.js';
import { BUILTIN_KINDS } from './builtin/index.js';
import { createLayoutKind, layoutEntryKind } from './custom/index.js';
import type { EntryKind } from './entry-kind.js';

export type { EntryKind, ProposedEntry, AcceptedEntry, IndexKey, IndexKeyType, KindContext } from './entry-kind.js';
export { BUILTIN_KINDS, proposedFromRekorV2Request } from './builtin/index.js';
export { createLayoutKind, layoutEntryKind } from './custom/index.js';
export { listTypes, publishLayout } from './list-types.js';
export type { TypeSummary } from './list-types.js';

/**
 * Returns every kind the local log accepts: Rekor's built-in kinds, `layout`, and one kind per
 * `layout` entry the log holds (the log is the only record of custom types). A layout whose kind
 * and version were already defined earlier in the log is ignored: the first definition stands,
 * so entries always verify against the layout that existed when they were added.
 */
export function loadKinds(store: Store, localLogId: number): EntryKind[] {
  const kinds: EntryKind[] = [...BUILTIN_KINDS, layoutEntryKind];
  const defined = new Set(kinds.map((k) => `${k.kind}@${k.apiVersion}`));
  const decoder = new TextDecoder();
  for (const index of store.indexesOfKind(localLogId, layoutEntryKind.kind)) {
    const [entry] = store.entries(localLogId, index, index + 1);
    if (!entry) continue;
    const body = JSON.parse(decoder.decode(entry.body)) as { spec: unknown };
    const kind = createLayoutKind(body.spec);
    const key = `${kind.kind}@${kind.apiVersion}`;
    if (defined.has(key)) continue;
    defined.add(key);
    kinds.push(kind);
  }
  return kinds;
}
