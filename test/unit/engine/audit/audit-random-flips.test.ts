/**
 * Flips random bytes of the database FILE (not values through SQL: page headers, cell pointers,
 * record headers, b-tree interior pages, free pages and the file header are all fair game) and
 * checks the audit's promise: it never reports ok for a file whose data changed.
 *
 * What "changed" means, honestly: a byte can change without changing anything SQLite reads —
 *  - free pages (on the freelist) and the unused gap inside a page are never read;
 *  - a few file-header fields do not change the data (file change counter, schema cookie,
 *    version-valid-for, SQLite version number, default cache size);
 * no checker can see those, and none needs to: the database holds exactly what it held. So each
 * flip the audit calls ok must leave the database's logical content — every row of every table
 * (rowids included), the schema text and the header versions, read back through SQLite — equal
 * to the original, except for the few columns nothing signs or hashes (UNAUTHENTICATED below).
 * Anything else the audit calls ok fails this test. The test also reports where each undetected
 * flip landed (a page in use per `dbstat`, a free page, or the file header) so a reader can judge.
 * Scope: the audit vouches for logs (entries, tiles, checkpoints, metadata, indexes) and the file's
 * structure; rows of tables outside any log (keyring, monitors, webhooks) are covered by SQLite's
 * structural checks only, so the fixture leaves them empty rather than pretend otherwise.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkbench } from '../../../../electron/engine/audit/index.js';
import { DATABASE_FILE, openDatabase } from '../../../../electron/engine/store/index.js';
import { tempDir } from '../../../helpers/temp-dir.js';
import { MIRROR_NAME, buildAuditFixture, type AuditFixture } from './audit-fixture.js';
import { seededRandom } from '../../../helpers/seeded-random.js';

/**
 * Columns whose values nothing signs or hashes, so a change there is invisible to any audit unless
 * it is implausible: when rows were stored (created_at), where a mirror syncs from (url, remote_type).
 * entry_meta.integrated_time is checked only against the window the issued checkpoints give.
 */
const UNAUTHENTICATED: Readonly<Record<string, readonly string[]>> = {
  logs: ['created_at', 'url', 'remote_type'],
  checkpoints: ['created_at'],
  entry_meta: ['integrated_time'],
};

const FLIPS = Number(process.env.AUDIT_FLIPS ?? 100);
const SEED = Number(process.env.AUDIT_FLIP_SEED ?? 20261125);

type Dump = Map<string, { columns: string[]; rows: unknown[][] }>;

/** Returns every row of every table (rowid first for rowid tables), the schema and the header versions. */
function logicalDump(dataDir: string): Dump {
  const db = openDatabase(dataDir, { readonly: true });
  try {
    const dump: Dump = new Map();
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    dump.set('sqlite_schema', { columns: ['type', 'name', 'tbl_name', 'rootpage', 'sql'], rows: db.prepare('SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY name').raw().all() as unknown[][] });
    dump.set('header', { columns: ['user_version', 'application_id', 'encoding'], rows: [[db.pragma('user_version', { simple: true }), db.pragma('application_id', { simple: true }), db.pragma('encoding', { simple: true })]] });
    for (const { name, sql } of tables) {
      const withoutRowid = /WITHOUT ROWID/i.test(sql);
      const statement = db.prepare(withoutRowid ? `SELECT * FROM "${name}"` : `SELECT rowid AS "(rowid)", * FROM "${name}" ORDER BY rowid`);
      dump.set(name, { columns: statement.columns().map((c) => c.name), rows: (statement.raw().all() as unknown[][]).map((row) => row.map((v) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v))) });
    }
    return dump;
  } finally {
    db.close();
  }
}

/** Returns the differences between two dumps outside the unauthenticated columns, as sentences. */
function authenticatedDifferences(original: Dump, flipped: Dump): string[] {
  const found: string[] = [];
  for (const name of new Set([...original.keys(), ...flipped.keys()])) {
    const a = original.get(name);
    const b = flipped.get(name);
    if (!a || !b) {
      found.push(`table ${name} exists on one side only`);
      continue;
    }
    if (a.rows.length !== b.rows.length || a.columns.join() !== b.columns.join()) {
      found.push(`table ${name}: ${a.rows.length} rows became ${b.rows.length}`);
      continue;
    }
    const free = UNAUTHENTICATED[name] ?? [];
    a.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== b.rows[r]![c] && !free.includes(a.columns[c]!)) found.push(`table ${name}, row ${r}, column ${a.columns[c]}: ${String(value).slice(0, 40)} became ${String(b.rows[r]![c]).slice(0, 40)}`);
      });
    });
  }
  return found;
}

/** Returns where a file offset lies: the file header, a page in use (which b-tree, page type) or a free page. */
function pageMap(dataDir: string, pageSize: number): (offset: number) => string {
  const db = openDatabase(dataDir, { readonly: true });
  let used: Map<number, string>;
  try {
    used = new Map((db.prepare('SELECT pageno, name, pagetype FROM dbstat').all() as Array<{ pageno: number; name: string; pagetype: string }>).map((p) => [p.pageno, `${p.name} ${p.pagetype} page`]));
  } finally {
    db.close();
  }
  return (offset) => {
    if (offset < 100) return `file header byte ${offset}`;
    const page = Math.floor(offset / pageSize) + 1;
    return `${used.get(page) ?? 'free page'} ${page}, byte ${offset % pageSize}`;
  };
}

describe('auditWorkbench', () => {
  let fixture: AuditFixture;
  let scratch: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    fixture = await buildAuditFixture();
    scratch = tempDir('provwb-flips-');
  });
  afterAll(() => {
    fixture?.cleanup();
    scratch?.cleanup();
  });

  describe(`given ${FLIPS} random bytes of the database file flipped, one at a time (seed ${SEED})`, () => {
    it('never reports ok unless what SQLite reads from the file is unchanged (or only unauthenticated columns changed)', async () => {
      const originalFile = path.join(fixture.dir, DATABASE_FILE);
      const original = readFileSync(originalFile);
      const pageSize = original.readUInt16BE(16) === 1 ? 65536 : original.readUInt16BE(16);
      const where = pageMap(fixture.dir, pageSize);
      const originalDump = logicalDump(fixture.dir);
      const random = seededRandom(SEED);
      const file = path.join(scratch.dir, DATABASE_FILE);
      const outcomes = { detected: 0, unchangedData: 0, unauthenticatedOnly: 0 };
      const escaped: string[] = [];
      const undetected: string[] = [];
      // Random offsets over the whole file, plus the file header and page headers, where one byte matters most.
      const offsets = [
        ...Array.from({ length: FLIPS }, () => Math.floor(random() * original.length)),
        ...Array.from({ length: 12 }, () => Math.floor(random() * 100)),
        ...Array.from({ length: 12 }, () => (1 + Math.floor(random() * (original.length / pageSize - 1))) * pageSize + Math.floor(random() * 8)),
      ];
      for (const offset of offsets) {
        const flipped = Buffer.from(original);
        flipped[offset] = flipped[offset]! ^ (1 + Math.floor(random() * 255));
        for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
        writeFileSync(file, flipped);
        let detected = false;
        for (const logName of ['local', MIRROR_NAME]) {
          try {
            detected ||= !(await auditWorkbench({ dataDir: scratch.dir, logName })).ok;
          } catch {
            // The log could not even be found or opened: not an ok verdict either.
            detected = true;
          }
        }
        if (detected) {
          outcomes.detected++;
          continue;
        }
        let differences: string[];
        try {
          differences = authenticatedDifferences(originalDump, logicalDump(scratch.dir));
        } catch (error) {
          differences = [`the flipped file cannot be read back: ${(error as Error).message}`];
        }
        if (differences.length > 0) escaped.push(`offset ${offset} (${where(offset)}): audit said ok, but ${differences.slice(0, 3).join('; ')}`);
        else {
          undetected.push(`${offset} (${where(offset)})`);
          // Same data: either nothing SQLite reads changed, or only unauthenticated columns did.
          const strict = logicalDump(scratch.dir);
          const anyChange = [...originalDump].some(([name, t]) => JSON.stringify(t.rows) !== JSON.stringify(strict.get(name)?.rows));
          if (anyChange) outcomes.unauthenticatedOnly++;
          else outcomes.unchangedData++;
        }
      }
      copyFileSync(originalFile, file);
      console.info(`random flips: ${JSON.stringify(outcomes)}; undetected (data unchanged or unauthenticated only): ${undetected.join(', ') || 'none'}`);
      expect(escaped).toEqual([]);
      // Not vacuous. About half the file is the unused space of pages of tables the fixture leaves
      // (nearly) empty (monitors, forks, keyring): flips there change nothing; the rest must be caught.
      expect(outcomes.detected).toBeGreaterThanOrEqual(offsets.length / 4);
    });
  });
});
