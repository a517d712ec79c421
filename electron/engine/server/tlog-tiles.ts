/**
 * C2SP tlog-tiles read endpoints (the read API of Rekor v2): `/checkpoint`, hash tiles
 * `/tile/<L>/<N>[.p/<W>]` and entry bundles `/tile/entries/<N>[.p/<W>]`. Full tiles never change and
 * are cached for a year; the checkpoint and partial tiles are not cached. A tile beyond the tree is
 * 404; a partial tile of a width the tree has passed is served as the prefix it was.
 */

import { TILE_WIDTH, formatEntryBundle, levelWidth, parseTilePath, tileBottom, tileKey } from '../../../shared/merkle/index.js';
import { plainNotFound as notFound, type HttpAnswer } from './http-exchange.js';
import type { ServeContext } from './serve-context.js';
import type { ServeRequest } from './serve-request.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
const TILE_TYPE = 'application/octet-stream';

/** GET /checkpoint: the latest signed checkpoint (C2SP tlog-checkpoint). */
export function getCheckpoint(_req: ServeRequest, ctx: ServeContext): HttpAnswer {
  return { status: 200, contentType: 'text/plain; charset=utf-8', body: ctx.entries.log.latestCheckpoint(), headers: { 'Cache-Control': NO_CACHE } };
}

/** Returns true when tile `index` of a level holding `count` hashes (or entries) has at least `width` of them. */
function available(count: number, index: number, width: number): boolean {
  return count - index * TILE_WIDTH >= width;
}

/** GET /tile/…: a hash tile or an entry bundle of the current tree. */
export function getTile(req: ServeRequest, ctx: ServeContext): HttpAnswer {
  const tile = parseTilePath(req.path.slice(1));
  if (!tile) throw notFound(req.path);
  const { store } = ctx.workbench;
  const record = ctx.entries.log.record();
  let body: Uint8Array;
  if (tile.kind === 'entries') {
    if (!available(record.treeSize, tile.index, tile.width)) throw notFound(req.path);
    const first = tile.index * TILE_WIDTH;
    // Re-encoded from the stored bundle: the same bytes, cut to the width asked for.
    body = formatEntryBundle(store.entryBodies(record.id, first, first + tile.width));
  } else {
    const { level, index, width } = tile.tile;
    if (!available(levelWidth(level, record.treeSize), index, width)) throw notFound(req.path);
    const stored = store.readTiles(record.id, [{ level, index }]).get(tileKey(level, index));
    if (!stored || stored.width < width) throw new Error(`bug: tile ${level}/${index} of width ${width} is within size ${record.treeSize} but not stored`);
    body = tileBottom(stored.nodes, width);
  }
  return { status: 200, contentType: TILE_TYPE, body, headers: { 'Cache-Control': (tile.kind === 'entries' ? tile.width : tile.tile.width) === TILE_WIDTH ? IMMUTABLE : NO_CACHE } };
}
