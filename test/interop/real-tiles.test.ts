/**
 * Byte-for-byte interop with tiles written by other implementations (../shared/testdata/tlog-tiles,
 * see its README.md and PROVENANCE.md): Tessera's 15-entry POSIX log, which keeps the partial
 * level-0 tile and entry bundle of every size, and a 300-leaf Sunlight mirror tree with a full
 * tile and a level-1 tile. Appending the same leaves to a LocalLog, in any batching, must give the
 * same tile and bundle bytes and the same roots as their signed checkpoints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toBase64, toHex } from '../../shared/encoding/index.js';
import { verifyConsistency, verifyInclusion } from '../../shared/merkle/index.js';
import { openCheckpoint, parseVerifierKey } from '../../shared/note/index.js';
import { exportTiles } from '../../electron/engine/log/index.js';
import { LOCAL_LOG_NAME, type Workbench } from '../../electron/engine/open-workbench.js';
import { referenceHasher } from '../helpers/hashers.js';
import { tempDir, tempWorkbench } from '../helpers/temp-workbench.js';
import { readTestdataJson, testdataPath } from '../helpers/testdata.js';

interface LogsJson {
  logs: Array<{
    dir: string;
    origin: string;
    verifierKey: string;
    treeSize: number;
    leaves?: Array<{ index: number; data: string; leafHashHex: string }>;
    checkpoints?: Array<{ file: string; treeSize: number; rootHash: string; signatureValid: boolean }>;
    rootHash?: string;
    cosignatureTimestamp?: number;
  }>;
}

const logs = readTestdataJson<LogsJson>('tlog-tiles/logs.json').logs;
const tessera = logs.find((l) => l.dir === 'tessera-log')!;
const sunlight = logs.find((l) => l.dir === 'sunlight-mirror-300')!;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function newWorkbench(): Workbench {
  const { workbench, cleanup } = tempWorkbench('real-tiles.test/log');
  cleanups.push(cleanup);
  return workbench;
}

/** Exports the workbench's log into a fresh folder; returns the folder and its files (relative, sorted). */
function exportFresh(wb: Workbench): { dir: string; files: string[] } {
  const { dir, cleanup } = tempDir('real-tiles-export-');
  cleanups.push(cleanup);
  exportTiles(wb.store, LOCAL_LOG_NAME, dir);
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return { dir, files };
}

function readExported(dir: string, relative: string): Buffer {
  return readFileSync(path.join(dir, ...relative.split('/')));
}

function readUpstream(logDir: string, relative: string): Buffer {
  return readFileSync(testdataPath(`tlog-tiles/${logDir}/${relative}`));
}

/** Returns how the 15 Tessera leaves are split into append batches. */
const TESSERA_BATCHINGS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['one at a time', Array.from({ length: 15 }, () => 1)],
  ['all at once', [15]],
  ['7 then 8', [7, 8]],
  ['1, 2, 3, 4, 5', [1, 2, 3, 4, 5]],
  ['14 then 1', [14, 1]],
  ['5, 5, 5', [5, 5, 5]],
  ['2, 11, 2', [2, 11, 2]],
];

describe('LocalLog against real tlog-tiles logs', () => {
  describe('given the Tessera test log (15 entries)', () => {
    const vkey = parseVerifierKey(tessera.verifierKey);
    const leaves = tessera.leaves!.map((l) => new TextEncoder().encode(l.data));
    const checkpointRoot = (size: number) => tessera.checkpoints!.find((c) => c.treeSize === size)!.rootHash;

    it('every checkpoint.N verifies with the log key and names size N and the listed root', () => {
      expect(tessera.checkpoints).toHaveLength(16);
      for (let size = 0; size <= 15; size++) {
        const opened = openCheckpoint(readUpstream('tessera-log', `checkpoint.${size}`), [vkey], { origin: tessera.origin });
        expect(opened.checkpoint.size).toBe(size);
        expect(toBase64(opened.checkpoint.rootHash)).toBe(checkpointRoot(size));
        expect(opened.signatures.map((s) => s.type)).toEqual(['ed25519']);
      }
      expect(readUpstream('tessera-log', 'checkpoint')).toEqual(readUpstream('tessera-log', 'checkpoint.15'));
    });

    it.each(TESSERA_BATCHINGS)('appended %s, each size reproduces tile/0/000.p/N and tile/entries/000.p/N byte for byte', (_name, batches) => {
      expect(batches.reduce((a, b) => a + b, 0)).toBe(15);
      const wb = newWorkbench();
      const log = wb.localLog();
      expect(toBase64(log.rootAt(0))).toBe(checkpointRoot(0));
      let size = 0;
      for (const batch of batches) {
        const result = log.append(leaves.slice(size, size + batch).map((body) => ({ body })));
        size += batch;
        expect(toBase64(result.rootHash), `root at size ${size}`).toBe(checkpointRoot(size));

        const { dir, files } = exportFresh(wb);
        expect(files, `export at size ${size}`).toEqual(['checkpoint', `tile/0/000.p/${size}`, `tile/entries/000.p/${size}`]);
        expect(readExported(dir, `tile/0/000.p/${size}`).equals(readUpstream('tessera-log', `tile/0/000.p/${size}`)), `tile/0/000.p/${size}`).toBe(true);
        expect(readExported(dir, `tile/entries/000.p/${size}`).equals(readUpstream('tessera-log', `tile/entries/000.p/${size}`)), `tile/entries/000.p/${size}`).toBe(true);
      }
      // Every earlier size, batched over or not, keeps its root.
      for (let n = 0; n <= 15; n++) expect(toBase64(log.rootAt(n)), `rootAt(${n})`).toBe(checkpointRoot(n));
      // At size 15 the export equals Tessera's latest tiles.
      const { dir } = exportFresh(wb);
      expect(readExported(dir, 'tile/0/000.p/15').equals(readUpstream('tessera-log', 'tile/0/000.p/15'))).toBe(true);
      expect(readExported(dir, 'tile/entries/000.p/15').equals(readUpstream('tessera-log', 'tile/entries/000.p/15'))).toBe(true);
    });

    it('our leaf hashes equal the listed ones, and our proofs verify against Tessera’s signed roots', () => {
      const wb = newWorkbench();
      const log = wb.localLog();
      log.append(leaves.map((body) => ({ body })));
      const signedRoot = (size: number) => openCheckpoint(readUpstream('tessera-log', `checkpoint.${size}`), [vkey]).checkpoint.rootHash;
      for (const leaf of tessera.leaves!) expect(toHex(log.leafHash(leaf.index))).toBe(leaf.leafHashHex);
      for (let size = 1; size <= 15; size++) {
        for (let index = 0; index < size; index++) {
          const proof = log.proveInclusion(index, size);
          verifyInclusion(index, size, referenceHasher.hashLeaf(leaves[index]!), proof.hashes, signedRoot(size), referenceHasher);
        }
        const consistency = log.proveConsistency(size, 15);
        verifyConsistency(size, 15, consistency.hashes, signedRoot(size), signedRoot(15), referenceHasher);
      }
    });
  });

  describe('given the Sunlight mirror tree (300 leaves "record <i>")', () => {
    const records = Array.from({ length: 300 }, (_, i) => new TextEncoder().encode(`record ${i}`));
    const upstreamTiles = ['tile/0/000', 'tile/0/001.p/44', 'tile/1/000.p/1'];

    it('its checkpoint verifies with the cosignature/v1 key from the README', () => {
      const opened = openCheckpoint(readUpstream('sunlight-mirror-300', 'checkpoint'), [parseVerifierKey(sunlight.verifierKey)], { origin: sunlight.origin });
      expect(opened.checkpoint.size).toBe(300);
      expect(toBase64(opened.checkpoint.rootHash)).toBe(sunlight.rootHash);
      expect(opened.signatures).toEqual([expect.objectContaining({ name: 'mirror.example.org', type: 'cosignature/v1', timestampSec: sunlight.cosignatureTimestamp })]);
    });

    it.each([
      ['in one batch', [300]],
      ['as 1, 255, 44', [1, 255, 44]],
      ['as 256 then 44', [256, 44]],
      ['in batches of 7', [...Array.from({ length: 42 }, () => 7), 6]],
    ])('appended %s, reproduces tile/0/000, tile/0/001.p/44 and tile/1/000.p/1 byte for byte and the signed root', (_name, batches) => {
      expect(batches.reduce((a, b) => a + b, 0)).toBe(300);
      const wb = newWorkbench();
      const log = wb.localLog();
      let size = 0;
      for (const batch of batches) {
        log.append(records.slice(size, size + batch).map((body) => ({ body })));
        size += batch;
      }
      const signed = openCheckpoint(readUpstream('sunlight-mirror-300', 'checkpoint'), [parseVerifierKey(sunlight.verifierKey)]).checkpoint;
      expect(toBase64(log.rootAt(300))).toBe(toBase64(signed.rootHash));
      expect(wb.info().rootHash).toBe(toHex(signed.rootHash));

      const { dir, files } = exportFresh(wb);
      expect(files.filter((f) => !f.startsWith('tile/entries/') && f !== 'checkpoint')).toEqual(upstreamTiles);
      for (const tile of upstreamTiles) {
        expect(readExported(dir, tile).equals(readUpstream('sunlight-mirror-300', tile)), tile).toBe(true);
      }
      // Level-1 hash 0 is the root of leaves 0..255.
      expect(toHex(readExported(dir, 'tile/1/000.p/1'))).toBe(toHex(log.rootAt(256)));
    });
  });
});
