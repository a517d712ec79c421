/**
 * Go's tlog-tiles client (gotlog `verify-tiles -layout c2sp -entries`, on golang.org/x/mod/sumdb/tlog)
 * verifies what the spawned `provwb serve` answers at /checkpoint and /tile/…, over HTTP, before and
 * after the log grows (with `-prev`: the new tree is consistent with the old checkpoint).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltEngine, runCliIn } from '../helpers/cli.js';
import { describeGotlog, requireGotlog, runGotlog } from '../helpers/gotlog.js';
import { spawnServe, type ServeProcess } from '../helpers/serve.js';
import { tempDir } from '../helpers/temp-dir.js';

/** More than 256² entries, so level-1 tiles include a full one and level 2 has a partial one. */
const FIRST_SIZE = 66_000;

function hexLines(count: number, start: number): string {
  return Array.from({ length: count }, (_, i) => Buffer.from(`tile entry ${start + i}`).toString('hex')).join('\n');
}

describe('provwb serve tiles against Go verify-tiles -layout c2sp', () => {
  let dir: string;
  let cleanup: () => void;
  let serve: ServeProcess;
  let vkey: string;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    const engine = await loadBuiltEngine();
    engine.initWorkbench({ dataDir: dir, origin: 'provwb.test/serve-tiles' });
    const wb = engine.openWorkbench({ dataDir: dir });
    try {
      vkey = wb.info().verifierKey;
      wb.localLog().append(Array.from({ length: FIRST_SIZE }, (_, i) => ({ body: Buffer.from(`tile entry ${i}`) })));
    } finally {
      wb.close();
    }
    serve = await spawnServe(dir);
  });
  afterAll(async () => {
    await serve?.stop();
    cleanup?.();
  });

  it('verifies every hash tile and entry bundle against the signed checkpoint', async (ctx) => {
    const gotlog = requireGotlog(ctx);
    const r = await runGotlog(gotlog, ['verify-tiles', '-layout', 'c2sp', '-url', serve.url, '-vkey', vkey, '-entries']);
    expect(r.status, describeGotlog(r)).toBe(0);
    expect(r.json).toMatchObject({ ok: true, size: FIRST_SIZE, recordsVerified: FIRST_SIZE, origin: 'provwb.test/serve-tiles', fullTileFallbacks: 0 });
    const info = (await (await fetch(`${serve.url}/api/v1/log`)).json()) as { rootHash: string };
    expect(Buffer.from(r.json!.rootHash as string, 'base64').toString('hex')).toBe(info.rootHash);
  });

  it('caches full tiles for a year and never the checkpoint', async () => {
    const full = await fetch(`${serve.url}/tile/1/000`);
    expect(full.status).toBe(200);
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await full.arrayBuffer()).byteLength).toBe(256 * 32);
    expect((await fetch(`${serve.url}/tile/entries/000`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${serve.url}/checkpoint`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('after another process appends, verifies the grown tree and its consistency with the old checkpoint', async (ctx) => {
    const gotlog = requireGotlog(ctx);
    const before = await (await fetch(`${serve.url}/checkpoint`)).text();
    const prev = path.join(dir, 'prev-checkpoint');
    writeFileSync(prev, before);
    const appended = await runCliIn(dir, ['log', 'append-raw', '-'], { input: `${hexLines(300, FIRST_SIZE)}\n` });
    expect(appended.status, appended.stderr).toBe(0);
    const r = await runGotlog(gotlog, ['verify-tiles', '-layout', 'c2sp', '-url', serve.url, '-vkey', vkey, '-entries', '-prev', prev]);
    expect(r.status, describeGotlog(r)).toBe(0);
    expect(r.json).toMatchObject({ ok: true, size: FIRST_SIZE + 300, consistentWithPrev: true });
  });
});
