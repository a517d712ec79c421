import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditFindings } from '../../../../electron/engine/audit/audit-report.js';
import { checkDatabase } from '../../../../electron/engine/audit/database-checks.js';
import { SCHEMA_VERSION, Store, runMigrations, type Db } from '../../../../electron/engine/store/index.js';
import { tempDir } from '../../../helpers/temp-dir.js';

describe('checkDatabase schema check', () => {
  let dir: string;
  let cleanup: () => void;
  const opened: Db[] = [];
  const open = (name: string) => {
    const db = new Database(path.join(dir, name));
    opened.push(db);
    return db;
  };
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
    cleanup();
  });

  describe('given a database that an earlier release left (migrated up to its version)', () => {
    it('expects exactly the schema objects that version has, so an index migration 5 drops is no finding at version 4', () => {
      const latest = open('latest.db');
      runMigrations(latest);
      const store = new Store(latest);
      for (let version = 1; version <= SCHEMA_VERSION; version++) {
        const db = open(`v${version}.db`);
        runMigrations(db, version);
        expect(db.pragma('user_version', { simple: true })).toBe(version);
        const stored = db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema ORDER BY type, name').all();
        expect(store.expectedSchemaObjects(version)).toEqual(stored);
      }
      const names = (version: number) => store.expectedSchemaObjects(version).map((o) => o.name);
      expect(names(4)).toContain('index_keys_by_entry');
      expect(names(5)).not.toContain('index_keys_by_entry');
    });
  });

  describe('given a migrated database whose header version was lowered to 4', () => {
    it('names the index version 4 lacks and the one it has', () => {
      const db = open('lowered.db');
      runMigrations(db);
      db.pragma('user_version = 4');
      const findings = new AuditFindings();
      checkDatabase(new Store(db), findings);
      const schemaProblems = findings.problems.filter((p) => p.code === 'schema_altered').map((p) => p.where?.name);
      expect(schemaProblems).toEqual(expect.arrayContaining(['index_keys_by_type', 'index_keys_by_entry']));
    });
  });
});
