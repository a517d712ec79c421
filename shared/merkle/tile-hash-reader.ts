import { VerificationError } from '../api/errors.js';
import type { Hash } from './hasher.js';
import type { NodeId } from './node-id.js';
import type { HashReader } from './proof-plan.js';
import { tileNode } from './tile-nodes.js';
import { nodeTileAddress } from './tiles.js';

/** A stored tile with its interior (see tile-nodes.ts). */
export interface StoredTile {
  readonly width: number;
  readonly nodes: Uint8Array;
}

/** Returns the key `level/index` that tile maps use. */
export function tileKey(level: number, index: number): string {
  return `${level}/${index}`;
}

/** Returns the tiles (level, index) holding the given nodes, each once, in first-use order. */
export function tilesHoldingNodes(nodes: readonly NodeId[]): Array<{ level: number; index: number }> {
  const seen = new Map<string, { level: number; index: number }>();
  for (const node of nodes) {
    const a = nodeTileAddress(node.level, node.index);
    const key = tileKey(a.tileLevel, a.tileIndex);
    if (!seen.has(key)) seen.set(key, { level: a.tileLevel, index: a.tileIndex });
  }
  return [...seen.values()];
}

/** Returns the hash of `node` from the tile `tileAt` gives for it; throws hash_missing when there is none. */
function nodeHash(node: NodeId, tileAt: (level: number, index: number) => StoredTile | undefined): Hash {
  const a = nodeTileAddress(node.level, node.index);
  const tile = tileAt(a.tileLevel, a.tileIndex);
  const hash = tile && tileNode(tile.nodes, tile.width, a.row, a.position);
  if (!hash) {
    throw new VerificationError('hash_missing', `stored tree lacks node ${node.level}/${node.index} (tile ${a.tileLevel}/${a.tileIndex})`, { level: node.level, index: node.index });
  }
  return hash;
}

/**
 * Returns a HashReader that fetches all tiles a request needs with one call of `readTiles`
 * (one query in the store) and picks the nodes out of them.
 */
export function createTileHashReader(readTiles: (tiles: ReadonlyArray<{ level: number; index: number }>) => ReadonlyMap<string, StoredTile>): HashReader {
  return {
    readHashes(nodes: readonly NodeId[]): Hash[] {
      const tiles = readTiles(tilesHoldingNodes(nodes));
      const tileAt = (level: number, index: number) => tiles.get(tileKey(level, index));
      return nodes.map((node) => nodeHash(node, tileAt));
    },
  };
}

/**
 * Returns a HashReader that asks `tileAt` for each node's tile (for callers whose tiles are in
 * memory). A proof's nodes come grouped by tile, so the last tile is asked for once per group.
 */
export function createTileLookupReader(tileAt: (level: number, index: number) => StoredTile | undefined): HashReader {
  return {
    readHashes(nodes: readonly NodeId[]): Hash[] {
      let lastLevel = -1;
      let lastIndex = -1;
      let lastTile: StoredTile | undefined;
      const sameOrNext = (level: number, index: number) => {
        if (level !== lastLevel || index !== lastIndex) {
          lastTile = tileAt(level, index);
          lastLevel = level;
          lastIndex = index;
        }
        return lastTile;
      };
      return nodes.map((node) => nodeHash(node, sameOrNext));
    },
  };
}
