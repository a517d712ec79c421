import { InputError } from '../../../shared/api/index.js';
import type { EntryKind } from '../types/entry-kind.js';

export interface KindRegistry {
  /** Returns the kind for (kind, apiVersion); InputError('kind_unknown') naming what exists otherwise. */
  lookup(kind: string, apiVersion: string): EntryKind;
  list(): readonly EntryKind[];
}

/** Returns a registry over the given kinds; a later kind with the same (kind, version) is refused. */
export function createKindRegistry(kinds: readonly EntryKind[]): KindRegistry {
  const byKey = new Map<string, EntryKind>();
  for (const k of kinds) {
    const key = `${k.kind}@${k.apiVersion}`;
    if (byKey.has(key)) throw new Error(`bug: entry kind ${key} registered twice`);
    byKey.set(key, k);
  }
  return {
    lookup(kind, apiVersion) {
      const found = byKey.get(`${kind}@${apiVersion}`);
      if (found) return found;
      const versions = kinds.filter((k) => k.kind === kind).map((k) => k.apiVersion);
      const known = versions.length > 0 ? `known versions of ${kind}: ${versions.join(', ')}` : `known kinds: ${[...new Set(kinds.map((k) => k.kind))].join(', ')}`;
      throw new InputError('kind_unknown', `no entry kind ${kind} with apiVersion ${apiVersion}; ${known}`, { kind, apiVersion }, { hint: 'add a custom type with `provwb types add LAYOUT`' });
    },
    list: () => kinds,
  };
}
