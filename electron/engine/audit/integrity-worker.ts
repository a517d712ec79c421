/**
 * Worker thread body: runs SQLite's integrity check on its own read-only connection and posts the
 * result, so the check (one full pass over the file) overlaps the tree check on the other core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Store, openDatabase } from '../store/index.js';
import type { IntegrityResult } from './integrity-check.js';

const { dataDir } = workerData as { dataDir: string };
let result: IntegrityResult;
try {
  const db = openDatabase(dataDir, { readonly: true });
  try {
    result = { lines: new Store(db).integrityCheck() };
  } finally {
    db.close();
  }
} catch (error) {
  result = { error: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
}
parentPort!.postMessage(result);
