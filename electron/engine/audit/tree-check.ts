import {
  HASH_SIZE,
  TILE_WIDTH,
  TileBuilder,
  coveringNodes,
  foldRange,
  levelWidth,
  nodeTileAddress,
  parseEntryBundle,
  tileBottom,
  tileKey,
  tileNode,
  tileNodesLength,
  type Hash,
  type MerkleHasher,
  type TileWrite,
} from '../../../shared/merkle/index.js';
import type { LogRecord, Store } from '../store/index.js';
import type { AuditFindings } from './audit-report.js';
import { bundleLeafHashes, type BundleRow } from './entry-bundle-leaves.js';
import { diagnoseTile, hasTileLength, type DamagedTileRoots } from './tile-diagnosis.js';

/** Bundles read, hashed and compared per step: 16 384 entries, ~1 MB of bundles and ~1 MB of tiles. */
const CHUNK_BUNDLES = 64;

/** One step of the walk: entries [start, start + count) with their recomputed leaf hashes. */
export interface EntryChunk {
  readonly start: number;
  readonly count: number;
  /** Recomputed leaf hashes, 32 bytes each (stored tile hashes stand in where a bundle is unreadable). */
  readonly leafHashes: Uint8Array;
  /** Returns the stored bytes of entry `index` of this chunk, or undefined when its bundle is unreadable. */
  entry(index: number): Uint8Array | undefined;
}

export interface TreeCheckOptions {
  /** Tree sizes (≤ the log's) whose roots to recompute, for the checkpoints. */
  readonly rootSizes: readonly number[];
  /** Hears every chunk after its tree nodes were checked (typed entries, leaf index). */
  onChunk?(chunk: EntryChunk): Promise<void> | void;
  onProgress?(done: number): void;
}

export interface TreeCheckResult {
  /** The root of the whole tree recomputed from the entries. */
  readonly rootHash: Hash;
  /** Recomputed roots of the sizes asked for. */
  readonly roots: ReadonlyMap<number, Hash>;
  readonly entriesChecked: number;
  readonly tilesChecked: number;
}

/**
 * Recomputes every leaf hash from the stored entry bundles and the whole tree from them, streaming
 * chunk by chunk (memory O(chunk + log n)), and compares every stored tile node — level 0 and the
 * interior rows, of every full tile and each level's partial tile — with the recomputed one. Reports
 * missing, malformed, surplus and stray bundles and tiles. Cost: ≈ 2 SHA-256 per entry (batched) and
 * one sequential read of the bundles and tiles.
 */
export async function checkTree(store: Store, log: LogRecord, hasher: MerkleHasher, findings: AuditFindings, options: TreeCheckOptions): Promise<TreeCheckResult> {
  const size = log.treeSize;
  const builder = new TileBuilder(hasher);
  const damaged: DamagedTileRoots = new Map();
  const partials = new Map<number, TileWrite>();
  const nodes = new RootNodes(options.rootSizes);
  const bundleCount = Math.ceil(size / TILE_WIDTH);
  let entriesChecked = 0;
  let tilesChecked = 0;

  const compare = (write: TileWrite, stored: { width: number; nodes: Uint8Array } | undefined) => {
    tilesChecked++;
    const name = `tile ${write.level}/${write.index}`;
    const where = { table: 'tiles', level: write.level, tileIndex: write.index };
    if (!stored) {
      findings.problem('tile_missing', write.level === 0 ? write.index * TILE_WIDTH : null, `${name} (width ${write.width}) is missing`, where);
    } else if (stored.width !== write.width) {
      findings.problem('tile_malformed', null, `${name} is stored with width ${stored.width}; a tree of size ${size} has it with width ${write.width}`, where);
    } else if (!hasTileLength(stored.nodes, write.width)) {
      findings.problem('tile_malformed', null, `${name} holds ${stored.nodes.length} bytes of nodes; width ${write.width} needs ${tileNodesLength(write.width)}`, where);
    } else if (Buffer.compare(Buffer.from(stored.nodes.buffer, stored.nodes.byteOffset, stored.nodes.byteLength), Buffer.from(write.nodes.buffer, write.nodes.byteOffset, write.nodes.byteLength)) !== 0) {
      diagnoseTile({ level: write.level, index: write.index, width: write.width, stored: stored.nodes, recomputed: write.nodes }, damaged, hasher, findings);
    }
  };

  for (let b0 = 0; b0 < bundleCount; b0 += CHUNK_BUNDLES) {
    const b1 = Math.min(bundleCount, b0 + CHUNK_BUNDLES);
    const start = b0 * TILE_WIDTH;
    const end = Math.min(size, b1 * TILE_WIDTH);
    const rows = new Map<number, BundleRow>(store.entryBundlesInRange(log.id, b0, b1).map((r) => [r.index, r]));
    const storedLeafTiles = new Map(store.tilesInRange(log.id, 0, b0, b1).map((t) => [t.index, t]));
    const leafHashes = new Uint8Array((end - start) * HASH_SIZE);
    for (let b = b0; b < b1; b++) {
      const expected = Math.min(TILE_WIDTH, size - b * TILE_WIDTH);
      const hashes = bundleLeafHashes(rows.get(b), b, expected, hasher, findings);
      if (hashes) entriesChecked += expected;
      // An unreadable bundle's leaves are taken from the stored tile so the rest of the tree can still be checked.
      const stand = storedLeafTiles.get(b);
      const fallback = stand && stand.width >= expected && hasTileLength(stand.nodes, stand.width) ? tileBottom(stand.nodes, stand.width).subarray(0, expected * HASH_SIZE) : undefined;
      const leaves = hashes ?? fallback;
      if (leaves) leafHashes.set(leaves, (b * TILE_WIDTH - start) * HASH_SIZE);
    }
    const writes = builder.append(leafHashes);
    for (const write of writes) {
      nodes.capture(write);
      if (write.width < TILE_WIDTH) {
        partials.set(write.level, write);
        continue;
      }
      if (partials.get(write.level)?.index === write.index) partials.delete(write.level);
      const stored = write.level === 0 ? storedLeafTiles.get(write.index) : store.readTiles(log.id, [{ level: write.level, index: write.index }]).get(tileKey(write.level, write.index));
      compare(write, stored);
    }
    const parsed = new Map<number, Uint8Array[] | null>();
    await options.onChunk?.({
      start,
      count: end - start,
      leafHashes,
      entry(index) {
        const b = Math.floor(index / TILE_WIDTH);
        if (!parsed.has(b)) {
          const row = rows.get(b);
          try {
            parsed.set(b, row ? parseEntryBundle(row.bundle) : null);
          } catch {
            parsed.set(b, null);
          }
        }
        return parsed.get(b)?.[index - b * TILE_WIDTH];
      },
    });
    options.onProgress?.(end);
  }

  for (let level = 0; levelWidth(level, size) > 0; level++) {
    const width = levelWidth(level, size) % TILE_WIDTH;
    if (width === 0) continue;
    const write = partials.get(level);
    const index = Math.floor(levelWidth(level, size) / TILE_WIDTH);
    if (!write || write.index !== index || write.width !== width) throw new Error(`bug: no recomputed partial tile ${level}/${index} of width ${width}`);
    compare(write, store.readTiles(log.id, [{ level, index }]).get(tileKey(level, index)));
  }
  checkStrays(store, log, findings);
  return { rootHash: builder.root(), roots: nodes.roots(options.rootSizes, hasher), entriesChecked, tilesChecked };
}

/** Reports bundles and tiles that a tree of the log's size does not have. */
function checkStrays(store: Store, log: LogRecord, findings: AuditFindings): void {
  const size = log.treeSize;
  for (const row of store.entryBundleKeysFrom(log.id, Math.ceil(size / TILE_WIDTH))) {
    findings.problem('entry_bundle_beyond_tree', row.index * TILE_WIDTH, `entry bundle ${row.index} (${row.width} entries from ${row.index * TILE_WIDTH}) lies beyond the tree size ${size}`, { table: 'entry_bundles', bundle: row.index });
  }
  for (const tile of store.tileKeysOfLog(log.id)) {
    const count = levelWidth(tile.level, size);
    const full = Math.floor(count / TILE_WIDTH);
    const exists = tile.index < full || (tile.index === full && count % TILE_WIDTH > 0);
    if (!exists) {
      findings.problem('tile_unexpected', null, `tile ${tile.level}/${tile.index} (width ${tile.width}) is stored, but a tree of size ${size} has no such tile`, { table: 'tiles', level: tile.level, tileIndex: tile.index });
    }
  }
}

/**
 * Keeps the recomputed nodes that the roots of some tree sizes need (the covering subtrees of
 * [0, size)), picked out of the tiles as the builder emits them: a node is in the tile written by the
 * append that completes it, so no recomputed tile has to be kept.
 */
class RootNodes {
  private readonly wanted = new Map<string, Array<{ row: number; position: number; key: string }>>();
  private readonly found = new Map<string, Hash>();

  constructor(sizes: readonly number[]) {
    for (const size of sizes) {
      for (const node of coveringNodes(0, size)) {
        const key = `${node.level}/${node.index}`;
        const a = nodeTileAddress(node.level, node.index);
        const list = this.wanted.get(tileKey(a.tileLevel, a.tileIndex)) ?? [];
        if (!list.some((w) => w.key === key)) list.push({ row: a.row, position: a.position, key });
        this.wanted.set(tileKey(a.tileLevel, a.tileIndex), list);
      }
    }
  }

  capture(write: TileWrite): void {
    for (const w of this.wanted.get(tileKey(write.level, write.index)) ?? []) {
      if (this.found.has(w.key)) continue;
      const hash = tileNode(write.nodes, write.width, w.row, w.position);
      if (hash) this.found.set(w.key, hash.slice());
    }
  }

  roots(sizes: readonly number[], hasher: MerkleHasher): Map<number, Hash> {
    const roots = new Map<number, Hash>();
    for (const size of sizes) {
      if (size === 0) {
        roots.set(0, hasher.emptyRoot());
        continue;
      }
      const hashes = coveringNodes(0, size).map((n) => this.found.get(`${n.level}/${n.index}`));
      if (hashes.every((h): h is Hash => h !== undefined)) roots.set(size, foldRange(hashes, hasher));
      else throw new Error(`bug: recomputed nodes for the root of size ${size} were not captured`);
    }
    return roots;
  }
}
