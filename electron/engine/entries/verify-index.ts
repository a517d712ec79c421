import type { Store } from '../store/index.js';
import type { KindRegistry } from './kind-registry.js';

export interface IndexDifference {
  readonly log: string;
  readonly logIndex: number;
  readonly type: string;
  readonly value: string;
}

export interface IndexVerifyResult {
  readonly ok: boolean;
  readonly rows: number;
  readonly missing: readonly IndexDifference[];
  readonly extra: readonly IndexDifference[];
  /** Keys whose (entry, type) exists on both sides with different values: the stored side. */
  readonly altered: readonly IndexDifference[];
}

/**
 * Rebuilds the search index of every log from its stored canonical bodies (each kind's indexKeys) and
 * compares it with the stored index. Reads only; reports every difference.
 */
export function verifyIndex(store: Store, registry: KindRegistry): IndexVerifyResult {
  const missing: IndexDifference[] = [];
  const extra: IndexDifference[] = [];
  const altered: IndexDifference[] = [];
  let rows = 0;
  for (const log of store.logs()) {
    const expected = new Set<string>();
    for (const meta of store.typedEntriesOfLog(log.id)) {
      if (meta.index >= log.treeSize) continue;
      const [entry] = store.entries(log.id, meta.index, meta.index + 1);
      if (!entry) continue;
      const body = JSON.parse(new TextDecoder().decode(entry.body)) as Record<string, unknown>;
      for (const key of registry.lookup(meta.kind, meta.apiVersion).indexKeys(body, entry.attachment ?? undefined)) expected.add(JSON.stringify([meta.index, key.type, key.value]));
    }
    const stored = new Set(store.indexKeysOfLog(log.id).map((k) => JSON.stringify([k.index, k.type, k.value])));
    rows += stored.size;
    const toDifference = (key: string): IndexDifference => {
      const [logIndex, type, value] = JSON.parse(key) as [number, string, string];
      return { log: log.name, logIndex, type, value };
    };
    const onlyStored = [...stored].filter((k) => !expected.has(k)).map(toDifference);
    const onlyExpected = [...expected].filter((k) => !stored.has(k)).map(toDifference);
    const slot = (d: IndexDifference) => `${d.logIndex}/${d.type}`;
    const expectedSlots = new Set(onlyExpected.map(slot));
    const storedSlots = new Set(onlyStored.map(slot));
    for (const d of onlyStored) (expectedSlots.has(slot(d)) ? altered : extra).push(d);
    for (const d of onlyExpected) if (!storedSlots.has(slot(d))) missing.push(d);
  }
  return { ok: missing.length + extra.length + altered.length === 0, rows, missing, extra, altered };
}
