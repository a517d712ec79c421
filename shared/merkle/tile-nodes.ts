import { HASH_SIZE, type Hash, type MerkleHasher } from './hasher.js';
import { TILE_HEIGHT, TILE_WIDTH } from './tiles.js';

/**
 * A tile with its interior: rows 0..7 concatenated, row r holding the ⌊W/2^r⌋ complete nodes r
 * levels above the tile's stored level. Keeping the interior (≈ 2× the bytes) lets a proof read
 * any node of a tile directly instead of rehashing up to 255 nodes per tile.
 */

/** Row offsets of a full tile (every tile but the right edge's): proofs look them up per node. */
const FULL_TILE_ROW_OFFSETS = Array.from({ length: TILE_HEIGHT + 1 }, (_, row) => {
  let offset = 0;
  for (let r = 0; r < row; r++) offset += TILE_WIDTH >> r;
  return offset * HASH_SIZE;
});

/** Returns the byte offset of row `row` in a tile-with-interior of `width` hashes. */
export function tileRowOffset(width: number, row: number): number {
  if (width === TILE_WIDTH) return FULL_TILE_ROW_OFFSETS[row]!;
  let offset = 0;
  for (let r = 0; r < row; r++) offset += Math.floor(width / 2 ** r);
  return offset * HASH_SIZE;
}

/** Returns the byte length of a tile-with-interior of `width` hashes. */
export function tileNodesLength(width: number): number {
  return tileRowOffset(width, TILE_HEIGHT);
}

/** Returns the tile-with-interior for the given bottom row (W concatenated 32-byte hashes). */
export function buildTileNodes(bottom: Uint8Array, hasher: MerkleHasher): Uint8Array {
  const width = bottom.length / HASH_SIZE;
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new Error(`bug: tile bottom of ${bottom.length} bytes`);
  const out = new Uint8Array(tileNodesLength(width));
  out.set(bottom, 0);
  let readOffset = 0;
  let writeOffset = bottom.length;
  let rowWidth = width;
  for (let row = 1; row < TILE_HEIGHT; row++) {
    const next = Math.floor(rowWidth / 2);
    if (next > 0) out.set(hasher.hashPairs(out.subarray(readOffset, readOffset + 2 * next * HASH_SIZE), next), writeOffset);
    readOffset += rowWidth * HASH_SIZE;
    writeOffset += next * HASH_SIZE;
    rowWidth = next;
  }
  return out;
}

/** Returns the hash at (row, position) of a tile-with-interior, or undefined if the tile lacks it. */
export function tileNode(nodes: Uint8Array, width: number, row: number, position: number): Hash | undefined {
  if (position >= width >> row) return undefined;
  const offset = tileRowOffset(width, row) + position * HASH_SIZE;
  return nodes.subarray(offset, offset + HASH_SIZE);
}

/** Returns the root of a full tile (its node one level above row 7), the hash its parent tile stores. */
export function fullTileRoot(nodes: Uint8Array, hasher: MerkleHasher): Hash {
  const top = tileRowOffset(TILE_WIDTH, TILE_HEIGHT - 1);
  return hasher.hashChildren(nodes.subarray(top, top + HASH_SIZE), nodes.subarray(top + HASH_SIZE, top + 2 * HASH_SIZE));
}

/** Returns a tile's bottom row (what C2SP tlog-tiles serves) from a tile-with-interior. */
export function tileBottom(nodes: Uint8Array, width: number): Uint8Array {
  return nodes.subarray(0, width * HASH_SIZE);
}
