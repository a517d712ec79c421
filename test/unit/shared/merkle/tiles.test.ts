import { describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../../../shared/encoding/index.js';
import {
  TileBuilder,
  createTileHashReader,
  entryBundlePath,
  formatEntryBundle,
  inclusionPlan,
  parseEntryBundle,
  parseTilePath,
  rehash,
  rootOfLeafHashes,
  tileKey,
  tilePath,
  tilesForSize,
  verifyInclusion,
  type StoredTile,
} from '../../../../shared/merkle/index.js';
import { nobleHasher, sampleLeafHashes } from '../../../helpers/hashers.js';
import { readTestdataJson } from '../../../helpers/testdata.js';

interface Paths {
  c2sp: {
    tilePath: Array<{ level: number; index: number; width: number; path: string }>;
    entriesPath: Array<{ index: number; width: number; path: string }>;
    parseLevelIndexPartial: Array<{ pathLevel: string; pathIndex: string; wantErr: boolean; level?: number; index?: number; width?: number }>;
  };
}

describe('tile paths (Tessera vectors)', () => {
  const vectors = readTestdataJson<Paths>('tlog-tiles/tile-paths.json').c2sp;
  it('formats hash tile paths', () => {
    for (const v of vectors.tilePath) expect(tilePath({ level: v.level, index: v.index, width: v.width || 256 })).toBe(v.path);
  });
  it('formats entry bundle paths', () => {
    for (const v of vectors.entriesPath) expect(entryBundlePath(v.index, v.width || 256)).toBe(v.path);
  });
  it('parses level/index/partial and refuses malformed ones', () => {
    for (const v of vectors.parseLevelIndexPartial) {
      const parsed = parseTilePath(`tile/${v.pathLevel}/${v.pathIndex}`);
      if (v.wantErr) {
        expect(parsed, `${v.pathLevel}/${v.pathIndex}`).toBeUndefined();
      } else {
        expect(parsed, `${v.pathLevel}/${v.pathIndex}`).toEqual({ kind: 'hash', tile: { level: v.level, index: v.index, width: v.width || 256 } });
      }
    }
  });
});

describe('tilesForSize', () => {
  it('lists full and partial tiles per level as the spec example does for 70 000 leaves', () => {
    const tiles = tilesForSize(70_000);
    expect(tiles.length).toBe(277); // 273 full + .p/112 at level 0, 1 full + .p/17 at level 1, .p/1 at level 2
    expect(tiles.filter((t) => t.level === 0).at(-1)).toEqual({ level: 0, index: 273, width: 112 });
    expect(tiles.filter((t) => t.level === 1).map((t) => t.width)).toEqual([256, 17]);
    expect(tiles.filter((t) => t.level === 2)).toEqual([{ level: 2, index: 0, width: 1 }]);
  });
});

describe('TileBuilder', () => {
  describe('given leaves appended in uneven batches', () => {
    it('keeps the root equal to the RFC 6962 root and its tiles answer proofs', () => {
      const leaves = sampleLeafHashes(3000);
      const builder = new TileBuilder(nobleHasher);
      const stored = new Map<string, StoredTile>();
      let size = 0;
      for (const batch of [1, 2, 5, 248, 1, 255, 256, 257, 600, 1375]) {
        for (const w of builder.append(concatBytes(...leaves.slice(size, size + batch)))) stored.set(tileKey(w.level, w.index), w);
        size += batch;
        expect(toHex(builder.root())).toBe(toHex(rootOfLeafHashes(leaves.slice(0, size), nobleHasher)));
      }
      const reader = createTileHashReader((tiles) => new Map(tiles.map((t) => [tileKey(t.level, t.index), stored.get(tileKey(t.level, t.index))!])));
      const root = builder.root();
      for (const index of [0, 1, 255, 256, 1023, 2047, 2999]) {
        const plan = inclusionPlan(index, size);
        const proof = rehash(plan, reader.readHashes(plan.nodes), nobleHasher);
        verifyInclusion(index, size, leaves[index]!, proof, root, nobleHasher);
      }
    });
  });
  describe('given a builder restored from its right edge', () => {
    it('continues with the same roots as one that never stopped', () => {
      const leaves = sampleLeafHashes(700);
      const whole = new TileBuilder(nobleHasher);
      whole.append(concatBytes(...leaves));
      const first = new TileBuilder(nobleHasher);
      const writes = first.append(concatBytes(...leaves.slice(0, 300)));
      const edge = [0, 1].map((level) => {
        const partial = writes.find((w) => w.level === level && w.width < 256)!;
        return partial.nodes.subarray(0, partial.width * 32);
      });
      const resumed = new TileBuilder(nobleHasher, 300, edge);
      resumed.append(concatBytes(...leaves.slice(300)));
      expect(toHex(resumed.root())).toBe(toHex(whole.root()));
    });
  });
});

describe('entry bundles', () => {
  it('round-trips and refuses truncated bundles', () => {
    const entries = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300).fill(7)];
    const bundle = formatEntryBundle(entries);
    expect(parseEntryBundle(bundle, 3)).toEqual(entries);
    expect(() => parseEntryBundle(bundle.subarray(0, bundle.length - 1))).toThrow(expect.objectContaining({ code: 'entry_bundle_malformed' }));
    expect(() => parseEntryBundle(bundle, 4)).toThrow(expect.objectContaining({ code: 'entry_bundle_malformed' }));
  });
});
