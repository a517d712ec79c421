import { HASH_SIZE, type Hash, type MerkleHasher } from './hasher.js';
import { coveringNodes } from './node-id.js';
import { foldRange } from './proof-plan.js';
import { buildTileNodes, fullTileRoot, tileNode } from './tile-nodes.js';
import { levelWidth, nodeTileAddress, TILE_WIDTH } from './tiles.js';

/** A hash tile (with interior, see tile-nodes.ts) to store after an append. */
export interface TileWrite {
  readonly level: number;
  readonly index: number;
  readonly width: number;
  readonly nodes: Uint8Array;
}

interface EdgeLevel {
  /** Bottom row of this level's partial tile: `count` hashes in a 256-hash buffer. */
  readonly bottom: Uint8Array;
  count: number;
  /** The partial tile with interior, rebuilt when the level changes. */
  nodes: Uint8Array | undefined;
}

/**
 * Grows a tree tile by tile: each appended leaf hash costs about one more interior hash, as in
 * x/mod tlog's StoredHashes. Holds only the right edge (one partial tile per level), so memory
 * stays O(log n) whatever the tree size.
 */
export class TileBuilder {
  private readonly edge: EdgeLevel[] = [];
  private treeSize: number;

  /**
   * Starts from a tree of `size` whose partial tiles' bottom rows are `edgeBottoms[level]`
   * (empty when that level has no partial tile). Requires each row's width to be ⌊size/256^L⌋ mod 256.
   */
  constructor(
    private readonly hasher: MerkleHasher,
    size = 0,
    edgeBottoms: readonly Uint8Array[] = [],
  ) {
    this.treeSize = size;
    for (let level = 0; levelWidth(level, size) > 0; level++) {
      const width = levelWidth(level, size) % TILE_WIDTH;
      const given = edgeBottoms[level] ?? new Uint8Array(0);
      if (given.length !== width * HASH_SIZE) {
        throw new Error(`bug: edge row at level ${level} has ${given.length / HASH_SIZE} hashes, size ${size} needs ${width}`);
      }
      const bottom = new Uint8Array(TILE_WIDTH * HASH_SIZE);
      bottom.set(given);
      this.edge.push({ bottom, count: width, nodes: width > 0 ? buildTileNodes(given, hasher) : undefined });
    }
  }

  get size(): number {
    return this.treeSize;
  }

  /**
   * Appends leaf hashes (concatenated, 32 bytes each) and returns every tile that changed: tiles that became full, then each
   * level's new partial tile. The caller stores them in the same transaction as the entries.
   */
  append(leafHashes: Uint8Array): TileWrite[] {
    if (leafHashes.length % HASH_SIZE !== 0) throw new Error(`bug: ${leafHashes.length} bytes of leaf hashes`);
    const writes: TileWrite[] = [];
    let pending = leafHashes;
    for (let level = 0; pending.length > 0; level++) {
      const edge = this.levelEdge(level);
      let tileIndex = Math.floor(levelWidth(level, this.treeSize) / TILE_WIDTH);
      const parents = new Uint8Array(Math.ceil(pending.length / HASH_SIZE / TILE_WIDTH + 1) * HASH_SIZE);
      let parentCount = 0;
      let offset = 0;
      while (offset < pending.length) {
        // Fill the partial tile from the pending hashes, as much as fits.
        const take = Math.min(pending.length - offset, (TILE_WIDTH - edge.count) * HASH_SIZE);
        edge.bottom.set(pending.subarray(offset, offset + take), edge.count * HASH_SIZE);
        edge.count += take / HASH_SIZE;
        offset += take;
        if (edge.count === TILE_WIDTH) {
          const nodes = buildTileNodes(edge.bottom, this.hasher);
          writes.push({ level, index: tileIndex, width: TILE_WIDTH, nodes });
          parents.set(fullTileRoot(nodes, this.hasher), parentCount * HASH_SIZE);
          parentCount++;
          edge.count = 0;
          tileIndex++;
        }
      }
      edge.nodes = edge.count > 0 ? buildTileNodes(edge.bottom.subarray(0, edge.count * HASH_SIZE), this.hasher) : undefined;
      if (edge.nodes) writes.push({ level, index: tileIndex, width: edge.count, nodes: edge.nodes });
      pending = parents.subarray(0, parentCount * HASH_SIZE);
    }
    this.treeSize += leafHashes.length / HASH_SIZE;
    return writes;
  }

  /** Returns the root of the current tree (RFC 6962 MTH), from the right edge alone. */
  root(): Hash {
    if (this.treeSize === 0) return this.hasher.emptyRoot();
    const hashes = coveringNodes(0, this.treeSize).map((node) => {
      const address = nodeTileAddress(node.level, node.index);
      const edge = this.edge[address.tileLevel];
      const hash = edge?.nodes && tileNode(edge.nodes, edge.count, address.row, address.position);
      if (!hash) throw new Error(`bug: right-edge node ${node.level}/${node.index} missing at size ${this.treeSize}`);
      return hash;
    });
    return foldRange(hashes, this.hasher);
  }

  private levelEdge(level: number): EdgeLevel {
    while (this.edge.length <= level) {
      this.edge.push({ bottom: new Uint8Array(TILE_WIDTH * HASH_SIZE), count: 0, nodes: undefined });
    }
    return this.edge[level]!;
  }
}
