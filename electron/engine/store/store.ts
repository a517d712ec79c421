import type { StoredTile, TileWrite } from '../../../shared/merkle/index.js';
import { TILE_WIDTH, formatEntryBundle, parseEntryBundle, tileKey } from '../../../shared/merkle/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { IndexSearch, type IndexKeyFilter, type IndexMatch, type IndexSearchOptions } from './index-search.js';
import { LruMap } from './lru-map.js';
import { runMigrations } from './migrations.js';

export type { IndexKeyFilter, IndexMatch, IndexSearchOptions } from './index-search.js';

/** Full tiles kept in memory: 4 096 × ~16 KiB (a tile with its interior rows) ≈ 64 MiB at most — every level-0 tile of a 1 M-entry log, so search can name its matches without SQLite. */
const FULL_TILE_CACHE_SIZE = 4096;

/** Leaf hashes are looked up by their first 6 bytes, a safe integer. */
const PREFIX_BYTES = 6;

export type LogRole = 'local' | 'mirror';
export type CheckpointSource = 'issued' | 'fetched' | 'cosigned' | 'evidence';

export interface LogRecord {
  readonly id: number;
  readonly name: string;
  readonly role: LogRole;
  readonly origin: string;
  readonly remoteType: string | null;
  readonly url: string | null;
  readonly verifierKeys: readonly string[];
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly createdAt: number;
}

export interface NewEntry {
  readonly body: Uint8Array;
  readonly kind?: string | undefined;
  readonly apiVersion?: string | undefined;
  readonly integratedTime?: number | undefined;
  /** Search keys (typed entries), stored with the entry in the same transaction. */
  readonly indexKeys?: ReadonlyArray<{ readonly type: string; readonly value: string }> | undefined;
  readonly attachment?: Uint8Array | undefined;
}

export interface StoredEntry {
  readonly index: number;
  readonly body: Uint8Array;
  readonly kind: string | null;
  readonly apiVersion: string | null;
  readonly integratedTime: number | null;
  readonly attachment: Uint8Array | null;
  /** The SET the local log signed when it integrated this typed entry (null: a mirror's entry, or one integrated before SETs were kept). */
  readonly signedEntryTimestamp: Uint8Array | null;
}

export interface CheckpointRecord {
  readonly id: number;
  readonly logId: number;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly note: string;
  readonly source: CheckpointSource;
  readonly createdAt: number;
}

/** A typed entry's row of entry_meta. */
export interface EntryMeta {
  readonly index: number;
  readonly kind: string;
  readonly apiVersion: string;
  readonly integratedTime: number | null;
  readonly attachment: Uint8Array | null;
  readonly signedEntryTimestamp: Uint8Array | null;
}

/** Returns true when `table` has a column named `column`. */
function hasColumn(db: Db, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').pluck().get(table, column) !== undefined;
}

/** Returns entry `index` as stored: its body, with the metadata of a typed entry (`meta`) or none. */
export function storedEntry(index: number, body: Uint8Array, meta: EntryMeta | undefined): StoredEntry {
  return {
    index,
    body,
    kind: meta?.kind ?? null,
    apiVersion: meta?.apiVersion ?? null,
    integratedTime: meta?.integratedTime ?? null,
    attachment: meta?.attachment ?? null,
    signedEntryTimestamp: meta?.signedEntryTimestamp ?? null,
  };
}

interface MetaRow {
  idx: number;
  kind: string;
  api_version: string;
  integrated_time: number | null;
  attachment: Buffer | null;
  set_signature: Buffer | null;
}

interface LogRow {
  id: number;
  name: string;
  role: LogRole;
  origin: string;
  remote_type: string | null;
  url: string | null;
  verifier_keys: string;
  tree_size: number;
  root_hash: Buffer;
  created_at: number;
}

interface CheckpointRow {
  id: number;
  log_id: number;
  tree_size: number;
  root_hash: Buffer;
  note: string;
  source: CheckpointSource;
  created_at: number;
}

function rowToLog(row: LogRow): LogRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    origin: row.origin,
    remoteType: row.remote_type,
    url: row.url,
    verifierKeys: JSON.parse(row.verifier_keys) as string[],
    treeSize: row.tree_size,
    rootHash: new Uint8Array(row.root_hash),
    createdAt: row.created_at,
  };
}

function rowToCheckpoint(row: CheckpointRow): CheckpointRecord {
  return {
    id: row.id,
    logId: row.log_id,
    treeSize: row.tree_size,
    rootHash: new Uint8Array(row.root_hash),
    note: row.note,
    source: row.source,
    createdAt: row.created_at,
  };
}

/** Returns the lookup prefix of a leaf hash: its first 6 bytes as an integer. */
export function leafHashPrefix(leafHash: Uint8Array): number {
  let value = 0;
  for (let i = 0; i < PREFIX_BYTES; i++) value = value * 256 + leafHash[i]!;
  return value;
}

/**
 * All SQL of the workbench's logs: statements are prepared once, rows become domain types here.
 * Methods do not open transactions; callers group writes with `transaction()`.
 */
export class Store {
  private readonly s;
  /** Recently read full tiles (immutable), so proofs skip SQLite for the top of the tree. */
  private readonly fullTiles = new LruMap<string, StoredTile>(FULL_TILE_CACHE_SIZE);

  private readonly indexSearch: IndexSearch;

  constructor(readonly db: Db) {
    this.indexSearch = new IndexSearch(db);
    this.s = {
      insertLog: db.prepare(
        `INSERT INTO logs (name, role, origin, remote_type, url, verifier_keys, tree_size, root_hash, created_at)
         VALUES (@name, @role, @origin, @remoteType, @url, @verifierKeys, 0, @rootHash, @createdAt)`,
      ),
      logByName: db.prepare<[string], LogRow>('SELECT * FROM logs WHERE name = ?'),
      logById: db.prepare<[number], LogRow>('SELECT * FROM logs WHERE id = ?'),
      allLogs: db.prepare<[], LogRow>('SELECT * FROM logs ORDER BY id'),
      setTreeHead: db.prepare('UPDATE logs SET tree_size = ?, root_hash = ? WHERE id = ?'),
      upsertBundle: db.prepare(
        `INSERT INTO entry_bundles (log_id, idx, width, bundle) VALUES (?, ?, ?, ?)
         ON CONFLICT (log_id, idx) DO UPDATE SET width = excluded.width, bundle = excluded.bundle`,
      ),
      bundleAt: db.prepare<[number, number], { width: number; bundle: Buffer }>('SELECT width, bundle FROM entry_bundles WHERE log_id = ? AND idx = ?'),
      bundlesInRange: db.prepare<[number, number, number], { idx: number; width: number; bundle: Buffer }>(
        'SELECT idx, width, bundle FROM entry_bundles WHERE log_id = ? AND idx >= ? AND idx < ? ORDER BY idx',
      ),
      insertIndexKey: db.prepare('INSERT OR IGNORE INTO index_keys (key_type, key, log_id, idx) VALUES (?, ?, ?, ?)'),
      // The key types present, one index seek each (a loose scan: there are a handful).
      indexKeyTypes: db.prepare<[], string>(
        `WITH RECURSIVE t (key_type) AS (SELECT min(key_type) FROM index_keys
           UNION ALL SELECT (SELECT min(key_type) FROM index_keys WHERE key_type > t.key_type) FROM t WHERE t.key_type IS NOT NULL)
         SELECT key_type FROM t WHERE key_type IS NOT NULL`,
      ).pluck(),
      indexKeysOfLogAndType: db.prepare<[string, number], { key: string; idx: number }>('SELECT key, idx FROM index_keys WHERE key_type = ? AND log_id = ? ORDER BY idx, key'),
      metaOfLog: db.prepare<[number], { idx: number; kind: string; api_version: string; integrated_time: number | null }>(
        'SELECT idx, kind, api_version, integrated_time FROM entry_meta WHERE log_id = ? ORDER BY idx',
      ),
      // `+idx`: ordered by the primary key, SQLite walked every entry of the log for the few of one kind (14 ms at 100 000 entries, not 20 µs).
      indexesOfKind: db.prepare<[number, string], number>('SELECT idx FROM entry_meta WHERE log_id = ? AND kind = ? ORDER BY +idx').pluck(),
      // A read-only connection to a file an older release left (the audit's) has no set_signature column.
      metaInRange: db.prepare<[number, number, number], MetaRow>(
        `SELECT idx, kind, api_version, integrated_time, attachment, ${hasColumn(db, 'entry_meta', 'set_signature') ? 'set_signature' : 'NULL AS set_signature'}
         FROM entry_meta WHERE log_id = ? AND idx >= ? AND idx < ? ORDER BY idx`,
      ),
      insertLeafIndex: db.prepare('INSERT INTO leaf_index (log_id, hash_prefix, idx) VALUES (?, ?, ?)'),
      indexesByPrefix: db.prepare<[number, number], number>('SELECT idx FROM leaf_index WHERE log_id = ? AND hash_prefix = ? ORDER BY idx').pluck(),
      upsertTile: db.prepare(
        `INSERT INTO tiles (log_id, level, idx, width, nodes) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (log_id, level, idx) DO UPDATE SET width = excluded.width, nodes = excluded.nodes`,
      ),
      tileByKey: db.prepare<[number, number, number], { width: number; nodes: Buffer }>('SELECT width, nodes FROM tiles WHERE log_id = ? AND level = ? AND idx = ?'),
      tilesOfLog: db.prepare<[number], { level: number; idx: number; width: number; nodes: Buffer }>(
        'SELECT level, idx, width, nodes FROM tiles WHERE log_id = ? ORDER BY level, idx',
      ),
      insertCheckpoint: db.prepare(
        `INSERT INTO checkpoints (log_id, tree_size, root_hash, note, source, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (log_id, tree_size, note) DO NOTHING`,
      ),
      latestCheckpoint: db.prepare<[number], CheckpointRow>('SELECT * FROM checkpoints WHERE log_id = ? ORDER BY tree_size DESC, id DESC LIMIT 1'),
      checkpointsOfLog: db.prepare<[number], CheckpointRow>('SELECT * FROM checkpoints WHERE log_id = ? ORDER BY tree_size, id'),
      checkpointAtSize: db.prepare<[number, number], CheckpointRow>('SELECT * FROM checkpoints WHERE log_id = ? AND tree_size = ? ORDER BY id DESC LIMIT 1'),
      setSigner: db.prepare('INSERT INTO log_signers (log_id, skey) VALUES (?, ?)'),
      signer: db.prepare<[number], string>('SELECT skey FROM log_signers WHERE log_id = ?').pluck(),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
  }

  /** Prepared on first write: only a migrated (writable) database has every column it names. */
  private insertMetaStatement?: Statement<unknown[]>;

  private insertMeta(): Statement<unknown[]> {
    return (this.insertMetaStatement ??= this.db.prepare<unknown[]>('INSERT INTO entry_meta (log_id, idx, kind, api_version, integrated_time, attachment, set_signature) VALUES (?, ?, ?, ?, ?, ?, ?)'));
  }

  /** Transactions this Store committed (PRAGMA data_version counts only other connections' commits). */
  private commits = 0;

  /** Runs `body` in one IMMEDIATE transaction (the write lock is taken first, so state read inside is current). */
  transaction<T>(body: () => T): T {
    const result = this.db.transaction(body).immediate();
    this.commits++;
    return result;
  }

  /** Returns how many transactions this Store committed: a stamp of its own writes that costs nothing. */
  ownCommits(): number {
    return this.commits;
  }

  /** Returns PRAGMA data_version: it changes when another connection commits. Costs a read lock (~10 µs). */
  othersCommitStamp(): number {
    return this.s.dataVersion.get()!;
  }

  createLog(input: { name: string; role: LogRole; origin: string; remoteType?: string; url?: string; verifierKeys: readonly string[]; emptyRoot: Uint8Array; createdAt: number }): LogRecord {
    const result = this.s.insertLog.run({
      name: input.name,
      role: input.role,
      origin: input.origin,
      remoteType: input.remoteType ?? null,
      url: input.url ?? null,
      verifierKeys: JSON.stringify(input.verifierKeys),
      rootHash: input.emptyRoot,
      createdAt: input.createdAt,
    });
    return this.logById(Number(result.lastInsertRowid))!;
  }

  logByName(name: string): LogRecord | undefined {
    const row = this.s.logByName.get(name);
    return row && rowToLog(row);
  }

  logById(id: number): LogRecord | undefined {
    const row = this.s.logById.get(id);
    return row && rowToLog(row);
  }

  logs(): LogRecord[] {
    return this.s.allLogs.all().map(rowToLog);
  }

  setTreeHead(logId: number, size: number, rootHash: Uint8Array): void {
    this.s.setTreeHead.run(size, rootHash, logId);
  }

  /**
   * Inserts entries at indexes first, first+1, … (`leafHashes` concatenated, 32 bytes each) into
   * entry bundles, rewriting the partial one. Typed entries (with a kind) also get their metadata and
   * a leaf-hash lookup row, so `get --uuid` finds them; raw entries do not: a random-order index
   * insert costs ~5× the entry itself.
   */
  insertEntries(logId: number, first: number, entries: readonly NewEntry[], leafHashes: Uint8Array, timestamps?: ReadonlyArray<Uint8Array | undefined>): void {
    let bundleIndex = Math.floor(first / TILE_WIDTH);
    const partial = first % TILE_WIDTH === 0 ? undefined : this.s.bundleAt.get(logId, bundleIndex);
    if (first % TILE_WIDTH !== 0 && partial?.width !== first % TILE_WIDTH) {
      throw new Error(`bug: entry bundle ${bundleIndex} of log ${logId} does not hold ${first % TILE_WIDTH} entries`);
    }
    let pending: Uint8Array[] = partial ? parseEntryBundle(new Uint8Array(partial.bundle), partial.width) : [];
    for (const entry of entries) {
      pending.push(entry.body);
      if (pending.length === TILE_WIDTH) {
        this.s.upsertBundle.run(logId, bundleIndex, TILE_WIDTH, formatEntryBundle(pending));
        bundleIndex++;
        pending = [];
      }
    }
    if (pending.length > 0) this.s.upsertBundle.run(logId, bundleIndex, pending.length, formatEntryBundle(pending));
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.kind === undefined) continue;
      this.insertMeta().run(logId, first + i, e.kind, e.apiVersion ?? '', e.integratedTime ?? null, e.attachment ?? null, timestamps?.[i] ?? null);
      this.s.insertLeafIndex.run(logId, leafHashPrefix(leafHashes.subarray(32 * i, 32 * i + 32)), first + i);
      for (const key of e.indexKeys ?? []) this.s.insertIndexKey.run(key.type, key.value, logId, first + i);
    }
  }

  /** See IndexSearch.search: the entries matching every filter (AND), in (log, index) order, at most `limit`. */
  searchIndex(filters: readonly IndexKeyFilter[], options: IndexSearchOptions): IndexMatch[] {
    return this.indexSearch.search(filters, options);
  }

  /** Returns the indexes of a log's entries of one kind, in order. */
  indexesOfKind(logId: number, kind: string): number[] {
    return this.s.indexesOfKind.all(logId, kind);
  }

  /** Returns every stored index key of a log, ordered by key type, then entry (index_keys_by_type's order). */
  indexKeysOfLog(logId: number): Array<{ type: string; value: string; index: number }> {
    return this.s.indexKeyTypes.all().flatMap((type) => this.s.indexKeysOfLogAndType.all(type, logId).map((r) => ({ type, value: r.key, index: r.idx })));
  }

  /** Returns the metadata of every typed entry of a log, ordered by index. */
  typedEntriesOfLog(logId: number): Array<{ index: number; kind: string; apiVersion: string; integratedTime: number | null }> {
    return this.s.metaOfLog.all(logId).map((r) => ({ index: r.idx, kind: r.kind, apiVersion: r.api_version, integratedTime: r.integrated_time }));
  }

  /** Returns the bodies of entries [start, end) that exist, in order (views into the bundles read). */
  entryBodies(logId: number, start: number, end: number): Uint8Array[] {
    const bodies: Uint8Array[] = [];
    if (end <= start) return bodies;
    const rows = this.s.bundlesInRange.all(logId, Math.floor(start / TILE_WIDTH), Math.ceil(end / TILE_WIDTH));
    for (const row of rows) {
      const entries = parseEntryBundle(new Uint8Array(row.bundle.buffer, row.bundle.byteOffset, row.bundle.byteLength), row.width);
      const base = row.idx * TILE_WIDTH;
      for (let i = Math.max(0, start - base); i < entries.length && base + i < end; i++) bodies.push(entries[i]!);
    }
    return bodies;
  }

  /** Returns one stored entry bundle (bytes as stored), or undefined when the log has none at `bundleIndex`. */
  entryBundle(logId: number, bundleIndex: number): { width: number; bundle: Uint8Array } | undefined {
    const row = this.s.bundleAt.get(logId, bundleIndex);
    return row && { width: row.width, bundle: new Uint8Array(row.bundle.buffer, row.bundle.byteOffset, row.bundle.byteLength) };
  }

  /** Returns entries [start, end) that exist, in order, with the metadata of typed ones. */
  entries(logId: number, start: number, end: number): StoredEntry[] {
    const meta = new Map(this.entryMetaInRange(logId, start, end).map((m) => [m.index, m]));
    return this.entryBodies(logId, start, end).map((body, i) => {
      return storedEntry(start + i, body, meta.get(start + i));
    });
  }

  /** Iterates over a log's stored entry bundles in order (exactly the tlog-tiles bundle bytes). */
  *iterateEntryBundles(logId: number, size: number): Generator<{ index: number; width: number; bundle: Uint8Array }> {
    for (const row of this.s.bundlesInRange.iterate(logId, 0, Math.ceil(size / TILE_WIDTH))) {
      yield { index: row.idx, width: row.width, bundle: new Uint8Array(row.bundle.buffer, row.bundle.byteOffset, row.bundle.byteLength) };
    }
  }

  /** Returns the indexes whose leaf hash starts like `leafHash` (candidates; compare the full hash). */
  indexesWithLeafHashPrefix(logId: number, leafHash: Uint8Array): number[] {
    return this.s.indexesByPrefix.all(logId, leafHashPrefix(leafHash));
  }

  writeTiles(logId: number, writes: readonly TileWrite[]): void {
    for (const w of writes) this.s.upsertTile.run(logId, w.level, w.index, w.width, w.nodes);
  }

  /**
   * Returns the stored tiles among those asked for, keyed `level/index`: one primary-key lookup per
   * tile (a proof needs at most ⌈log₂₅₆ n⌉ + 1 tiles). A single json_each join was tried and made
   * SQLite scan the table: 5 ms per proof at 1 M entries.
   */
  readTiles(logId: number, tiles: ReadonlyArray<{ level: number; index: number }>): Map<string, StoredTile> {
    const found = new Map<string, StoredTile>();
    for (const t of tiles) {
      const cacheKey = `${logId}/${t.level}/${t.index}`;
      const cached = this.fullTiles.get(cacheKey);
      if (cached) {
        found.set(tileKey(t.level, t.index), cached);
        continue;
      }
      const row = this.s.tileByKey.get(logId, t.level, t.index);
      if (!row) continue;
      const tile = { width: row.width, nodes: new Uint8Array(row.nodes.buffer, row.nodes.byteOffset, row.nodes.byteLength) };
      found.set(tileKey(t.level, t.index), tile);
      // Full tiles never change once written; outside a transaction they are committed, so caching
      // them cannot keep a tile that a rollback removes.
      if (row.width === TILE_WIDTH && !this.db.inTransaction) this.fullTiles.set(cacheKey, tile);
    }
    return found;
  }

  /** Iterates over every stored tile of a log, level by level. */
  *iterateTiles(logId: number): Generator<{ level: number; index: number; width: number; nodes: Uint8Array }> {
    for (const row of this.s.tilesOfLog.iterate(logId)) {
      yield { level: row.level, index: row.idx, width: row.width, nodes: new Uint8Array(row.nodes.buffer, row.nodes.byteOffset, row.nodes.byteLength) };
    }
  }

  insertCheckpoint(input: { logId: number; treeSize: number; rootHash: Uint8Array; note: string; source: CheckpointSource; createdAt: number }): void {
    this.s.insertCheckpoint.run(input.logId, input.treeSize, input.rootHash, input.note, input.source, input.createdAt);
  }

  latestCheckpoint(logId: number): CheckpointRecord | undefined {
    const row = this.s.latestCheckpoint.get(logId);
    return row && rowToCheckpoint(row);
  }

  checkpointAtSize(logId: number, size: number): CheckpointRecord | undefined {
    const row = this.s.checkpointAtSize.get(logId, size);
    return row && rowToCheckpoint(row);
  }

  checkpoints(logId: number): CheckpointRecord[] {
    return this.s.checkpointsOfLog.all(logId).map(rowToCheckpoint);
  }

  setSigner(logId: number, skey: string): void {
    this.s.setSigner.run(logId, skey);
  }

  signer(logId: number): string | undefined {
    return this.s.signer.get(logId);
  }

  // Reads for `provwb audit`, prepared on first use (a Store opened for other work pays nothing).
  private auditSql?: AuditStatements;

  private audit(): AuditStatements {
    return (this.auditSql ??= prepareAuditStatements(this.db));
  }

  /** Returns what `PRAGMA integrity_check` reports: ['ok'] for a sound file, else one line per fault (at most `maxErrors`). */
  integrityCheck(maxErrors = 100): string[] {
    const rows = this.db.pragma(`integrity_check(${Math.max(1, Math.floor(maxErrors))})`) as Array<Record<string, unknown>>;
    return rows.map((r) => String(Object.values(r)[0]));
  }

  /** Returns the rows whose REFERENCES point at no row (`PRAGMA foreign_key_check`). */
  foreignKeyViolations(): Array<{ table: string; rowid: number | null; parent: string }> {
    return (this.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
  }

  /** Returns `PRAGMA user_version` and `PRAGMA application_id` as stored in the file header. */
  headerVersions(): { userVersion: number; applicationId: number } {
    return { userVersion: this.db.pragma('user_version', { simple: true }) as number, applicationId: this.db.pragma('application_id', { simple: true }) as number };
  }

  /** Returns every schema object (sqlite_schema rows, SQL text included), ordered by type and name. */
  schemaObjects(): SchemaObject[] {
    return this.audit().schema.all();
  }

  /**
   * Returns the schema objects a database gets from this release's migrations up to `version` (all
   * of them unless given), built in a fresh in-memory database, to compare with `schemaObjects()`
   * (an altered byte of stored SQL shows).
   */
  expectedSchemaObjects(version?: number): SchemaObject[] {
    // The open connection's own class: the store is the one place that knows the SQLite binding.
    const Fresh = this.db.constructor as new (filename: string) => Db;
    const fresh = new Fresh(':memory:');
    try {
      runMigrations(fresh, version);
      // Read directly, not through a Store: its statements may name columns an older version lacks.
      return fresh.prepare<[], SchemaObject>(SCHEMA_OBJECTS_SQL).all();
    } finally {
      fresh.close();
    }
  }

  /** Returns (log id, table) pairs of entry_meta and leaf_index rows whose log does not exist (these tables have no REFERENCES). */
  rowsOfMissingLogs(): Array<{ table: string; logId: number; rows: number }> {
    return this.audit().orphans.all();
  }

  /** Returns entry bundles [startBundle, endBundle) of a log in order (bytes as stored). */
  entryBundlesInRange(logId: number, startBundle: number, endBundle: number): Array<{ index: number; width: number; bundle: Uint8Array }> {
    return this.audit().bundles.all(logId, startBundle, endBundle).map((r) => ({ index: r.idx, width: r.width, bundle: new Uint8Array(r.bundle.buffer, r.bundle.byteOffset, r.bundle.byteLength) }));
  }

  /** Returns (index, width) of a log's entry bundles at or beyond `startBundle`. */
  entryBundleKeysFrom(logId: number, startBundle: number): Array<{ index: number; width: number }> {
    return this.audit().bundleKeysFrom.all(logId, startBundle).map((r) => ({ index: r.idx, width: r.width }));
  }

  /** Returns the stored tiles of one level with index in [start, end), in order. */
  tilesInRange(logId: number, level: number, start: number, end: number): Array<{ index: number; width: number; nodes: Uint8Array }> {
    return this.audit().tiles.all(logId, level, start, end).map((r) => ({ index: r.idx, width: r.width, nodes: new Uint8Array(r.nodes.buffer, r.nodes.byteOffset, r.nodes.byteLength) }));
  }

  /** Returns (level, index, width) of every stored tile of a log, without the hashes. */
  tileKeysOfLog(logId: number): Array<{ level: number; index: number; width: number }> {
    return this.audit().tileKeys.all(logId).map((r) => ({ level: r.level, index: r.idx, width: r.width }));
  }

  /** Returns every leaf_index row of a log ordered by entry index (the prefix is the leaf hash's first 6 bytes). */
  leafIndexOfLog(logId: number): Array<{ index: number; hashPrefix: number }> {
    return this.audit().leafIndex.all(logId).map((r) => ({ index: r.idx, hashPrefix: r.hash_prefix }));
  }

  /**
   * Lets SQLite read up to `bytes` of the file through a memory map instead of read() calls: for a
   * pass over the whole file (an audit) it halves SQLite's CPU (≈ 250 → 135 ms per 130 MB measured).
   * For read-only connections: a map of a file another process truncates would fault.
   */
  setMemoryMapSize(bytes: number): void {
    this.db.pragma(`mmap_size = ${Math.max(0, Math.floor(bytes))}`);
  }

  /** Returns the entry_meta rows of entries [start, end), attachment included, ordered by index. */
  entryMetaInRange(logId: number, start: number, end: number): EntryMeta[] {
    return this.s.metaInRange.all(logId, start, end).map((m) => ({
      index: m.idx,
      kind: m.kind,
      apiVersion: m.api_version,
      integratedTime: m.integrated_time,
      attachment: m.attachment ? new Uint8Array(m.attachment) : null,
      signedEntryTimestamp: m.set_signature ? new Uint8Array(m.set_signature) : null,
    }));
  }
}

const SCHEMA_OBJECTS_SQL = 'SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema ORDER BY type, name';

/** One row of sqlite_schema. */
export interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tableName: string;
  readonly sql: string | null;
}

type AuditStatements = ReturnType<typeof prepareAuditStatements>;

function prepareAuditStatements(db: Db) {
  return {
    schema: db.prepare<[], SchemaObject>(SCHEMA_OBJECTS_SQL),
    orphans: db.prepare<[], { table: string; logId: number; rows: number }>(
      `SELECT 'entry_meta' AS "table", log_id AS logId, count(*) AS rows FROM entry_meta WHERE log_id NOT IN (SELECT id FROM logs) GROUP BY log_id
       UNION ALL SELECT 'leaf_index', log_id, count(*) FROM leaf_index WHERE log_id NOT IN (SELECT id FROM logs) GROUP BY log_id`,
    ),
    bundles: db.prepare<[number, number, number], { idx: number; width: number; bundle: Buffer }>('SELECT idx, width, bundle FROM entry_bundles WHERE log_id = ? AND idx >= ? AND idx < ? ORDER BY idx'),
    bundleKeysFrom: db.prepare<[number, number], { idx: number; width: number }>('SELECT idx, width FROM entry_bundles WHERE log_id = ? AND idx >= ? ORDER BY idx'),
    tiles: db.prepare<[number, number, number, number], { idx: number; width: number; nodes: Buffer }>('SELECT idx, width, nodes FROM tiles WHERE log_id = ? AND level = ? AND idx >= ? AND idx < ? ORDER BY idx'),
    tileKeys: db.prepare<[number], { level: number; idx: number; width: number }>('SELECT level, idx, width FROM tiles WHERE log_id = ? ORDER BY level, idx'),
    leafIndex: db.prepare<[number], { idx: number; hash_prefix: number }>('SELECT idx, hash_prefix FROM leaf_index WHERE log_id = ? ORDER BY idx, hash_prefix'),
  };
}
