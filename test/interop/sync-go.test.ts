/**
 * Mirroring real-format logs served by Go's reference code: the Go checksum database (sumdb-server,
 * growing and equivocating) and C2SP tlog-tiles logs (c2sp-write + c2sp-serve, Tessera's testdata),
 * each mirror's root checked against gotlog verify-tiles on the same server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../shared/encoding/index.js';
import { nodeHasher } from '../../electron/engine/crypto/index.js';
import { addRemote } from '../../electron/engine/remote/remotes.js';
import { syncRemote } from '../../electron/engine/sync/index.js';
import { cliJson, runCliIn, parseJsonOutput, describeCli } from '../helpers/cli.js';
import { requireGotlog, runGotlog, describeGotlog } from '../helpers/gotlog.js';
import { startGotlogServer, type GotlogServer } from '../helpers/gotlog-server.js';
import { tempDir, tempWorkbench } from '../helpers/temp-workbench.js';
import { sharedRoot } from '../helpers/testdata.js';
import { cleanupsAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupsAfterEach();

function workbench() {
  const wb = tempWorkbench('provwb.test/mirror');
  cleanups.push(wb.cleanup);
  return wb;
}

async function server(binary: string, command: 'sumdb-server' | 'c2sp-serve', args: string[]): Promise<GotlogServer> {
  const s = await startGotlogServer(binary, command, args);
  cleanups.push(() => s.stop());
  return s;
}

describe('sync a Go checksum database (gotlog sumdb-server)', () => {
  it('mirrors 50 000+ records while the log grows, each checkpoint consistent, root equal to Go verify-tiles', { timeout: 240_000 }, async (ctx) => {
    const gotlog = requireGotlog(ctx);
    const sumdb = await server(gotlog, 'sumdb-server', ['-n', '50000', '-seed', 'grow', '-name', 'sum.grow.test', '-grow', '2500', '-every', '400ms', '-max-size', '60000']);
    const { workbench: wb } = workbench();
    addRemote(wb.store, nodeHasher, { name: 'gosum', type: 'sumdb', url: sumdb.url, key: sumdb.vkey! }, 0);
    const sizes: number[] = [];
    // The server grows by 2 500 every 400 ms up to 60 000; sync until it has stopped (bounded by time, not count).
    const deadline = Date.now() + 120_000;
    while (sizes.at(-1) !== 60000 && Date.now() < deadline) {
      const result = await syncRemote(wb, 'gosum');
      expect(result.verified).toBe(true);
      sizes.push(result.treeSize);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(sizes[0]).toBeGreaterThanOrEqual(50000);
    expect(sizes.at(-1)).toBe(60000);
    expect(new Set(sizes).size).toBeGreaterThan(1); // it really grew between syncs
    const go = await runGotlog(gotlog, ['verify-tiles', '-url', sumdb.url, '-vkey', sumdb.vkey!]);
    expect(go.status, describeGotlog(go)).toBe(0);
    expect(go.json!.size).toBe(60000);
    const mirror = wb.store.logByName('gosum')!;
    expect(toHex(mirror.rootHash)).toBe(go.json!.rootHex);
    expect(wb.store.checkpoints(mirror.id).filter((c) => c.source === 'fetched').length).toBe(new Set(sizes).size);
    // Every record is stored exactly as served: the leaf of record 12345 is SHA-256(0x00 ‖ its text).
    const [entry] = wb.store.entries(mirror.id, 12345, 12346);
    expect(new TextDecoder().decode(entry!.body)).toMatch(/^example\.com\/mod12345 v1\.0\.12345 h1:.*\nexample\.com\/mod12345 v1\.0\.12345\/go\.mod h1:.*\n$/);
  });

  it('an equivocating server makes sync exit 4 with evidence that verify evidence accepts with only the key', { timeout: 120_000 }, async (ctx) => {
    const gotlog = requireGotlog(ctx);
    const sumdb = await server(gotlog, 'sumdb-server', ['-n', '1000', '-seed', 'eq', '-name', 'sum.eq.test', '-equivocate', '-fork-at', '900', '-fork-after', '1']);
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    await cliJson(dir, ['init', '--origin', 'provwb.test/watcher']);
    await cliJson(dir, ['remote', 'add', 'gosum', '--type', 'sumdb', '--url', sumdb.url, '--vkey', sumdb.vkey!]);
    const first = await cliJson<{ treeSize: number; rootHash: string }>(dir, ['sync', 'gosum']);
    expect(first.treeSize).toBe(1000);
    const second = await runCliIn(dir, ['sync', 'gosum', '--json']);
    expect(second.status, describeCli(second)).toBe(4);
    const error = (parseJsonOutput(second) as { error: { code: string; details: { evidenceFile: string } } }).error;
    expect(error.code).toBe('fork_detected');
    const evidenceFile = error.details.evidenceFile;
    const verdict = await cliJson<{ ok: boolean; size: number; roots: string[] }>(dir, ['verify', 'evidence', evidenceFile, '--vkey', sumdb.vkey!]);
    expect(verdict.ok).toBe(true);
    expect(verdict.size).toBe(1000);
    expect(verdict.roots[0]).toBe(first.rootHash);
    expect(verdict.roots[1]).not.toBe(first.rootHash);
    // The mirror kept what it had verified; the conflicting checkpoint is kept only as evidence.
    const list = await cliJson<{ remotes: Array<{ treeSize: number; rootHash: string }> }>(dir, ['remote', 'list']);
    expect(list.remotes[0]).toMatchObject({ treeSize: 1000, rootHash: first.rootHash });
    // Another key, or a tampered document, proves nothing.
    const otherKey = (await runGotlog(gotlog, ['keygen', '-name', 'sum.eq.test', '-seed', 'other'])).json!.vkey as string;
    expect((await runCliIn(dir, ['verify', 'evidence', evidenceFile, '--vkey', otherKey])).status).toBe(1);
    const doc = JSON.parse(readFileSync(evidenceFile, 'utf8'));
    const tampered = path.join(dir, 'tampered.json');
    doc.newer.checkpoint = doc.older.checkpoint;
    await import('node:fs').then((fs) => fs.writeFileSync(tampered, JSON.stringify(doc)));
    const rejected = await runCliIn(dir, ['verify', 'evidence', tampered, '--vkey', sumdb.vkey!, '--json']);
    expect(rejected.status, describeCli(rejected)).toBe(1);
    // Syncing again reports the fork again (exit 4), it never adopts the fork.
    expect((await runCliIn(dir, ['sync', 'gosum'])).status).toBe(4);
  });
});

describe('sync C2SP tlog-tiles logs', () => {
  it('mirrors a 1 M-leaf log from gotlog c2sp-serve in two steps; the root equals Go verify-tiles', { timeout: 300_000 }, async (ctx) => {
    const gotlog = requireGotlog(ctx);
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const written = await runGotlog(gotlog, ['c2sp-write', '-n', '1000000', '-seed', 'big', '-name', 'big.c2sp.test', '-dir', dir]);
    expect(written.status, describeGotlog(written)).toBe(0);
    const serve = await server(gotlog, 'c2sp-serve', ['-dir', dir]);
    const { workbench: wb } = workbench();
    addRemote(wb.store, nodeHasher, { name: 'big', type: 'tiles', url: serve.url, key: written.json!.vkey as string }, 0);
    const part = await syncRemote(wb, 'big', { toSize: 300_001 });
    expect(part.treeSize).toBe(300_001);
    const full = await syncRemote(wb, 'big');
    expect(full).toMatchObject({ treeSize: 1_000_000, fetched: 1_000_000 - 1171 * 256, verified: true });
    const go = await runGotlog(gotlog, ['verify-tiles', '-layout', 'c2sp', '-url', serve.url, '-vkey', written.json!.vkey as string, '-entries']);
    expect(go.status, describeGotlog(go)).toBe(0);
    expect(full.rootHash).toBe(go.json!.rootHex);
    expect(full.rootHash).toBe(written.json!.rootHex);
  });

  it("mirrors Tessera's testdata log from a file:// directory", async () => {
    const logs = JSON.parse(readFileSync(path.join(sharedRoot, 'testdata/tlog-tiles/logs.json'), 'utf8')) as { logs: Array<{ dir: string; verifierKey: string; origin: string }> };
    const tessera = logs.logs.find((l) => l.dir === 'tessera-log')!;
    const { workbench: wb } = workbench();
    const url = pathToFileURL(path.join(sharedRoot, 'testdata/tlog-tiles/tessera-log')).href;
    addRemote(wb.store, nodeHasher, { name: 'tessera', type: 'tiles', url, key: tessera.verifierKey }, 0);
    const result = await syncRemote(wb, 'tessera');
    expect(result.treeSize).toBe(15);
    expect(Buffer.from(result.rootHash, 'hex').toString('base64')).toBe('rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=');
    const mirror = wb.store.logByName('tessera')!;
    expect(wb.store.entryBodies(mirror.id, 0, 15).map((b) => new TextDecoder().decode(b)).join(' ')).toBe('one two three four five six seven eit nain ten ileven twelf threeten fourten fivten');
    expect((await syncRemote(wb, 'tessera')).upToDate).toBe(true);
  });
});
