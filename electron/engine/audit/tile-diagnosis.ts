import { toHex } from '../../../shared/encoding/index.js';
import { HASH_SIZE, TILE_HEIGHT, TILE_WIDTH, fullTileRoot, tileNode, tileNodesLength, type Hash, type MerkleHasher } from '../../../shared/merkle/index.js';
import type { AuditFindings } from './audit-report.js';

/** A stored tile and the same tile recomputed from the entries. */
export interface TilePair {
  readonly level: number;
  readonly index: number;
  readonly width: number;
  readonly stored: Uint8Array;
  readonly recomputed: Uint8Array;
}

/**
 * Roots of stored full tiles that differ from the recomputed ones, keyed `level/index`: the parent
 * tile stores that root, so a parent node equal to it only follows the damage below.
 */
export type DamagedTileRoots = Map<string, Hash>;

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

function tileName(level: number, index: number, width: number): string {
  return `tile ${level}/${index}${width === TILE_WIDTH ? '' : ` (width ${width})`}`;
}

/**
 * Names the nodes of a stored tile that differ from the recomputed tile, reporting only where damage
 * starts: a stored node equal to the hash of its stored children (or, in row 0 above level 0, to
 * the stored root of a damaged child tile) merely follows a change below and is not reported. At
 * level 0 it tells an altered entry (the stored tree still follows the old leaf) from an altered
 * tile hash (the stored parent still follows the entry). Requires stored.length to be right.
 */
export function diagnoseTile(pair: TilePair, damagedRoots: DamagedTileRoots, hasher: MerkleHasher, findings: AuditFindings): void {
  const { level, index, width, stored, recomputed } = pair;
  const where = (row: number, position: number) => ({ table: 'tiles', level, tileIndex: index, width, row, position });
  for (let row = 0; row < TILE_HEIGHT; row++) {
    const count = Math.floor(width / 2 ** row);
    for (let position = 0; position < count; position++) {
      const s = tileNode(stored, width, row, position)!;
      const r = tileNode(recomputed, width, row, position)!;
      if (same(s, r)) continue;
      if (row > 0) {
        const followsChildren = same(s, hasher.hashChildren(tileNode(stored, width, row - 1, 2 * position)!, tileNode(stored, width, row - 1, 2 * position + 1)!));
        if (!followsChildren) {
          findings.problem('tile_node_altered', null, `${tileName(level, index, width)} stores ${toHex(s)} at row ${row}, position ${position}, which is not the hash of its stored children (the entries give ${toHex(r)})`, where(row, position));
        }
        continue;
      }
      if (level > 0) {
        const childRoot = damagedRoots.get(`${level - 1}/${index * TILE_WIDTH + position}`);
        if (!childRoot || !same(s, childRoot)) {
          findings.problem('tile_node_altered', null, `${tileName(level, index, width)} stores ${toHex(s)} at position ${position}, but tile ${level - 1}/${index * TILE_WIDTH + position} below it hashes to ${toHex(r)}`, where(row, position));
        }
        continue;
      }
      reportLeaf(pair, position, hasher, findings);
    }
  }
  if (width === TILE_WIDTH) damagedRoots.set(`${level}/${index}`, fullTileRoot(stored, hasher));
}

function reportLeaf(pair: TilePair, position: number, hasher: MerkleHasher, findings: AuditFindings): void {
  const { index, width, stored, recomputed } = pair;
  const entry = index * TILE_WIDTH + position;
  const s = tileNode(stored, width, 0, position)!;
  const r = tileNode(recomputed, width, 0, position)!;
  const parent = Math.floor(position / 2);
  const storedParent = tileNode(stored, width, 1, parent);
  const where = { table: 'tiles', level: 0, tileIndex: index, width, row: 0, position };
  if (storedParent && same(storedParent, tileNode(recomputed, width, 1, parent)!)) {
    findings.problem('tile_node_altered', entry, `tile 0/${index} stores leaf hash ${toHex(s)} for entry ${entry}, which hashes to ${toHex(r)}; the tile's own parent node follows the entry, so the tile hash was altered`, where);
    return;
  }
  const siblings = [tileNode(stored, width, 0, 2 * parent)!, tileNode(stored, width, 0, 2 * parent + 1)];
  if (storedParent && siblings[1] && same(storedParent, hasher.hashChildren(siblings[0]!, siblings[1]))) {
    findings.problem('entry_altered', entry, `entry ${entry} hashes to ${toHex(r)}, but the stored tree was built on leaf hash ${toHex(s)}: the entry's bytes changed after it was logged`, { table: 'entry_bundles', bundle: index, position });
    return;
  }
  findings.problem('leaf_hash_mismatch', entry, `entry ${entry} hashes to ${toHex(r)}, but tile 0/${index} stores ${toHex(s)}: the entry or the tile hash was altered`, where);
}

/** Returns true when a stored tile row has the byte length a tile of `width` hashes needs. */
export function hasTileLength(nodes: Uint8Array, width: number): boolean {
  return nodes.length === tileNodesLength(width) && nodes.length % HASH_SIZE === 0;
}
