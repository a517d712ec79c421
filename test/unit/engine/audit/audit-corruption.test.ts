import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../shared/api/index.js';
import { TILE_WIDTH, tileRowOffset } from '../../../../shared/merkle/index.js';
import { auditWorkbench, type AuditReport } from '../../../../electron/engine/audit/index.js';
import { openDatabase, type Db } from '../../../../electron/engine/store/index.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { MIRROR_NAME, buildAuditFixture, copyFixture, type AuditFixture } from './audit-fixture.js';

let fixture: AuditFixture;
beforeAll(async () => {
  fixture = await buildAuditFixture();
});
afterAll(() => fixture?.cleanup());

/** Applies `mutate` to a copy of the fixture through an ordinary connection, then audits `log` read-only. */
async function auditAfter(mutate: (db: Db) => void, log = 'local'): Promise<AuditReport> {
  const copy = copyFixture(fixture);
  try {
    const db = openDatabase(copy.dir);
    try {
      mutate(db);
    } finally {
      db.close();
    }
    return await auditWorkbench({ dataDir: copy.dir, logName: log });
  } finally {
    copy.cleanup();
  }
}

function logId(db: Db, name = 'local'): number {
  return (db.prepare('SELECT id FROM logs WHERE name = ?').get(name) as { id: number }).id;
}

/** Flips the lowest bit of byte `offset` of a BLOB column value (negative offsets count from the end). */
function flipBlob(db: Db, table: string, column: string, where: string, params: readonly unknown[], offset: number): void {
  const row = db.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${where}`).get(...params) as { v: Buffer } | undefined;
  if (!row) throw new Error(`no ${table} row where ${where}`);
  const bytes = Buffer.from(row.v);
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] = bytes[at]! ^ 1;
  const changed = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${where}`).run(bytes, ...params).changes;
  if (changed !== 1) throw new Error(`flipped ${changed} rows of ${table}`);
}

/** Flips a bit of the last byte of entry `index`'s body inside its bundle. */
function flipEntry(db: Db, index: number, log = 'local'): void {
  const bundleIndex = Math.floor(index / TILE_WIDTH);
  const row = db.prepare('SELECT bundle FROM entry_bundles WHERE log_id = ? AND idx = ?').get(logId(db, log), bundleIndex) as { bundle: Buffer };
  let offset = 0;
  for (let i = 0; i < index % TILE_WIDTH; i++) offset += 2 + row.bundle.readUInt16BE(offset);
  const end = offset + 2 + row.bundle.readUInt16BE(offset);
  flipBlob(db, 'entry_bundles', 'bundle', 'log_id = ? AND idx = ?', [logId(db, log), bundleIndex], end - 1);
}

/** Replaces one character of a TEXT column by another. */
function changeText(db: Db, table: string, column: string, where: string, params: readonly unknown[], change: (text: string) => string): void {
  const row = db.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${where}`).get(...params) as { v: string };
  const next = change(row.v);
  if (next === row.v) throw new Error('the text did not change');
  db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${where}`).run(next, ...params);
}

/** Swaps a character at `at` of a string for another of the same alphabet. */
function swapChar(text: string, at: number): string {
  const c = text[at]!;
  return `${text.slice(0, at)}${c === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
}

function problemsOf(report: AuditReport) {
  return report.problems.map((p) => ({ code: p.code, index: p.index, where: p.where }));
}

describe('auditWorkbench', () => {
  describe('given an untouched workbench', () => {
    it('reports the local log and the mirror ok, every entry, tile and checkpoint checked', async () => {
      const copy = copyFixture(fixture);
      try {
        const before = createHash('sha256').update(readFileSync(copy.file)).digest('hex');
        const progress: Array<{ done: number; total: number; ratePerSec?: number }> = [];
        let nowMs = 0;
        const local = await auditWorkbench({ dataDir: copy.dir, logName: 'local', clock: { nowMs: () => (nowMs += 10) }, onProgress: (p) => progress.push(p) });
        expect(local.problems).toEqual([]);
        // Progress reaches the tree size, with a rate from the injected clock.
        expect(progress.at(-1)).toMatchObject({ log: 'local', done: fixture.localSize, total: fixture.localSize, ratePerSec: expect.any(Number), etaSec: 0 });
        expect(local).toMatchObject({ ok: true, treeSize: fixture.localSize, entriesChecked: fixture.localSize, typedEntriesChecked: 4, checkpointsChecked: 8, tilesChecked: 4 });
        const mirror = await auditWorkbench({ dataDir: copy.dir, logName: MIRROR_NAME });
        expect(mirror).toMatchObject({ ok: true, treeSize: fixture.mirrorSize, entriesChecked: fixture.mirrorSize, checkpointsChecked: 2, problems: [] });
        // The audit reads only: the file is byte for byte what it was.
        expect(createHash('sha256').update(readFileSync(copy.file)).digest('hex')).toBe(before);
      } finally {
        copy.cleanup();
      }
    });
  });

  describe('given a log name the workbench does not have', () => {
    it('throws log_not_found', async () => {
      const copy = copyFixture(fixture);
      try {
        await expectRejection(auditWorkbench({ dataDir: copy.dir, logName: 'nope' }), NotFoundError, 'log_not_found');
      } finally {
        copy.cleanup();
      }
    });
  });

  describe('given one altered byte or value in each kind of stored data', () => {
    const entryAt = 300;
    it('names an entry altered inside its bundle (and the checkpoints and tree head it breaks)', async () => {
      const report = await auditAfter((db) => flipEntry(db, entryAt));
      expect(problemsOf(report)).toContainEqual(expect.objectContaining({ code: 'entry_altered', index: entryAt }));
      expect(report.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['checkpoint_root_mismatch', 'tree_head_mismatch']));
      expect(report.problems.filter((p) => p.code === 'entry_altered' || p.code === 'tile_node_altered' || p.code === 'leaf_hash_mismatch')).toHaveLength(1);
    });
    it('names an altered typed entry', async () => {
      const index = fixture.typed[1]!;
      const report = await auditAfter((db) => flipEntry(db, index));
      expect(problemsOf(report)).toContainEqual(expect.objectContaining({ code: 'entry_altered', index }));
    });
    it('names an altered level-0 tile hash by entry and tile position', async () => {
      const report = await auditAfter((db) => flipBlob(db, 'tiles', 'nodes', 'log_id = ? AND level = 0 AND idx = 0', [logId(db)], 5 * 32 + 3));
      expect(problemsOf(report)).toEqual([{ code: 'tile_node_altered', index: 5, where: expect.objectContaining({ table: 'tiles', level: 0, tileIndex: 0, row: 0, position: 5 }) }]);
    });
    it('names an altered interior tile node by row and position', async () => {
      const report = await auditAfter((db) => flipBlob(db, 'tiles', 'nodes', 'log_id = ? AND level = 0 AND idx = 1', [logId(db)], tileRowOffset(256, 3) + 2 * 32 + 31));
      expect(problemsOf(report)).toEqual([{ code: 'tile_node_altered', index: null, where: expect.objectContaining({ level: 0, tileIndex: 1, row: 3, position: 2 }) }]);
    });
    it('names an altered node of a level-1 tile', async () => {
      const report = await auditAfter((db) => flipBlob(db, 'tiles', 'nodes', 'log_id = ? AND level = 1 AND idx = 0', [logId(db)], 32 + 10));
      expect(problemsOf(report)).toEqual([{ code: 'tile_node_altered', index: null, where: expect.objectContaining({ level: 1, tileIndex: 0, row: 0, position: 1 }) }]);
    });
    it('names an altered tree head root in the logs row', async () => {
      const report = await auditAfter((db) => flipBlob(db, 'logs', 'root_hash', 'id = ?', [logId(db)], 0));
      expect(problemsOf(report)).toEqual([{ code: 'tree_head_mismatch', index: null, where: { table: 'logs', name: 'local' } }]);
    });
    it('names the surplus entry when the tree size is lowered by one', async () => {
      const report = await auditAfter((db) => db.prepare('UPDATE logs SET tree_size = tree_size - 1 WHERE id = ?').run(logId(db)));
      expect(problemsOf(report)).toContainEqual(expect.objectContaining({ code: 'entry_bundle_beyond_tree', index: fixture.localSize - 1 }));
    });
    it('names a checkpoint whose signature was altered', async () => {
      const report = await auditAfter((db) => changeText(db, 'checkpoints', 'note', 'log_id = ? AND tree_size = 300', [logId(db)], (note) => swapChar(note, note.length - 6)));
      expect(problemsOf(report)).toEqual([{ code: 'checkpoint_invalid', index: null, where: expect.objectContaining({ table: 'checkpoints', treeSize: 300 }) }]);
    });
    it('names a checkpoint whose signed root was altered', async () => {
      const report = await auditAfter((db) =>
        changeText(db, 'checkpoints', 'note', 'log_id = ? AND tree_size = 550', [logId(db)], (note) => {
          const rootLine = note.indexOf('\n', note.indexOf('\n') + 1) + 1;
          return swapChar(note, rootLine + 4);
        }),
      );
      expect(problemsOf(report)).toEqual([{ code: 'checkpoint_invalid', index: null, where: expect.objectContaining({ treeSize: 550 }) }]);
    });
    it('names a checkpoint row whose root column disagrees with its note', async () => {
      const report = await auditAfter((db) => flipBlob(db, 'checkpoints', 'root_hash', 'log_id = ? AND tree_size = 550', [logId(db)], 7));
      expect(problemsOf(report)).toEqual([{ code: 'checkpoint_row_mismatch', index: null, where: expect.objectContaining({ treeSize: 550 }) }]);
    });
    it('names a typed entry whose entry_meta kind or API version was altered', async () => {
      const [a, b] = fixture.typed;
      const kind = await auditAfter((db) => changeText(db, 'entry_meta', 'kind', 'log_id = ? AND idx = ?', [logId(db), a], (k) => `${k.slice(0, -1)}c`));
      expect(problemsOf(kind)).toEqual([{ code: 'entry_meta_mismatch', index: a, where: { table: 'entry_meta', index: a } }]);
      const version = await auditAfter((db) => changeText(db, 'entry_meta', 'api_version', 'log_id = ? AND idx = ?', [logId(db), b], () => '0.0.2'));
      expect(problemsOf(version)).toEqual([{ code: 'entry_meta_mismatch', index: b, where: { table: 'entry_meta', index: b } }]);
    });
    it('names a typed entry whose integrated time was moved past the checkpoint that first signed it', async () => {
      // The kept SET signs the integrated time; the window the issued checkpoints give shows it too.
      const index = fixture.typed[2]!;
      const report = await auditAfter((db) => db.prepare('UPDATE entry_meta SET integrated_time = (integrated_time | 4096) - (integrated_time & 4096) WHERE log_id = ? AND idx = ?').run(logId(db), index));
      expect(problemsOf(report)).toEqual([
        { code: 'entry_timestamp_invalid', index, where: { table: 'entry_meta', index } },
        { code: 'integrated_time_implausible', index, where: { table: 'entry_meta', index } },
      ]);
    });
    it('names a typed entry whose kept signed entry timestamp was altered', async () => {
      const index = fixture.typed[1]!;
      const report = await auditAfter((db) => flipBlob(db, 'entry_meta', 'set_signature', 'log_id = ? AND idx = ?', [logId(db), index], 5));
      expect(problemsOf(report)).toEqual([{ code: 'entry_timestamp_invalid', index, where: { table: 'entry_meta', index } }]);
    });
    it('names an altered search index key', async () => {
      const index = fixture.typed[2]!;
      const report = await auditAfter((db) => changeText(db, 'index_keys', 'key', "log_id = ? AND idx = ? AND key_type = 'sha256'", [logId(db), index], (k) => `${k.slice(0, -1)}${k.endsWith('0') ? '1' : '0'}`));
      expect(problemsOf(report)).toEqual([{ code: 'index_key_altered', index, where: { table: 'index_keys', index, keyType: 'sha256' } }]);
    });
    it('names an altered and a missing leaf_index row', async () => {
      const [, , , index] = fixture.typed;
      const altered = await auditAfter((db) => db.prepare('UPDATE leaf_index SET hash_prefix = (hash_prefix | 1) - (hash_prefix & 1) WHERE log_id = ? AND idx = ?').run(logId(db), index));
      expect(problemsOf(altered)).toEqual([{ code: 'leaf_index_mismatch', index, where: { table: 'leaf_index', index } }]);
      const missing = await auditAfter((db) => db.prepare('DELETE FROM leaf_index WHERE log_id = ? AND idx = ?').run(logId(db), index));
      expect(problemsOf(missing)).toEqual([{ code: 'leaf_index_missing', index, where: { table: 'leaf_index', index } }]);
    });
    it('names an entry bundle whose width column was altered', async () => {
      const report = await auditAfter((db) => db.prepare('UPDATE entry_bundles SET width = width + 1 WHERE log_id = ? AND idx = 2').run(logId(db)));
      expect(problemsOf(report)).toEqual([{ code: 'entry_bundle_width_wrong', index: 512, where: { table: 'entry_bundles', bundle: 2 } }]);
    });
    it('names an altered signer key', async () => {
      const report = await auditAfter((db) => changeText(db, 'log_signers', 'skey', 'log_id = ?', [logId(db)], (s) => swapChar(s, s.length - 3)));
      expect(problemsOf(report)).toEqual([{ code: 'signer_key_mismatch', index: null, where: expect.objectContaining({ table: 'log_signers' }) }]);
    });
    it('names an altered entry and tile of the mirror', async () => {
      const entry = await auditAfter((db) => flipEntry(db, 77, MIRROR_NAME), MIRROR_NAME);
      expect(problemsOf(entry)).toContainEqual(expect.objectContaining({ code: 'entry_altered', index: 77 }));
      const tile = await auditAfter((db) => flipBlob(db, 'tiles', 'nodes', 'log_id = ? AND level = 0 AND idx = 1', [logId(db, MIRROR_NAME)], 0), MIRROR_NAME);
      expect(problemsOf(tile)).toEqual([{ code: 'tile_node_altered', index: 256, where: expect.objectContaining({ level: 0, tileIndex: 1, row: 0, position: 0 }) }]);
    });
    it('names an altered byte of the stored schema text', async () => {
      const copy = copyFixture(fixture);
      try {
        const bytes = readFileSync(copy.file);
        // A comment inside a CREATE TABLE statement: SQLite keeps it, nothing else reads it. Stale
        // copies of schema text may linger in unused space (later migrations rewrote the page), so
        // every copy is altered, the live one among them.
        let copies = 0;
        for (let at = bytes.indexOf('Bytes the body commits to'); at >= 0; at = bytes.indexOf('Bytes the body commits to', at + 1)) {
          bytes[at] = bytes[at]! ^ 0x20;
          copies++;
        }
        expect(copies).toBeGreaterThan(0);
        writeFileSync(copy.file, bytes);
        const report = await auditWorkbench({ dataDir: copy.dir, logName: 'local' });
        expect(problemsOf(report)).toEqual([{ code: 'schema_altered', index: null, where: { table: 'sqlite_schema', name: 'entry_meta' } }]);
      } finally {
        copy.cleanup();
      }
    });
  });
});
