import { VerificationError } from '../../../shared/api/index.js';
import { bytesEqual, toBase64 } from '../../../shared/encoding/index.js';
import {
  TILE_WIDTH,
  buildTileNodes,
  coveringNodes,
  createTileHashReader,
  fullTileRoot,
  levelWidth,
  tileKey,
  tileNode,
  tilePath,
  tilesHoldingNodes,
  treeRoot,
  type Hash,
  type HashReader,
  type MerkleHasher,
  type NodeId,
  type StoredTile,
  type TileId,
} from '../../../shared/merkle/index.js';
import type { TileSource } from '../remote/tile-source.js';
import { mapBounded } from './map-bounded.js';

/**
 * A remote tiled log's tree of one signed size, read tile by tile and trusted only after
 * authentication, as Go's sumdb client does: the right-edge tiles must hash to the signed root,
 * and every full tile's root must equal its entry in the (already authenticated) parent tile.
 * Only authenticated tiles are ever read, so every hash it answers is bound to the signed root.
 */
export class RemoteTree {
  private readonly tiles = new Map<string, StoredTile>();
  private readonly reader: HashReader;

  constructor(
    private readonly source: TileSource,
    readonly size: number,
    readonly root: Hash,
    private readonly hasher: MerkleHasher,
    private readonly parallel = 8,
  ) {
    this.reader = readerOver(this.tiles);
  }

  /** Downloads and authenticates the tiles holding `nodes` (and their ancestors); returns the nodes' hashes. */
  async readHashes(nodes: readonly NodeId[]): Promise<readonly Hash[]> {
    await this.ensureTiles(tilesHoldingNodes(nodes));
    return this.reader.readHashes(nodes);
  }

  /** Returns the root of the first `size` leaves according to this (authenticated) tree. */
  async rootAt(size: number): Promise<Hash> {
    if (size === this.size) return this.root;
    await this.ensureTiles(tilesHoldingNodes(coveringNodes(0, size)));
    return treeRoot(size, this.reader, this.hasher);
  }

  /**
   * Returns the authenticated hash of complete subtree (level, index) — for a full entry bundle k,
   * level 8 index k — downloading what authenticates it.
   */
  async nodeHash(level: number, index: number): Promise<Hash> {
    return (await this.readHashes([{ level, index }]))[0]!;
  }

  private async ensureTiles(wanted: ReadonlyArray<{ level: number; index: number }>): Promise<void> {
    const needed = new Map<string, TileId>();
    // The right edge authenticates against the root, so it is always part of the set.
    for (const t of [...tilesHoldingNodes(coveringNodes(0, this.size)), ...wanted]) {
      for (let level = t.level, index = t.index; levelWidth(level, this.size) > index * TILE_WIDTH; level++, index = Math.floor(index / TILE_WIDTH)) {
        const width = Math.min(TILE_WIDTH, levelWidth(level, this.size) - index * TILE_WIDTH);
        const key = tileKey(level, index);
        if (!this.tiles.has(key)) needed.set(key, { level, index, width });
      }
    }
    if (needed.size === 0) return;
    const fetched = await mapBounded([...needed.values()], this.parallel, async (tile) => ({ tile, nodes: buildTileNodes(await this.source.hashTile(tile), this.hasher) }));
    this.authenticate(fetched);
  }

  /** Adds tiles after checking them: right-edge ones against the signed root, full ones against their parents, top down. */
  private authenticate(fetched: ReadonlyArray<{ tile: TileId; nodes: Uint8Array }>): void {
    const candidate = new Map(this.tiles);
    for (const { tile, nodes } of fetched) candidate.set(tileKey(tile.level, tile.index), { width: tile.width, nodes });
    const edgeReader = readerOver(candidate);
    const root = treeRoot(this.size, edgeReader, this.hasher);
    if (!bytesEqual(root, this.root)) {
      throw new VerificationError('tile_invalid', `the log's right-edge hash tiles give root ${toBase64(root)}, but its signed checkpoint says ${toBase64(this.root)} for size ${this.size}`, { size: this.size });
    }
    const byLevelDown = [...fetched].sort((a, b) => b.tile.level - a.tile.level);
    for (const { tile, nodes } of byLevelDown) {
      if (tile.width !== TILE_WIDTH || levelWidth(tile.level + 1, this.size) === 0) continue;
      const parent = candidate.get(tileKey(tile.level + 1, Math.floor(tile.index / TILE_WIDTH)))!;
      const expected = tileNode(parent.nodes, parent.width, 0, tile.index % TILE_WIDTH);
      if (!expected || !bytesEqual(fullTileRoot(nodes, this.hasher), expected)) {
        throw new VerificationError('tile_invalid', `hash tile ${tilePath(tile)} does not match its parent tile: the log served a tile outside its signed tree`, { tile: tilePath(tile) });
      }
    }
    for (const { tile, nodes } of fetched) this.tiles.set(tileKey(tile.level, tile.index), { width: tile.width, nodes });
  }
}

/** A HashReader over tiles held in memory (keyed as tileKey). */
function readerOver(tiles: ReadonlyMap<string, StoredTile>): HashReader {
  return createTileHashReader(() => tiles);
}
