import { statSync } from 'node:fs';
import path from 'node:path';

/** Returns the bytes a workbench database takes on disk: the main file plus its write-ahead log. */
export function databaseBytes(dir) {
  let bytes = 0;
  for (const name of ['workbench.db', 'workbench.db-wal']) {
    try {
      bytes += statSync(path.join(dir, name)).size;
    } catch {}
  }
  return bytes;
}
