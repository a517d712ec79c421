/**
 * `provwb audit` through spawned processes (CLI.md): exit 0 with the report when the log verifies,
 * 1 with the report in the error envelope when problems were found, 2 for a usage error, 3 for an
 * unknown log or workbench; --json prints exactly one JSON document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/store/index.js';
import { describeCli, parseJsonOutput, runCliIn } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/temp-dir.js';
import { MIRROR_NAME, buildAuditFixture, copyFixture, type AuditFixture } from './audit-fixture.js';

interface ErrorEnvelope {
  error: { code: string; message: string; hint?: string; details?: Record<string, unknown> };
}

let fixture: AuditFixture;
let corrupt: ReturnType<typeof copyFixture>;
beforeAll(async () => {
  fixture = await buildAuditFixture();
  corrupt = copyFixture(fixture);
  const db = openDatabase(corrupt.dir);
  try {
    // One interior node of the local log's second level-0 tile.
    const row = db.prepare("SELECT nodes FROM tiles WHERE level = 0 AND idx = 1 AND log_id = (SELECT id FROM logs WHERE name = 'local')").get() as { nodes: Buffer };
    const nodes = Buffer.from(row.nodes);
    nodes[256 * 32 + 5] = nodes[256 * 32 + 5]! ^ 0x80;
    db.prepare("UPDATE tiles SET nodes = ? WHERE level = 0 AND idx = 1 AND log_id = (SELECT id FROM logs WHERE name = 'local')").run(nodes);
  } finally {
    db.close();
  }
});
afterAll(() => {
  corrupt?.cleanup();
  fixture?.cleanup();
});

describe('provwb audit', () => {
  describe('given an untouched workbench', () => {
    it('exits 0 with the report for the local log and for a mirror', async () => {
      for (const name of ['local', MIRROR_NAME]) {
        const result = await runCliIn(fixture.dir, ['audit', name, '--json']);
        expect(result.status, describeCli(result)).toBe(0);
        const report = parseJsonOutput<{ ok: boolean; treeSize: number; entriesChecked: number; checkpointsChecked: number; problems: unknown[] }>(result);
        expect(report).toMatchObject({ ok: true, treeSize: name === 'local' ? fixture.localSize : fixture.mirrorSize, problems: [] });
        expect(report.entriesChecked).toBe(report.treeSize);
      }
      const human = await runCliIn(fixture.dir, ['audit', 'local']);
      expect(human.status, describeCli(human)).toBe(0);
      expect(human.stdout).toMatch(/^ok: log local/);
    });
  });

  describe('given an altered tile node', () => {
    it('exits 1 naming it, with every problem in the JSON envelope', async () => {
      const result = await runCliIn(corrupt.dir, ['audit', 'local', '--json']);
      expect(result.status, describeCli(result)).toBe(1);
      const envelope = parseJsonOutput<ErrorEnvelope>(result);
      expect(envelope.error.code).toBe('audit_failed');
      expect(envelope.error.details).toMatchObject({ ok: false, treeSize: fixture.localSize, problems: [{ code: 'tile_node_altered', index: null, where: { table: 'tiles', level: 0, tileIndex: 1, row: 1, position: 0 } }] });
      const human = await runCliIn(corrupt.dir, ['audit', 'local']);
      expect(human.status).toBe(1);
      expect(human.stderr).toMatch(/tile 0\/1 stores .* at row 1, position 0/);
    });
  });

  describe('given a flipped byte in an index page of the file', () => {
    it('exits 1 with SQLite\'s integrity check naming the index', async () => {
      const copy = copyFixture(fixture);
      try {
        const db = openDatabase(copy.dir, { readonly: true });
        const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'checkpoints_by_size'").pluck().get() as number;
        const pageSize = db.pragma('page_size', { simple: true }) as number;
        db.close();
        const bytes = readFileSync(copy.file);
        // The last cell of the index's only page: a key byte of an index entry.
        bytes[page * pageSize - 3] = bytes[page * pageSize - 3]! ^ 0x04;
        writeFileSync(copy.file, bytes);
        const result = await runCliIn(copy.dir, ['audit', 'local', '--json']);
        expect(result.status, describeCli(result)).toBe(1);
        expect(parseJsonOutput<ErrorEnvelope>(result).error.details).toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ code: 'database_corrupt', problem: expect.stringMatching(/checkpoints_by_size/) })]) });
      } finally {
        copy.cleanup();
      }
    });
  });

  describe('given a log or workbench that does not exist, or no log name', () => {
    it('exits 3 for the unknown log or workbench and 2 for the missing name', async () => {
      const unknown = await runCliIn(fixture.dir, ['audit', 'nope', '--json']);
      expect(unknown.status, describeCli(unknown)).toBe(3);
      expect(parseJsonOutput<ErrorEnvelope>(unknown).error.code).toBe('log_not_found');
      const empty = tempDir();
      try {
        const none = await runCliIn(empty.dir, ['audit', 'local', '--json']);
        expect(none.status, describeCli(none)).toBe(3);
        expect(parseJsonOutput<ErrorEnvelope>(none).error.code).toBe('workbench_not_initialized');
      } finally {
        empty.cleanup();
      }
      const usage = await runCliIn(fixture.dir, ['audit', '--json']);
      expect(usage.status, describeCli(usage)).toBe(2);
    });
  });
});
