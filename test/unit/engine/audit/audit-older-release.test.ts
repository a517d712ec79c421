import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkbench } from '../../../../electron/engine/audit/index.js';
import { DATABASE_FILE } from '../../../../electron/engine/store/index.js';
import { buildAuditFixture, copyFixture, type AuditFixture } from './audit-fixture.js';

let fixture: AuditFixture;
beforeAll(async () => {
  fixture = await buildAuditFixture();
});
afterAll(() => fixture?.cleanup());

describe('auditWorkbench', () => {
  describe('given a database an older release left (schema 5: no kept SETs)', () => {
    it('audits it read-only and finds nothing wrong, its typed entries re-verified', async () => {
      const copy = copyFixture(fixture);
      try {
        // What a release before migration 6 wrote: the same tables without entry_meta.set_signature.
        const db = new Database(path.join(copy.dir, DATABASE_FILE));
        db.exec('ALTER TABLE entry_meta DROP COLUMN set_signature');
        db.pragma('user_version = 5');
        db.close();
        const report = await auditWorkbench({ dataDir: copy.dir, logName: 'local' });
        expect(report.problems).toEqual([]);
        expect(report.ok).toBe(true);
        expect(report.typedEntriesChecked).toBe(fixture.typed.length);
      } finally {
        copy.cleanup();
      }
    });
  });
});
