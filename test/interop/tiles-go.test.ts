/**
 * Interop with the Go reference tlog-tiles client (gotlog `verify-tiles -layout c2sp`, built on
 * golang.org/x/mod/sumdb/tlog): what `provwb log export-tiles` writes is a C2SP tlog-tiles log that
 * Go authenticates tile by tile against our signed checkpoint, from a directory and over HTTP,
 * and a later export is consistent with an earlier checkpoint (`-prev`).
 */
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { toHex } from '../../shared/encoding/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { cliJson, describeCli, loadBuiltEngine, runCliIn, type BuiltEngine } from '../helpers/cli.js';
import { describeGotlog, requireGotlog, runGotlog, type GotlogResult } from '../helpers/gotlog.js';
import type { Workbench } from '../../electron/engine/open-workbench.js';

/** Workbenches are filled in-process with the same build the spawned `provwb log export-tiles` runs. */
let engine: BuiltEngine;
beforeAll(async () => {
  engine = await loadBuiltEngine();
});

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** Entry i: a few bytes to a few hundred, so bundles hold entries of many lengths (and one empty entry). */
function entryBody(i: number): Uint8Array {
  if (i === 3) return new Uint8Array(0);
  const text = `tiles-go entry ${i} `;
  return new TextEncoder().encode(text.repeat(1 + (i % 13)));
}

function appendUpTo(wb: Workbench, size: number, batch = 5000): void {
  const log = wb.localLog();
  for (let start = log.record().treeSize; start < size; start = log.record().treeSize) {
    const end = Math.min(size, start + batch);
    log.append(Array.from({ length: end - start }, (_, k) => ({ body: entryBody(start + k) })));
  }
}

function newWorkbench(): { wb: Workbench; dir: string } {
  const { dir, cleanup } = tempDir('tiles-go-wb-');
  engine.initWorkbench({ dataDir: dir, origin: 'tiles-go.test/log' });
  const wb = engine.openWorkbench({ dataDir: dir });
  cleanups.push(() => {
    wb.close();
    cleanup();
  });
  return { wb, dir };
}

function newDir(prefix: string): string {
  const { dir, cleanup } = tempDir(prefix);
  cleanups.push(cleanup);
  return dir;
}

/** Runs `provwb log export-tiles OUT --json` against the workbench folder. */
async function exportWithCli(dataDir: string, out: string): Promise<{ treeSize: number; tiles: number; entryBundles: number }> {
  return cliJson(dataDir, ['log', 'export-tiles', out]);
}

/** A static, read-only loopback HTTP server over `root` (404 for anything missing; no listings). */
async function serveDir(root: string): Promise<string> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.join(root, ...relative.split('/'));
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405).end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': relative === 'checkpoint' ? 'text/plain; charset=utf-8' : 'application/octet-stream', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // Keep the request count reachable for assertions.
  servedRequests.set(url, () => requests);
  return url;
}
const servedRequests = new Map<string, () => number>();

async function verifyTiles(ctx: TestContext, vkey: string, where: { dir: string } | { url: string }, extra: string[] = []): Promise<GotlogResult> {
  const gotlog = requireGotlog(ctx);
  const source = 'dir' in where ? ['-dir', where.dir] : ['-url', where.url];
  return runGotlog(gotlog, ['verify-tiles', '-layout', 'c2sp', ...source, '-vkey', vkey, '-entries', ...extra]);
}

function expectVerified(r: GotlogResult, wb: Workbench, size: number): void {
  expect(r.status, describeGotlog(r)).toBe(0);
  const info = wb.info();
  expect(r.json).toMatchObject({ ok: true, layout: 'c2sp', origin: info.origin, keyName: info.origin, size, rootHex: info.rootHash, recordsVerified: size });
}

describe('provwb log export-tiles against Go verify-tiles -layout c2sp', () => {
  describe.each([1, 255, 256, 257, 70_000])('given a log of %i entries', (size) => {
    it('Go authenticates every hash tile and entry bundle of the export against our checkpoint', async (ctx) => {
      requireGotlog(ctx);
      const { wb, dir } = newWorkbench();
      appendUpTo(wb, size);
      const out = path.join(newDir('tiles-go-export-'), 'log');
      const exported = await exportWithCli(dir, out);
      expect(exported.treeSize).toBe(size);
      expect(readFileSync(path.join(out, 'checkpoint'), 'utf8')).toBe(wb.info().checkpoint);

      const r = await verifyTiles(ctx, wb.info().verifierKey, { dir: out });
      expectVerified(r, wb, size);
      expect(r.json!['tilesFetched']).toBe(exported.tiles);
      expect(r.json!['entryBundles']).toBe(exported.entryBundles);
      expect(r.json!['fullTileFallbacks']).toBe(0);
    });
  });

  describe('given the export served over loopback HTTP', () => {
    it('Go verifies it from the URL, entries included', async (ctx) => {
      requireGotlog(ctx);
      const { wb, dir } = newWorkbench();
      appendUpTo(wb, 1000, 333);
      const out = path.join(newDir('tiles-go-http-'), 'log');
      await exportWithCli(dir, out);
      const url = await serveDir(out);
      const r = await verifyTiles(ctx, wb.info().verifierKey, { url });
      expectVerified(r, wb, 1000);
      expect(servedRequests.get(url)!()).toBeGreaterThan(1);
    });
  });

  describe('given a log that grew after an earlier export', () => {
    it('Go finds the new export consistent with the earlier checkpoint (-prev), from a directory and over HTTP', async (ctx) => {
      requireGotlog(ctx);
      const { wb, dir } = newWorkbench();
      const work = newDir('tiles-go-prev-');
      const out = path.join(work, 'log');
      const checkpoints: string[] = [];
      // Grow through a full tile, a level-1 tile and an odd size; re-export over the same folder each time.
      for (const size of [5, 256, 300, 70_001]) {
        appendUpTo(wb, size, 2749);
        await exportWithCli(dir, out);
        const saved = path.join(work, `checkpoint.${size}`);
        copyFileSync(path.join(out, 'checkpoint'), saved);
        checkpoints.push(saved);
      }
      const vkey = wb.info().verifierKey;
      for (const prev of checkpoints) {
        const r = await verifyTiles(ctx, vkey, { dir: out }, ['-prev', prev]);
        expectVerified(r, wb, 70_001);
        if (!prev.endsWith('.70001')) expect(r.json, prev).toMatchObject({ consistentWithPrev: true });
      }
      const url = await serveDir(out);
      const r = await verifyTiles(ctx, vkey, { url }, ['-prev', checkpoints[1]!]);
      expectVerified(r, wb, 70_001);
      expect(r.json).toMatchObject({ consistentWithPrev: true, prev: { size: 256 } });
    });

    it('Go reports a fork (exit 4) for an earlier checkpoint of a diverged copy signed with the same key', async (ctx) => {
      requireGotlog(ctx);
      const { wb, dir } = newWorkbench();
      appendUpTo(wb, 300);
      const vkey = wb.info().verifierKey;
      // A copy of the workbench (same key) that appends something else: a fork signed by our key.
      const forkDir = newDir('tiles-go-fork-');
      wb.close();
      for (const f of ['workbench.db', 'workbench.db-wal', 'workbench.db-shm']) {
        if (existsSync(path.join(dir, f))) copyFileSync(path.join(dir, f), path.join(forkDir, f));
      }
      const forked = await runCliIn(forkDir, ['log', 'append-raw', '--json'], { input: 'ff00ff\n' });
      expect(forked.status, describeCli(forked)).toBe(0);
      const forkCheckpoint = path.join(forkDir, 'checkpoint.301');
      writeFileSync(forkCheckpoint, (await cliJson<{ checkpoint: string }>(forkDir, ['log', 'checkpoint'])).checkpoint);

      const honest = await runCliIn(dir, ['log', 'append-raw', '--json'], { input: '00ff00\n0102\n' });
      expect(honest.status, describeCli(honest)).toBe(0);
      const out = path.join(newDir('tiles-go-honest-'), 'log');
      await exportWithCli(dir, out);
      const r = await verifyTiles(ctx, vkey, { dir: out }, ['-prev', forkCheckpoint]);
      expect(r.status, describeGotlog(r)).toBe(4);
      expect(r.json).toMatchObject({ ok: false, prev: { size: 301 } });
    });
  });

  describe('given an export with one byte flipped', () => {
    it.for([
      ['a level-0 full tile', 'tile/0/000', 100],
      ['a level-0 partial tile', 'tile/0/001.p/44', 32 * 43 + 5],
      ['the level-1 partial tile', 'tile/1/000.p/1', 31],
      ['an entry bundle', 'tile/entries/001.p/44', 7],
    ] as const)('Go rejects the log when %s is altered (exit 1)', async ([, file, offset], ctx) => {
      requireGotlog(ctx);
      const { wb, dir } = newWorkbench();
      appendUpTo(wb, 300);
      const out = path.join(newDir('tiles-go-flip-'), 'log');
      await exportWithCli(dir, out);
      const vkey = wb.info().verifierKey;
      const clean = await verifyTiles(ctx, vkey, { dir: out });
      expectVerified(clean, wb, 300);

      const target = path.join(out, ...file.split('/'));
      const bytes = readFileSync(target);
      expect(offset).toBeLessThan(bytes.length);
      bytes[offset] = bytes[offset]! ^ 0x01;
      writeFileSync(target, bytes);
      const r = await verifyTiles(ctx, vkey, { dir: out });
      expect(r.status, describeGotlog(r)).toBe(1);
      expect(r.json).toMatchObject({ ok: false });
      expect(String(r.json!['error'])).toContain(file);
    });

    it('Go rejects a checkpoint whose root was changed (exit 1)', async (ctx) => {
      requireGotlog(ctx);
      const { wb, dir } = newWorkbench();
      appendUpTo(wb, 10);
      const out = path.join(newDir('tiles-go-cp-'), 'log');
      await exportWithCli(dir, out);
      const checkpointFile = path.join(out, 'checkpoint');
      const lines = readFileSync(checkpointFile, 'utf8').split('\n');
      const root = Buffer.from(lines[2]!, 'base64');
      root[0] = root[0]! ^ 0x80;
      lines[2] = root.toString('base64');
      writeFileSync(checkpointFile, lines.join('\n'));
      const r = await verifyTiles(ctx, wb.info().verifierKey, { dir: out });
      expect(r.status, describeGotlog(r)).toBe(1);
      expect(toHex(root)).not.toBe(wb.info().rootHash);
    });
  });

  describe('given an export folder that does not exist yet', () => {
    it('export-tiles creates it and reports what it wrote', async () => {
      const { wb, dir } = newWorkbench();
      appendUpTo(wb, 513);
      const out = path.join(newDir('tiles-go-nested-'), 'a', 'b', 'c');
      const exported = await exportWithCli(dir, out);
      // 513 = 2 full level-0 tiles + 1 partial, a level-1 partial of width 2, 3 bundles.
      expect(exported).toEqual({ treeSize: 513, tiles: 4, entryBundles: 3 });
      for (const f of ['checkpoint', 'tile/0/000', 'tile/0/001', 'tile/0/002.p/1', 'tile/1/000.p/2', 'tile/entries/000', 'tile/entries/001', 'tile/entries/002.p/1']) {
        expect(existsSync(path.join(out, ...f.split('/'))), f).toBe(true);
      }
    });
  });
});
