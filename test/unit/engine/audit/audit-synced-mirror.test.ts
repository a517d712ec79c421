/**
 * The audit on a mirror made the real way: Go's reference writer (`gotlog c2sp-write`) lays out a
 * C2SP tlog-tiles log on disk, the built `provwb sync` mirrors it over file://, and `provwb audit`
 * must call the mirror clean, then name a byte flipped in one of its mirrored entries.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/store/index.js';
import { cliJson, describeCli, parseJsonOutput, runCliIn } from '../../../helpers/cli.js';
import { requireGotlog } from '../../../helpers/gotlog.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('provwb audit', () => {
  describe('given a mirror of a Go-written tlog-tiles log synced with provwb sync', () => {
    it('exits 0 for the mirror, then 1 naming an entry flipped in its bundle', async (ctx) => {
      const gotlog = requireGotlog(ctx);
      const work = tempDir('provwb-audit-sync-');
      cleanups.push(work.cleanup);
      const tiles = path.join(work.dir, 'tiles');
      const dataDir = path.join(work.dir, 'wb');
      execFileSync(gotlog, ['c2sp-write', '-n', '70000', '-seed', 'audit', '-name', 'audit.test/tiles', '-sizes', '300,5000', '-dir', tiles, '-vkey-out', path.join(work.dir, 'vkey')]);
      await cliJson(dataDir, ['init', '--origin', 'audit.test/local']);
      await cliJson(dataDir, ['remote', 'add', 'go', '--type', 'tiles', '--url', `file://${tiles}`, '--vkey', readFileSync(path.join(work.dir, 'vkey'), 'utf8').trim()]);
      await cliJson(dataDir, ['sync', 'go']);
      const clean = await runCliIn(dataDir, ['audit', 'go', '--json']);
      expect(clean.status, describeCli(clean)).toBe(0);
      expect(parseJsonOutput(clean)).toMatchObject({ ok: true, treeSize: 70000, entriesChecked: 70000, problems: [] });

      const db = openDatabase(dataDir);
      try {
        // Entry 1000 is the 232nd of bundle 3; each entry here is 0x0020 ‖ 32 bytes.
        const row = db.prepare("SELECT bundle FROM entry_bundles WHERE idx = 3 AND log_id = (SELECT id FROM logs WHERE name = 'go')").get() as { bundle: Buffer };
        const bundle = Buffer.from(row.bundle);
        bundle[(1000 - 3 * 256) * 34 + 2 + 7]! ^= 0x01;
        db.prepare("UPDATE entry_bundles SET bundle = ? WHERE idx = 3 AND log_id = (SELECT id FROM logs WHERE name = 'go')").run(bundle);
      } finally {
        db.close();
      }
      const flipped = await runCliIn(dataDir, ['audit', 'go', '--json']);
      expect(flipped.status, describeCli(flipped)).toBe(1);
      const problems = (parseJsonOutput<{ error: { details: { problems: Array<{ code: string; index: number | null }> } } }>(flipped)).error.details.problems;
      expect(problems).toContainEqual(expect.objectContaining({ code: 'entry_altered', index: 1000 }));
    });
  });
});
