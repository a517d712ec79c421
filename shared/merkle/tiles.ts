/**
 * C2SP tlog-tiles geometry (https://c2sp.org/tlog-tiles): tile height 8, so a tile holds up to 256
 * hashes of one tree level 8·L; partial tiles `.p/W` hold the W hashes a tree size has so far.
 */

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A hash tile (level ≥ 0) or entry bundle; width 1..256, 256 = full. */
export interface TileId {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** Returns N written as 3-digit groups with an `x` prefix on all but the last (`x001/x234/067`). */
export function formatTileIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`bug: tile index ${index}`);
  let text = String(index % 1000).padStart(3, '0');
  let rest = Math.floor(index / 1000);
  while (rest > 0) {
    text = `x${String(rest % 1000).padStart(3, '0')}/${text}`;
    rest = Math.floor(rest / 1000);
  }
  return text;
}

function widthSuffix(width: number): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new Error(`bug: tile width ${width}`);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** Returns `tile/<L>/<N>[.p/<W>]`. */
export function tilePath(tile: TileId): string {
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${widthSuffix(tile.width)}`;
}

/** Returns `tile/entries/<N>[.p/<W>]`. */
export function entryBundlePath(index: number, width: number): string {
  return `tile/entries/${formatTileIndex(index)}${widthSuffix(width)}`;
}

export type ParsedTilePath = { readonly kind: 'hash'; readonly tile: TileId } | { readonly kind: 'entries'; readonly index: number; readonly width: number };

/** Returns the tile named by a path such as `tile/0/x001/234.p/5` or `tile/entries/000`, or undefined when it is not canonical. */
export function parseTilePath(path: string): ParsedTilePath | undefined {
  const match = /^tile\/(entries|0|[1-9][0-9]{0,1})\/((?:x[0-9]{3}\/)*)([0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!match) return undefined;
  const groups = [...match[2]!.split('/').filter((g) => g !== '').map((g) => g.slice(1)), match[3]!];
  if (groups.length > 1 && groups[0] === '000') return undefined; // leading zero group: not canonical
  if (groups.length > 6) return undefined;
  const index = groups.reduce((n, g) => n * 1000 + Number(g), 0);
  const width = match[4] === undefined ? TILE_WIDTH : Number(match[4]);
  if (match[4] !== undefined && width >= TILE_WIDTH) return undefined;
  if (match[1] === 'entries') return { kind: 'entries', index, width };
  const level = Number(match[1]);
  if (level > 63) return undefined;
  return { kind: 'hash', tile: { level, index, width } };
}

/** Returns how many hashes tree level 8·level has in a tree of `size`: ⌊size / 256^level⌋. */
export function levelWidth(level: number, size: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/**
 * Returns every hash tile of a tree of `size`, level by level, full tiles then the partial one
 * (width ⌊size/256^L⌋ mod 256) — the tiles a client needs to hold the whole tree.
 */
export function tilesForSize(size: number): TileId[] {
  const tiles: TileId[] = [];
  for (let level = 0; levelWidth(level, size) > 0; level++) {
    tiles.push(...tilesOfLevel(level, levelWidth(level, size)));
  }
  return tiles;
}

/** Returns the entry bundles of a tree of `size`: the full ones and the partial one. */
export function entryBundlesForSize(size: number): TileId[] {
  return tilesOfLevel(-1, size).map((t) => ({ ...t, level: -1 }));
}

function tilesOfLevel(level: number, count: number): TileId[] {
  const tiles: TileId[] = [];
  const full = Math.floor(count / TILE_WIDTH);
  for (let index = 0; index < full; index++) tiles.push({ level, index, width: TILE_WIDTH });
  if (count % TILE_WIDTH > 0) tiles.push({ level, index: full, width: count % TILE_WIDTH });
  return tiles;
}

/** Where a complete subtree's hash lives: in hash tile (tileLevel, tileIndex), row `row` (0 = the tile's stored level), at `position`. */
export interface NodeTileAddress {
  readonly tileLevel: number;
  readonly tileIndex: number;
  readonly row: number;
  readonly position: number;
}

/** Returns where node (level, index) is found inside the tile that holds its subtree (rows 0..7). */
export function nodeTileAddress(level: number, index: number): NodeTileAddress {
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const row = level - tileLevel * TILE_HEIGHT;
  const perTile = 2 ** (TILE_HEIGHT - row);
  return { tileLevel, tileIndex: Math.floor(index / perTile), row, position: index % perTile };
}
