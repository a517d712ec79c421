import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rekorLogEntry, rekorLogEntryJson, type LogEntryContext } from '../../../../electron/engine/entries/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { LogReadView } from '../../../../electron/engine/log/index.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';

function typedEntries(count: number, start: number) {
  return Array.from({ length: count }, (_, i) => ({ body: new TextEncoder().encode(`{"entry":${start + i},"text":"ünïcødé \\" \\\\ \\n"}`), kind: 'hashedrekord', apiVersion: '0.0.1', integratedTime: 1_700_000_000 + start + i }));
}

describe('rekorLogEntryJson', () => {
  let wb: Workbench;
  let cleanup: () => void;
  beforeEach(() => ({ workbench: wb, cleanup } = tempWorkbench()));
  afterEach(() => cleanup());

  const contexts = (): Array<[string, LogEntryContext]> => {
    const base = { store: wb.store, log: wb.localLog(), signer: wb.signer, logIdHex: wb.logIdHex };
    return [
      ['straight from SQLite', base],
      ['through a caching view', { ...base, view: new LogReadView({ store: wb.store, log: base.log, hasher: nodeHasher }, { bundleCacheBytes: 1 << 20 }) }],
    ];
  };

  it('is exactly JSON.stringify(rekorLogEntry) for a one-entry tree (no proof hashes)', () => {
    wb.localLog().append(typedEntries(1, 0));
    for (const [, ctx] of contexts()) {
      expect(JSON.parse(rekorLogEntryJson(ctx, 0))).toEqual(rekorLogEntry(ctx, 0));
      expect(rekorLogEntryJson(ctx, 0)).toBe(JSON.stringify(rekorLogEntry(ctx, 0)));
    }
  });

  it('is exactly JSON.stringify(rekorLogEntry) across full and partial bundles, with kept SETs and SETs signed on read', () => {
    wb.localLog().append(typedEntries(300, 0));
    // Entries integrated before SETs were kept: their SET is signed when read.
    wb.store.db.prepare('UPDATE entry_meta SET set_signature = NULL WHERE idx IN (3, 299)').run();
    for (const [, ctx] of contexts()) {
      for (const index of [0, 3, 255, 256, 298, 299]) {
        const json = rekorLogEntryJson(ctx, index);
        expect(json).toBe(JSON.stringify(rekorLogEntry(ctx, index)));
        const [entry] = Object.values(JSON.parse(json) as Record<string, { logIndex: number; verification: { inclusionProof: { hashes: string[]; treeSize: number } } }>);
        expect(entry!.logIndex).toBe(index);
        expect(entry!.verification.inclusionProof.treeSize).toBe(300);
      }
    }
  });

  it('refuses an entry whose stored body no longer hashes to its leaf, as rekorLogEntry does', () => {
    wb.localLog().append(typedEntries(3, 0));
    const row = wb.store.db.prepare('SELECT bundle FROM entry_bundles').get() as { bundle: Buffer };
    const bundle = Buffer.from(row.bundle);
    bundle[bundle.length - 2]! ^= 1;
    wb.store.db.prepare('UPDATE entry_bundles SET bundle = ?').run(bundle);
    for (const [, ctx] of contexts()) {
      expect(() => rekorLogEntryJson(ctx, 2)).toThrow(expect.objectContaining({ code: 'entry_corrupt' }));
      expect(rekorLogEntryJson(ctx, 1)).toBe(JSON.stringify(rekorLogEntry(ctx, 1)));
    }
  });
});
