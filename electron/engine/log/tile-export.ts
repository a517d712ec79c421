import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NotFoundError } from '../../../shared/api/index.js';
import { entryBundlePath, tileBottom, tilePath } from '../../../shared/merkle/index.js';
import type { Store } from '../store/index.js';

export interface TileExportResult {
  readonly treeSize: number;
  readonly tiles: number;
  readonly entryBundles: number;
}

function writeFileIn(dir: string, relative: string, bytes: Uint8Array | string): void {
  const file = path.join(dir, ...relative.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

/**
 * Writes a log as a C2SP tlog-tiles directory: `checkpoint`, every hash tile of the current size
 * (full and partial) and every entry bundle, from one read snapshot so all files agree.
 */
export function exportTiles(store: Store, logName: string, dir: string): TileExportResult {
  return store.db.transaction(() => {
    const log = store.logByName(logName);
    if (!log) throw new NotFoundError('log_not_found', `no log named ${logName}`);
    const checkpoint = store.latestCheckpoint(log.id);
    if (!checkpoint || checkpoint.treeSize !== log.treeSize) {
      throw new NotFoundError('checkpoint_not_found', `log ${logName} has no checkpoint for its size ${log.treeSize}`);
    }
    let tiles = 0;
    for (const tile of store.iterateTiles(log.id)) {
      writeFileIn(dir, tilePath({ level: tile.level, index: tile.index, width: tile.width }), tileBottom(tile.nodes, tile.width));
      tiles++;
    }
    let entryBundles = 0;
    for (const bundle of store.iterateEntryBundles(log.id, log.treeSize)) {
      writeFileIn(dir, entryBundlePath(bundle.index, bundle.width), bundle.bundle);
      entryBundles++;
    }
    // The checkpoint goes last: a reader that sees it finds every tile it names.
    writeFileIn(dir, 'checkpoint', checkpoint.note);
    return { treeSize: log.treeSize, tiles, entryBundles };
  })();
}
