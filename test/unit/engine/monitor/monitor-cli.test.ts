/** `provwb monitor …` as scripts run it: the built CLI in a child process, one test per exit code. */
import { afterEach, describe, expect, it } from 'vitest';
import { describeCli, parseJsonOutput, runCliIn } from '../../../helpers/cli.js';
import { fingerprintOf, mirrorWorkbench, sourceLog, testSigner } from '../../../helpers/remote-fixture.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe('provwb monitor', () => {
  it('exits 5 with --fail-on-alert when a check raises alerts, 0 when nothing is new, 3 and 2 for bad input', { timeout: 120_000 }, async () => {
    const src = sourceLog();
    cleanups.push(src.cleanup);
    const alice = testSigner('ecdsa-p256');
    const entry = await src.add('release.tar.gz', alice);
    src.publish();
    const mirror = mirrorWorkbench(src);
    cleanups.push(mirror.cleanup);
    const dir = mirror.dir;

    const added = await runCliIn(dir, ['monitor', 'add', '--key-fingerprint', fingerprintOf(alice), '--remote', 'src', '--json']);
    expect(added.status, describeCli(added)).toBe(0);
    const check = await runCliIn(dir, ['monitor', 'check', '--fail-on-alert', '--json']);
    expect(check.status, describeCli(check)).toBe(5);
    const out = parseJsonOutput<{ alerts: Array<{ id: number; watch: number; remote: string; logIndex: number; uuid: string }> }>(check);
    expect(out.alerts.map((a) => ({ watch: a.watch, remote: a.remote, logIndex: a.logIndex, uuid: a.uuid }))).toEqual([{ watch: 1, remote: 'src', logIndex: entry.logIndex, uuid: entry.uuid }]);

    const quiet = await runCliIn(dir, ['monitor', 'check', '--fail-on-alert', '--json']);
    expect(quiet.status, describeCli(quiet)).toBe(0);
    expect(parseJsonOutput(quiet).alerts).toEqual([]);

    const ack = await runCliIn(dir, ['monitor', 'ack', String(out.alerts[0]!.id), '--json']);
    expect(ack.status, describeCli(ack)).toBe(0);
    expect(parseJsonOutput(ack).state).toBe('acknowledged');
    const missing = await runCliIn(dir, ['monitor', 'ack', '42', '--json']);
    expect(missing.status, describeCli(missing)).toBe(3);
    expect(parseJsonOutput<{ error: { code: string } }>(missing).error.code).toBe('alert_not_found');
    const twoKeys = await runCliIn(dir, ['monitor', 'add', '--sha256', 'a'.repeat(64), '--email', 'x@example.com']);
    expect(twoKeys.status, describeCli(twoKeys)).toBe(2);
    const listed = parseJsonOutput<{ watches: unknown[]; alerts: unknown[] }>(await runCliIn(dir, ['monitor', 'list', '--json']));
    expect(listed.watches).toHaveLength(1);
    expect(listed.alerts).toEqual([]);
  });
});
