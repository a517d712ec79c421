import type { LogRecord, Store } from '../store/index.js';
import type { EntryKind } from '../types/index.js';
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

/** How `verifyLogIndex` treats entries whose index keys cannot be rebuilt. */
export interface LogIndexOptions {
  /** Returns the kind of a typed entry, or undefined to leave the entry out (its stored keys are then not compared either). */
  kindOf(kind: string, apiVersion: string): EntryKind | undefined;
  /** Hears a typed entry whose body is not JSON or whose kind cannot derive its keys; without it the error is thrown. */
  onUnreadable?(index: number, error: unknown): void;
}

/**
 * Rebuilds one log's search index from its stored canonical bodies (each kind's indexKeys) and
 * compares it with the stored index. Reads only; reports every difference.
 */
export function verifyLogIndex(store: Store, log: LogRecord, options: LogIndexOptions): IndexVerifyResult {
  const expected = new Set<string>();
  const skipped = new Set<number>();
  const decoder = new TextDecoder();
  for (const meta of store.typedEntriesOfLog(log.id)) {
    if (meta.index >= log.treeSize) continue;
    const kind = options.kindOf(meta.kind, meta.apiVersion);
    if (!kind) {
      skipped.add(meta.index);
      continue;
    }
    try {
      const [entry] = store.entries(log.id, meta.index, meta.index + 1);
      if (!entry) continue;
      const body = JSON.parse(decoder.decode(entry.body)) as Record<string, unknown>;
      for (const key of kind.indexKeys(body, entry.attachment ?? undefined)) expected.add(JSON.stringify([meta.index, key.type, key.value]));
    } catch (error) {
      if (!options.onUnreadable) throw error;
      options.onUnreadable(meta.index, error);
      skipped.add(meta.index);
    }
  }
  const stored = new Set(store.indexKeysOfLog(log.id).filter((k) => !skipped.has(k.index)).map((k) => JSON.stringify([k.index, k.type, k.value])));
  const toDifference = (key: string): IndexDifference => {
    const [logIndex, type, value] = JSON.parse(key) as [number, string, string];
    return { log: log.name, logIndex, type, value };
  };
  const onlyStored = [...stored].filter((k) => !expected.has(k)).map(toDifference);
  const onlyExpected = [...expected].filter((k) => !stored.has(k)).map(toDifference);
  const slot = (d: IndexDifference) => `${d.logIndex}/${d.type}`;
  const expectedSlots = new Set(onlyExpected.map(slot));
  const storedSlots = new Set(onlyStored.map(slot));
  const missing: IndexDifference[] = [];
  const extra: IndexDifference[] = [];
  const altered: IndexDifference[] = [];
  for (const d of onlyStored) (expectedSlots.has(slot(d)) ? altered : extra).push(d);
  for (const d of onlyExpected) if (!storedSlots.has(slot(d))) missing.push(d);
  return { ok: missing.length + extra.length + altered.length === 0, rows: stored.size, missing, extra, altered };
}

/**
 * Rebuilds the search index of every log from its stored canonical bodies (each kind's indexKeys) and
 * compares it with the stored index. Reads only; reports every difference; an unknown kind throws.
 */
export function verifyIndex(store: Store, registry: KindRegistry): IndexVerifyResult {
  const results = store.logs().map((log) => verifyLogIndex(store, log, { kindOf: (kind, apiVersion) => registry.lookup(kind, apiVersion) }));
  const missing = results.flatMap((r) => r.missing);
  const extra = results.flatMap((r) => r.extra);
  const altered = results.flatMap((r) => r.altered);
  return { ok: missing.length + extra.length + altered.length === 0, rows: results.reduce((n, r) => n + r.rows, 0), missing, extra, altered };
}
