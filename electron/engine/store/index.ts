export { openDatabase, DATABASE_FILE } from './database.js';
export type { Db, OpenDatabaseOptions } from './database.js';
export { runMigrations, SCHEMA_VERSION } from './migrations.js';
export { Store, leafHashPrefix } from './store.js';
export type { LogRecord, LogRole, NewEntry, StoredEntry, CheckpointRecord, CheckpointSource, IndexKeyFilter, IndexMatch } from './store.js';
export { KeyStore } from './key-store.js';
export type { KeyRecord } from './key-store.js';
export { MirrorStore } from './mirror-store.js';
export type { ForkRecord } from './mirror-store.js';
