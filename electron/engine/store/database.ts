import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runMigrations } from './migrations.js';

export type Db = Database.Database;

/** The workbench database's file name inside the data directory. */
export const DATABASE_FILE = 'workbench.db';

export interface OpenDatabaseOptions {
  readonly readonly?: boolean;
}

/**
 * Returns the workbench database in `dataDir`, created (mode 0700 folder) and migrated as needed.
 * WAL with synchronous=FULL: a commit is on disk when it returns, so an acknowledged append
 * survives a crash or power loss, and readers never block the writer.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  if (!options.readonly) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  }
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    chmodSync(file, 0o600);
    runMigrations(db);
  }
  return db;
}
