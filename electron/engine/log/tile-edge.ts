import { VerificationError } from '../../../shared/api/index.js';
import { TILE_WIDTH, TileBuilder, levelWidth, tileBottom, tileKey, type MerkleHasher } from '../../../shared/merkle/index.js';
import type { LogRecord, Store } from '../store/index.js';

/**
 * Returns a TileBuilder positioned at `size` of a stored log: it reads the right edge (one partial
 * tile per level) so appends continue the stored tree. Throws VerificationError `tile_missing` when
 * the store lacks an edge tile of the expected width.
 */
export function loadTileBuilder(store: Store, log: LogRecord, size: number, hasher: MerkleHasher): TileBuilder {
  const partials: Array<{ level: number; index: number }> = [];
  for (let level = 0; levelWidth(level, size) > 0; level++) {
    partials.push({ level, index: Math.floor(levelWidth(level, size) / TILE_WIDTH) });
  }
  const tiles = store.readTiles(log.id, partials);
  const edge = partials.map((p) => {
    const width = levelWidth(p.level, size) % TILE_WIDTH;
    if (width === 0) return new Uint8Array(0);
    const tile = tiles.get(tileKey(p.level, p.index));
    if (!tile || tile.width !== width) {
      throw new VerificationError('tile_missing', `log ${log.name} lacks tile ${p.level}/${p.index} of width ${width} for size ${size}`);
    }
    return tileBottom(tile.nodes, width);
  });
  return new TileBuilder(hasher, size, edge);
}
