/**
 * `provwb monitor check` SIGKILLed at random moments while it records thousands of alerts: after
 * each kill and a final complete run, every matching entry has exactly one alert (none lost behind
 * the cursor, none twice), and what the runs printed never repeats an alert.
 *
 * Random delays come from one seed per run of this file, printed in failure messages; set
 * CRASH_SEED=<n> to replay.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { addWatch } from '../../../../electron/engine/monitor/index.js';
import { openWorkbench } from '../../../../electron/engine/open-workbench.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';
import type { NewEntry } from '../../../../electron/engine/store/index.js';
import { MirrorLog } from '../../../../electron/engine/sync/index.js';
import { assertCliBuilt, provwbBin, runCliIn, describeCli, parseJsonOutput } from '../../../helpers/cli.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';

const SEED = Number(process.env['CRASH_SEED'] ?? randomInt(1, 2 ** 31));
const MATCHES = 20_000;
const KILLS = 8;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/**
 * Runs `monitor check --offline --json` and SIGKILLs it `delayMs` after it committed its first new
 * batch (seen through `storedAlerts`, a reader beside it); resolves with what it printed.
 */
function killedCheck(dataDir: string, storedAlerts: () => number, delayMs: number): Promise<{ status: number | null; stdout: string }> {
  const before = storedAlerts();
  const child = spawn(process.execPath, [provwbBin, '--data-dir', dataDir, 'monitor', 'check', '--offline', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const poll = setInterval(() => {
    if (storedAlerts() === before) return;
    clearInterval(poll);
    setTimeout(() => child.kill('SIGKILL'), delayMs);
  }, 2);
  return new Promise((resolve) =>
    child.on('exit', (status) => {
      clearInterval(poll);
      resolve({ status, stdout });
    }),
  );
}

describe('monitor check killed mid-batch', () => {
  it(`records every match exactly once across ${KILLS} SIGKILLs (seed ${SEED})`, { timeout: 240_000 }, async () => {
    assertCliBuilt();
    const { workbench, dir, cleanup } = tempWorkbench('provwb.test/crash-monitor');
    cleanups.push(cleanup);
    addRemote(workbench.store, nodeHasher, { name: 'm', type: 'rekor-v2', url: 'file:///unused', key: workbench.info().verifierKey }, 0);
    const log = workbench.store.logByName('m')!;
    // Every second entry carries the watched key: 2 × MATCHES entries, appended as sync would after authenticating them.
    const entries: NewEntry[] = Array.from({ length: 2 * MATCHES }, (_, i) => ({
      body: new TextEncoder().encode(`{"entry":${i}}`),
      kind: 'test',
      apiVersion: '0.0.1',
      indexKeys: [{ type: 'email', value: i % 2 === 0 ? 'release@example.com' : `other${i}@example.com` }],
    }));
    const hashes = new Uint8Array(32 * entries.length);
    entries.forEach((e, i) => hashes.set(nodeHasher.hashLeaf(e.body), 32 * i));
    new MirrorLog(workbench.store, log.id, nodeHasher).append(0, entries, hashes);
    addWatch(workbench.store, { email: 'release@example.com' }, 0);
    workbench.close();

    let state = SEED;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 80;
    const reader = openWorkbench({ dataDir: dir });
    const count = reader.store.db.prepare('SELECT count(*) FROM alerts').pluck();
    const storedAlerts = () => count.get() as number;
    const cursor = reader.store.db.prepare('SELECT ifnull(max(next_index), 0) FROM watch_cursors').pluck();
    const printed: number[] = [];
    let killedMidway = 0;
    try {
      for (let k = 0; k < KILLS && storedAlerts() < MATCHES; k++) {
        const run = await killedCheck(dir, storedAlerts, next());
        // Alerts and cursor commit together: exactly the matches below the cursor (every second index) have alerts.
        expect(storedAlerts(), `seed ${SEED}, kill ${k}`).toBe(Math.ceil((cursor.get() as number) / 2));
        if (run.status === 0) printed.push(...parseJsonOutput<{ alerts: Array<{ id: number }> }>({ status: 0, stdout: run.stdout, stderr: '' }).alerts.map((a) => a.id));
        // Killed between its first and last batch: some alerts stored, the rest still to come.
        else if (storedAlerts() < MATCHES) killedMidway++;
      }
    } finally {
      reader.close();
    }
    const last = await runCliIn(dir, ['monitor', 'check', '--offline', '--json']);
    expect(last.status, describeCli(last)).toBe(0);
    printed.push(...parseJsonOutput<{ alerts: Array<{ id: number }> }>(last).alerts.map((a) => a.id));

    const reopened = openWorkbench({ dataDir: dir });
    try {
      const rows = reopened.store.db.prepare('SELECT idx FROM alerts ORDER BY idx').pluck().all() as number[];
      expect(rows.length, `seed ${SEED}, ${killedMidway} runs killed`).toBe(MATCHES);
      expect(rows.every((idx, i) => idx === 2 * i), `seed ${SEED}`).toBe(true);
      expect(new Set(printed).size, `seed ${SEED}`).toBe(printed.length);
      expect(reopened.store.db.prepare('SELECT next_index FROM watch_cursors').pluck().get()).toBe(2 * MATCHES);
    } finally {
      reopened.close();
    }
    expect(killedMidway, `seed ${SEED}: no run was killed mid-scan, the test proved nothing`).toBeGreaterThan(0);
  });
});
