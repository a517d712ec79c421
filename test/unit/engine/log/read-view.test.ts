import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/encoding/index.js';
import { verifyInclusion } from '../../../../shared/merkle/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { LogReadView } from '../../../../electron/engine/log/index.js';
import { openWorkbench, type Workbench } from '../../../../electron/engine/open-workbench.js';
import { nobleHasher } from '../../../helpers/hashers.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';

/** Typed entries (they carry metadata the view must return with the body). */
function typedEntries(count: number, start: number) {
  return Array.from({ length: count }, (_, i) => ({ body: new TextEncoder().encode(`typed entry ${start + i}`), kind: 'hashedrekord', apiVersion: '0.0.1', integratedTime: 1_700_000_000 + start + i }));
}

describe('LogReadView', () => {
  let wb: Workbench;
  let dir: string;
  let cleanup: () => void;
  let now: number;
  beforeEach(() => {
    ({ workbench: wb, dir, cleanup } = tempWorkbench());
    now = 0;
  });
  afterEach(() => cleanup());

  const viewOf = (workbench: Workbench, options: { maxStaleMs?: number; bundleCacheBytes?: number } = {}) =>
    new LogReadView({ store: workbench.store, log: workbench.localLog(), hasher: nodeHasher }, { nowMs: () => now, bundleCacheBytes: 1 << 20, ...options });

  /** Checks every entry and proof the view gives against the log read directly. */
  function expectSameAsLog(view: LogReadView, indexes: readonly number[]) {
    const log = wb.localLog();
    const head = view.head();
    expect(head.record.treeSize).toBe(log.record().treeSize);
    expect(head.checkpoint?.note).toBe(log.latestCheckpoint());
    for (const index of indexes) {
      const [direct] = wb.store.entries(head.record.id, index, index + 1);
      expect(view.entry(index)).toEqual(direct);
      const proof = view.proveInclusion(index, head.record.treeSize);
      expect(toHex(proof.rootHash)).toBe(toHex(head.record.rootHash));
      verifyInclusion(index, head.record.treeSize, nobleHasher.hashLeaf(direct!.body), proof.hashes, head.record.rootHash, nobleHasher);
      const older = view.proveInclusion(index, index + 1);
      expect(older).toEqual(log.proveInclusion(index, index + 1));
    }
  }

  it('answers entries and proofs exactly as the log does, across full and partial bundles, as the log grows', () => {
    const view = viewOf(wb);
    const log = wb.localLog();
    let size = 0;
    for (const batch of [3, 300, 1, 212, 500]) {
      log.append(typedEntries(batch, size));
      size += batch;
      // Appends through this Store are seen at once, whatever the staleness allowance.
      expectSameAsLog(view, [0, 1, 255, 256, size - 1].filter((i) => i < size));
    }
    expect(view.entry(size)).toBeUndefined();
    expect(view.entry(-1)).toBeUndefined();
    expect(() => view.proveInclusion(size, size)).toThrow(/out of range/);
    expect(() => view.proveInclusion(0, size + 1)).toThrow(/out of range/);
  });

  it('keeps answering right with a bundle cache smaller than one bundle, and with none', () => {
    wb.localLog().append(typedEntries(700, 0));
    expectSameAsLog(viewOf(wb, { bundleCacheBytes: 100 }), [0, 255, 256, 699]);
    expectSameAsLog(viewOf(wb, { bundleCacheBytes: 0 }), [0, 255, 256, 699]);
  });

  it("sees another process's append only after maxStaleMs, and at once with maxStaleMs 0", () => {
    wb.localLog().append(typedEntries(10, 0));
    const lagging = viewOf(wb, { maxStaleMs: 20 });
    const eager = viewOf(wb, { maxStaleMs: 0 });
    expect(lagging.head().record.treeSize).toBe(10);
    expect(lagging.entry(9)?.integratedTime).toBe(1_700_000_009);

    const other = openWorkbench({ dataDir: dir });
    try {
      other.localLog().append(typedEntries(5, 10));
    } finally {
      other.close();
    }
    now = 19;
    // Still the head it had: a true, signed tree, 5 entries behind.
    expect(lagging.head().record.treeSize).toBe(10);
    expect(lagging.entry(12)).toBeUndefined();
    expect(eager.head().record.treeSize).toBe(15);
    now = 20;
    expect(lagging.head().record.treeSize).toBe(15);
    expectSameAsLog(lagging, [0, 9, 10, 14]);
  });

  it("keeps answering right when another process fills a bundle the view last saw partial (read while its head lagged)", () => {
    wb.localLog().append(typedEntries(300, 0));
    const view = viewOf(wb, { maxStaleMs: 20 });
    // The head (300) reads the right-edge tile of bundle 1, 44 leaves wide.
    expect(view.proveInclusion(290, 300).treeSize).toBe(300);
    const other = openWorkbench({ dataDir: dir });
    try {
      other.localLog().append(typedEntries(300, 300));
    } finally {
      other.close();
    }
    // Still at head 300: bundle 1 is read now, and is full.
    expect(view.checkedEntry(295)?.matchesLeaf).toBe(true);
    now = 20;
    expect(view.head().record.treeSize).toBe(600);
    for (const index of [295, 300, 400, 511, 599]) expect(view.checkedEntry(index)?.matchesLeaf, `entry ${index}`).toBe(true);
    expectSameAsLog(view, [295, 300, 400, 511, 512, 599]);
  });

  describe('given a stored body altered after it was logged', () => {
    it('marks only that entry as not matching its leaf, with a bundle cache and without, full bundle and right edge', () => {
      wb.localLog().append(typedEntries(300, 0));
      // Flip one byte of entry 5's body (full bundle 0) and of entry 290's (the partial bundle 1).
      for (const [bundleIndex, slot] of [[0, 5], [1, 290 - 256]] as const) {
        const row = wb.store.db.prepare('SELECT bundle FROM entry_bundles WHERE idx = ?').get(bundleIndex) as { bundle: Buffer };
        const bundle = Buffer.from(row.bundle);
        let offset = 0;
        for (let i = 0; i < slot; i++) offset += 2 + bundle.readUInt16BE(offset);
        bundle[offset + 2]! ^= 1;
        wb.store.db.prepare('UPDATE entry_bundles SET bundle = ? WHERE idx = ?').run(bundle, bundleIndex);
      }
      for (const view of [viewOf(wb), viewOf(wb, { bundleCacheBytes: 0 })]) {
        const matches = (index: number) => view.checkedEntry(index)?.matchesLeaf;
        expect([4, 5, 6, 255, 256, 289, 290, 299].map(matches)).toEqual([true, false, true, true, true, true, false, true]);
        // The leaf is the tree's, not the altered body's hash.
        expect(toHex(view.checkedEntry(5)!.leafHash)).toBe(toHex(view.proveInclusion(5, 300).leafHash));
      }
    });
  });
});
