import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesEqual, toHex } from '../../../../shared/encoding/index.js';
import { rootOfLeafHashes, verifyConsistency, verifyInclusion } from '../../../../shared/merkle/index.js';
import { openWorkbench, type Workbench } from '../../../../electron/engine/open-workbench.js';
import { nobleHasher } from '../../../helpers/hashers.js';
import { sampleEntries, tempWorkbench } from '../../../helpers/temp-workbench.js';

describe('LocalLog', () => {
  let wb: Workbench;
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ workbench: wb, dir, cleanup } = tempWorkbench());
  });
  afterEach(() => cleanup());

  describe('given entries appended in batches', () => {
    it('keeps the RFC 6962 root, signs a checkpoint per batch and proves every entry', () => {
      const log = wb.localLog();
      const all = sampleEntries(1300);
      let size = 0;
      for (const batch of [1, 255, 1, 300, 743]) {
        const result = log.append(all.slice(size, size + batch));
        expect(result.first).toBe(size);
        size += batch;
        expect(result.treeSize).toBe(size);
        const expected = rootOfLeafHashes(all.slice(0, size).map((e) => nobleHasher.hashLeaf(e.body)), nobleHasher);
        expect(toHex(result.rootHash)).toBe(toHex(expected));
        expect(result.checkpoint.split('\n').slice(0, 3)).toEqual(['provwb.test/log', String(size), Buffer.from(expected).toString('base64')]);
      }
      const root = log.rootAt(size);
      for (const index of [0, 1, 255, 256, 511, 1299]) {
        const proof = log.proveInclusion(index);
        expect(bytesEqual(proof.rootHash, root)).toBe(true);
        verifyInclusion(index, size, nobleHasher.hashLeaf(all[index]!.body), proof.hashes, root, nobleHasher);
        const older = log.proveInclusion(index, index + 1);
        verifyInclusion(index, index + 1, proof.leafHash, older.hashes, log.rootAt(index + 1), nobleHasher);
      }
      for (const [first, second] of [[1, 1300], [256, 257], [557, 1300], [1300, 1300]] as const) {
        const p = log.proveConsistency(first, second);
        verifyConsistency(first, second, p.hashes, p.firstRoot, p.secondRoot, nobleHasher);
      }
    });
  });

  describe('given an entry over the bundle limit', () => {
    it('throws entry_too_large and stores nothing', () => {
      const log = wb.localLog();
      log.append(sampleEntries(3));
      const before = log.record();
      expect(() => log.append([...sampleEntries(2), { body: new Uint8Array(70_000) }])).toThrow(expect.objectContaining({ code: 'entry_too_large' }));
      expect(log.record().treeSize).toBe(before.treeSize);
      expect(wb.store.checkpoints(before.id).length).toBe(2);
    });
  });

  describe('given a failure inside the transaction', () => {
    it('rolls everything back and keeps appending correctly', () => {
      const log = wb.localLog();
      log.append(sampleEntries(10));
      const original = wb.store.insertCheckpoint.bind(wb.store);
      wb.store.insertCheckpoint = () => {
        throw new Error('disk full');
      };
      expect(() => log.append(sampleEntries(5, 10))).toThrow('disk full');
      wb.store.insertCheckpoint = original;
      expect(log.record().treeSize).toBe(10);
      expect(wb.store.entries(log.record().id, 0, 100).length).toBe(10);
      const result = log.append(sampleEntries(5, 10));
      const all = sampleEntries(15);
      expect(toHex(result.rootHash)).toBe(toHex(rootOfLeafHashes(all.map((e) => nobleHasher.hashLeaf(e.body)), nobleHasher)));
    });
  });

  describe('given a second process appending to the same workbench', () => {
    it('continues from the other writer’s right edge', () => {
      const other = openWorkbench({ dataDir: dir });
      try {
        wb.localLog().append(sampleEntries(300));
        other.localLog().append(sampleEntries(20, 300));
        const result = wb.localLog().append(sampleEntries(7, 320));
        const all = sampleEntries(327);
        expect(toHex(result.rootHash)).toBe(toHex(rootOfLeafHashes(all.map((e) => nobleHasher.hashLeaf(e.body)), nobleHasher)));
        wb.localLog().assertTreeHeadMatchesTiles();
      } finally {
        other.close();
      }
    });
  });

  describe('given out-of-range requests', () => {
    it('throws index_out_of_range / size_out_of_range', () => {
      const log = wb.localLog();
      log.append(sampleEntries(4));
      expect(() => log.proveInclusion(4)).toThrow(expect.objectContaining({ code: 'index_out_of_range' }));
      expect(() => log.proveInclusion(1, 5)).toThrow(expect.objectContaining({ code: 'size_out_of_range' }));
      expect(() => log.proveInclusion(3, 2)).toThrow(expect.objectContaining({ code: 'index_out_of_range' }));
      expect(() => log.proveConsistency(0, 4)).toThrow(expect.objectContaining({ code: 'size_out_of_range' }));
      expect(() => log.proveConsistency(3, 9)).toThrow(expect.objectContaining({ code: 'size_out_of_range' }));
    });
  });
});
