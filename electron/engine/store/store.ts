import type { StoredTile, TileWrite } from '../../../shared/merkle/index.js';
import { tileKey } from '../../../shared/merkle/index.js';
import type { Db } from './database.js';

/** Entries of one log live at ids log_id·2^40 + index (see migrations.ts). */
const ENTRY_ID_SHIFT = 2 ** 40;
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
}

export interface StoredEntry {
  readonly index: number;
  readonly body: Uint8Array;
  readonly kind: string | null;
  readonly apiVersion: string | null;
  readonly integratedTime: number | null;
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

  constructor(readonly db: Db) {
    this.s = {
      insertLog: db.prepare(
        `INSERT INTO logs (name, role, origin, remote_type, url, verifier_keys, tree_size, root_hash, created_at)
         VALUES (@name, @role, @origin, @remoteType, @url, @verifierKeys, 0, @rootHash, @createdAt)`,
      ),
      logByName: db.prepare<[string], LogRow>('SELECT * FROM logs WHERE name = ?'),
      logById: db.prepare<[number], LogRow>('SELECT * FROM logs WHERE id = ?'),
      allLogs: db.prepare<[], LogRow>('SELECT * FROM logs ORDER BY id'),
      setTreeHead: db.prepare('UPDATE logs SET tree_size = ?, root_hash = ? WHERE id = ?'),
      insertEntry: db.prepare('INSERT INTO entries (id, body, kind, api_version, integrated_time) VALUES (?, ?, ?, ?, ?)'),
      insertLeafIndex: db.prepare('INSERT INTO leaf_index (log_id, hash_prefix, idx) VALUES (?, ?, ?)'),
      entriesInRange: db.prepare<[number, number], { id: number; body: Buffer; kind: string | null; api_version: string | null; integrated_time: number | null }>(
        'SELECT id, body, kind, api_version, integrated_time FROM entries WHERE id >= ? AND id < ? ORDER BY id',
      ),
      entryBodiesInRange: db.prepare<[number, number], { body: Buffer }>('SELECT body FROM entries WHERE id >= ? AND id < ? ORDER BY id').pluck(),
      indexesByPrefix: db.prepare<[number, number], number>('SELECT idx FROM leaf_index WHERE log_id = ? AND hash_prefix = ? ORDER BY idx').pluck(),
      upsertTile: db.prepare(
        `INSERT INTO tiles (log_id, level, idx, width, nodes) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (log_id, level, idx) DO UPDATE SET width = excluded.width, nodes = excluded.nodes`,
      ),
      // One query for all tiles a proof needs: the (level, idx) pairs arrive as a JSON array.
      tilesByKeys: db.prepare<[{ logId: number; keys: string }], { level: number; idx: number; width: number; nodes: Buffer }>(
        `SELECT t.level, t.idx, t.width, t.nodes FROM json_each(@keys) AS k
         JOIN tiles AS t ON t.log_id = @logId AND t.level = k.value ->> 0 AND t.idx = k.value ->> 1`,
      ),
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
    };
  }

  /** Runs `body` in one IMMEDIATE transaction (the write lock is taken first, so state read inside is current). */
  transaction<T>(body: () => T): T {
    return this.db.transaction(body).immediate();
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

  /** Inserts entries at indexes first, first+1, … with their leaf-hash lookup rows. */
  insertEntries(logId: number, first: number, entries: readonly NewEntry[], leafHashes: readonly Uint8Array[]): void {
    const base = logId * ENTRY_ID_SHIFT + first;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      this.s.insertEntry.run(base + i, e.body, e.kind ?? null, e.apiVersion ?? null, e.integratedTime ?? null);
      this.s.insertLeafIndex.run(logId, leafHashPrefix(leafHashes[i]!), first + i);
    }
  }

  /** Returns entries [start, end) of a log, in order. */
  entries(logId: number, start: number, end: number): StoredEntry[] {
    const base = logId * ENTRY_ID_SHIFT;
    return this.s.entriesInRange.all(base + start, base + end).map((r) => ({
      index: r.id - base,
      body: new Uint8Array(r.body.buffer, r.body.byteOffset, r.body.byteLength),
      kind: r.kind,
      apiVersion: r.api_version,
      integratedTime: r.integrated_time,
    }));
  }

  /** Returns the bodies of entries [start, end), in order (Buffers: no copies on the hot path). */
  entryBodies(logId: number, start: number, end: number): Buffer[] {
    const base = logId * ENTRY_ID_SHIFT;
    return this.s.entryBodiesInRange.all(base + start, base + end) as unknown as Buffer[];
  }

  /** Returns the indexes whose leaf hash starts like `leafHash` (candidates; compare the full hash). */
  indexesWithLeafHashPrefix(logId: number, leafHash: Uint8Array): number[] {
    return this.s.indexesByPrefix.all(logId, leafHashPrefix(leafHash));
  }

  writeTiles(logId: number, writes: readonly TileWrite[]): void {
    for (const w of writes) this.s.upsertTile.run(logId, w.level, w.index, w.width, w.nodes);
  }

  /** Returns the stored tiles among those asked for, keyed `level/index`, in one query. */
  readTiles(logId: number, tiles: ReadonlyArray<{ level: number; index: number }>): Map<string, StoredTile> {
    const keys = JSON.stringify(tiles.map((t) => [t.level, t.index]));
    const found = new Map<string, StoredTile>();
    for (const row of this.s.tilesByKeys.all({ logId, keys })) {
      found.set(tileKey(row.level, row.idx), { width: row.width, nodes: new Uint8Array(row.nodes.buffer, row.nodes.byteOffset, row.nodes.byteLength) });
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
}
