import { InputError, VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import { HASH_SIZE, TILE_WIDTH, entryBundlePath, parseEntryBundle, tilePath, type TileId } from '../../../shared/merkle/index.js';
import { fetchBytes, type FetchLimits } from './fetch-bytes.js';

/** The largest signed checkpoint or tree note we read (C2SP notes are a few hundred bytes). */
const MAX_CHECKPOINT_BYTES = 1 << 20;

/**
 * A tiled log as a client sees it: its signed checkpoint, hash tiles and entries. Nothing it
 * returns is trusted yet; sync authenticates it against the signed root.
 */
export interface TileSource {
  readonly url: string;
  /** The signed checkpoint note (C2SP tlog-checkpoint; the Go checksum database's tree note). */
  checkpoint(): Promise<string>;
  /** The bottom row of hash tile (level, index): exactly `width` hashes, 32 bytes each. */
  hashTile(tile: TileId): Promise<Uint8Array>;
  /** The `width` entries of bundle `index` (C2SP entry bundle; sumdb data tile records). */
  entries(index: number, width: number): Promise<Uint8Array[]>;
}

export type TileLayout = 'c2sp' | 'sumdb';

/** Returns the source for a C2SP tlog-tiles log (also Rekor v2) or a Go checksum database at `url` (http(s) or file). */
export function createTileSource(layout: TileLayout, url: string, limits: Partial<FetchLimits> = {}): TileSource {
  const base = url.replace(/\/+$/, '');
  const get = async (path: string, maxBytes?: number) => (await fetchBytes(`${base}/${path}`, { ...limits, ...(maxBytes ? { maxBytes } : {}) })).body;
  const hashPath = (tile: TileId) => (layout === 'c2sp' ? tilePath(tile) : `tile/8/${tilePath(tile).slice('tile/'.length)}`);
  const dataPath = (index: number, width: number) => (layout === 'c2sp' ? entryBundlePath(index, width) : `tile/8/data/${entryBundlePath(index, width).slice('tile/entries/'.length)}`);
  return {
    url: base,
    async checkpoint() {
      return new TextDecoder('utf-8', { fatal: true }).decode(await get(layout === 'c2sp' ? 'checkpoint' : 'latest', MAX_CHECKPOINT_BYTES));
    },
    async hashTile(tile) {
      const bytes = await withFullTileFallback(tile.width, (width) => get(hashPath({ ...tile, width }), width * HASH_SIZE));
      const wanted = tile.width * HASH_SIZE;
      // A full tile standing in for a missing partial one holds more: its first `width` hashes are ours.
      if (bytes.length !== wanted && !(bytes.length === TILE_WIDTH * HASH_SIZE && tile.width < TILE_WIDTH)) {
        throw new VerificationError('tile_malformed', `${base}/${hashPath(tile)} is ${bytes.length} bytes; a tile of ${tile.width} hashes is ${wanted}`, { tile: hashPath(tile), bytes: bytes.length });
      }
      return bytes.subarray(0, wanted);
    },
    async entries(index, width) {
      const path = dataPath(index, width);
      // 256 entries of at most 64 KiB each bound a bundle; sumdb records are far smaller.
      const bytes = await withFullTileFallback(width, (w) => get(dataPath(index, w), TILE_WIDTH * (MAX_ENTRY_FETCH + 2)));
      try {
        const parsed = layout === 'c2sp' ? parseEntryBundle(bytes) : parseSumdbDataTile(bytes, index);
        if (parsed.length !== width && !(parsed.length === TILE_WIDTH && width < TILE_WIDTH)) {
          throw new InputError('entry_bundle_malformed', `it holds ${parsed.length} entries, expected ${width}`);
        }
        return parsed.slice(0, width);
      } catch (error) {
        throw new VerificationError('entry_bundle_malformed', `${base}/${path}: ${isWorkbenchError(error) ? error.message : String(error)}`, { path }, { cause: error });
      }
    },
  };
}

const MAX_ENTRY_FETCH = 0xffff;

/** tlog-tiles lets a log delete a partial tile once the full one exists: fall back to the full tile on 404. */
async function withFullTileFallback(width: number, fetchWidth: (width: number) => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await fetchWidth(width);
  } catch (error) {
    if (width < TILE_WIDTH && isWorkbenchError(error) && error.code === 'remote_not_found') return fetchWidth(TILE_WIDTH);
    throw error;
  }
}

/**
 * Returns the record texts of a Go checksum-database data tile. sum.golang.org serves the records
 * joined by one blank line without ids (each text ends in "\n"; clients such as trillian-examples'
 * sumdbaudit split on "\n\n"); x/mod's own server writes `tlog.FormatRecord`: "<id>\n<text>\n" each.
 * Both are accepted; an x/mod record id must be its index.
 */
export function parseSumdbDataTile(data: Uint8Array, tileIndex: number): Uint8Array[] {
  const NL = 0x0a;
  // Records are the pieces between blank lines; each keeps its own final "\n" (a view, no copy).
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i + 1 < data.length; i++) {
    if (data[i] === NL && data[i + 1] === NL) {
      pieces.push(data.subarray(start, i + 1));
      start = i + 2;
      i++;
    }
  }
  const xmod = /^\d+\n/.test(new TextDecoder().decode(data.subarray(0, 24)));
  if (xmod) {
    if (start !== data.length) throw new InputError('data_tile_malformed', 'an x/mod data tile must end with a blank line');
    return pieces.map((piece, i) => {
      const newline = piece.indexOf(NL);
      const id = new TextDecoder().decode(piece.subarray(0, newline));
      if (Number(id) !== tileIndex * TILE_WIDTH + i) throw new InputError('data_tile_malformed', `record ${i} has id ${id}, expected ${tileIndex * TILE_WIDTH + i}`);
      return piece.subarray(newline + 1);
    });
  }
  if (start >= data.length || data[data.length - 1] !== NL) throw new InputError('data_tile_malformed', 'a data tile must end with exactly one newline');
  pieces.push(data.subarray(start));
  return pieces;
}
