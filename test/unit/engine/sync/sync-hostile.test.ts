/**
 * A mirror never trusts its remote: tampered entries and tiles, a checkpoint signed by another key,
 * truncated or oversized answers, HTML error pages and servers that hang all fail the sync with a
 * clear error and leave the mirror exactly as it was. And a sync killed at random moments resumes
 * to the remote's root without downloading committed entries again.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/encoding/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';
import { syncRemote } from '../../../../electron/engine/sync/index.js';
import { isWorkbenchError } from '../../../../shared/api/index.js';
import { assertCliBuilt, cliJson, provwbBin } from '../../../helpers/cli.js';
import { buildGotlog, runGotlog } from '../../../helpers/gotlog.js';
import { startStaticLogServer, type StaticLogServer } from '../../../helpers/static-log-server.js';
import { tempDir, tempWorkbench } from '../../../helpers/temp-workbench.js';

const gotlog = buildGotlog();
let logDir: { dir: string; cleanup: () => void };
let otherDir: { dir: string; cleanup: () => void };
let vkey: string;
let rootHex: string;
let server: StaticLogServer;

beforeAll(async () => {
  if (!gotlog.path) return;
  logDir = tempDir();
  otherDir = tempDir();
  const written = await runGotlog(gotlog.path, ['c2sp-write', '-n', '20000', '-seed', 'hostile', '-name', 'hostile.test', '-dir', logDir.dir]);
  vkey = written.json!.vkey as string;
  rootHex = written.json!.rootHex as string;
  // The same origin signed by another key: what an impostor serves.
  await runGotlog(gotlog.path, ['c2sp-write', '-n', '20000', '-seed', 'hostile', '-name', 'hostile.test', '-key-seed', 'impostor', '-dir', otherDir.dir]);
  server = await startStaticLogServer(logDir.dir);
}, 120_000);

afterAll(async () => {
  await server?.close();
  logDir?.cleanup();
  otherDir?.cleanup();
});

/**
 * Syncs 5 000 entries honestly, then the rest while the server misbehaves: the sync must fail with
 * `code`, having committed only authenticated batches before the bad answer (never past `badFrom`),
 * and the same mirror must then reach the honest root — which proves every committed entry was right.
 */
async function expectRefused(hook: Parameters<StaticLogServer['misbehave']>[0], code: string | RegExp, badFrom = 5000, limits = { timeoutMs: 1500 }) {
  const wb = tempWorkbench();
  try {
    addRemote(wb.workbench.store, nodeHasher, { name: 'r', type: 'tiles', url: server.url, key: vkey }, 0);
    await syncRemote(wb.workbench, 'r', { toSize: 5000 });
    const before = wb.workbench.store.logByName('r')!;
    server.misbehave(hook);
    let error: unknown;
    try {
      await syncRemote(wb.workbench, 'r', { limits });
    } catch (e) {
      error = e;
    } finally {
      server.misbehave(undefined);
    }
    expect(isWorkbenchError(error), String(error)).toBe(true);
    expect((error as { code: string }).code).toMatch(code);
    const after = wb.workbench.store.logByName('r')!;
    expect(after.treeSize).toBeGreaterThanOrEqual(before.treeSize);
    expect(after.treeSize).toBeLessThanOrEqual(badFrom);
    if (badFrom === before.treeSize) expect(toHex(after.rootHash)).toBe(toHex(before.rootHash));
    // The same mirror then syncs the honest log to the end.
    expect((await syncRemote(wb.workbench, 'r')).rootHash).toBe(rootHex);
  } finally {
    wb.cleanup();
  }
}

const flipLastByte = (body: Buffer) => {
  const copy = Buffer.from(body);
  copy[copy.length - 1]! ^= 1;
  return copy;
};

describe.skipIf(!gotlog.path)('hostile remotes never corrupt the mirror', () => {
  it('refuses an entry bundle with one byte changed', () =>
    expectRefused((p, body, res) => p === 'tile/entries/030' && !!res.writeHead(200).end(flipLastByte(body!)), 'entries_invalid', 30 * 256));
  it('refuses a hash tile with one byte changed', () => expectRefused((p, body, res) => p === 'tile/1/000.p/78' && !!res.writeHead(200).end(flipLastByte(body!)), 'tile_invalid'));
  it('refuses a checkpoint signed by another key', async () => {
    const { readFileSync } = await import('node:fs');
    const impostor = readFileSync(`${otherDir.dir}/checkpoint`);
    await expectRefused((p, _b, res) => p === 'checkpoint' && !!res.writeHead(200).end(impostor), /signature|checkpoint|unverified|key/);
  });
  it('refuses a truncated tile', () => expectRefused((p, body, res) => p === 'tile/1/000.p/78' && !!res.writeHead(200).end(body!.subarray(0, 100)), 'tile_malformed'));
  it('refuses a truncated entry bundle', () => expectRefused((p, body, res) => p === 'tile/entries/031' && !!res.writeHead(200).end(body!.subarray(0, body!.length - 7)), 'entry_bundle_malformed', 31 * 256));
  it('refuses an oversized answer without reading it all', () =>
    expectRefused((p, _b, res) => p === 'tile/entries/032' && !!res.writeHead(200).end(Buffer.alloc(20 * 1024 * 1024, 1)), 'remote_error', 32 * 256));
  it('refuses an HTML error page', () => expectRefused((p, _b, res) => p === 'tile/entries/033' && !!res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>'), 'remote_error', 33 * 256));
  it('refuses an HTML page served with status 200', () => expectRefused((p, _b, res) => p === 'tile/entries/034' && !!res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'), 'remote_error', 34 * 256));
  it('gives up on a server that hangs', () => expectRefused((p) => p === 'tile/entries/035', 'remote_error', 35 * 256));
  it('gives up on a server that sends headers then stalls', () => expectRefused((p, _b, res) => p === 'tile/entries/036' && !!res.writeHead(200).write('x'), 'remote_error', 36 * 256));
});

describe.skipIf(!gotlog.path)('resumable sync', () => {
  it('killed with SIGKILL at 20 random moments, reaches the remote root without fetching committed bundles again', { timeout: 300_000 }, async () => {
    assertCliBuilt();
    const { dir, cleanup } = tempDir();
    try {
      await cliJson(dir, ['init', '--origin', 'provwb.test/resume']);
      await cliJson(dir, ['remote', 'add', 'r', '--type', 'tiles', '--url', server.url, '--vkey', vkey]);
      server.requests.clear();
      // Slow each bundle down a little so kills land mid-sync.
      server.misbehave((p, body, res) => {
        if (!p.startsWith('tile/entries/')) return false;
        setTimeout(() => res.writeHead(200).end(body), 3);
        return true;
      });
      let kills = 0;
      for (let i = 0; i < 20; i++) {
        const child = spawn(process.execPath, [provwbBin, 'sync', 'r', '--data-dir', dir, '--parallel', '4'], { stdio: 'ignore' });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        setTimeout(() => child.kill('SIGKILL'), 150 + Math.floor(Math.random() * 900));
        if ((await exited) === null) kills++;
      }
      server.misbehave(undefined);
      const final = await cliJson<{ treeSize: number; rootHash: string }>(dir, ['sync', 'r']);
      expect(final).toMatchObject({ treeSize: 20000, rootHash: rootHex });
      const bundles = [...server.requests].filter(([p]) => p.startsWith('tile/entries/'));
      const refetched = bundles.reduce((n, [, count]) => n + count - 1, 0);
      expect(bundles.length).toBe(Math.ceil(20000 / 256));
      // Each kill may lose the uncommitted batch (4096 entries = 16 bundles) and the 4 downloads in flight.
      expect(refetched).toBeLessThanOrEqual(kills * 20);
      expect(kills).toBeGreaterThan(0);
    } finally {
      server.misbehave(undefined);
      cleanup();
    }
  });
});
