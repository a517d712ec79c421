import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError, type WorkbenchApi } from '../../../../shared/api/index.js';
import { parseListenAddress, startUiHost, type UiHost } from '../../../../electron/engine/server/index.js';
import { createWorkbenchApi } from '../../../../electron/engine/workbench-api.js';
import { createArtifactStaging, type ArtifactStaging } from '../../../../electron/engine/workbench-artifacts.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { createHttpApi } from '../../../../renderer/src/api/http-api.js';
import { sampleEntries, tempDir, tempWorkbench } from '../../../helpers/temp-workbench.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  json(): { result?: unknown; error?: { code: string; message: string; details?: Record<string, unknown> } };
}

/** Sends a raw request (node:http, so Host and Origin can be anything a hostile client would send). */
function send(host: UiHost, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A call as the page makes it: POST JSON with the bearer token. */
function call(host: UiHost, method: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify(input);
  return send(host, { method: 'POST', path: `/api/call/${method}`, headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers }, body });
}

/** Wraps an API so tests can see whether the engine was reached. */
function spying(api: WorkbenchApi): { api: WorkbenchApi; calls: string[] } {
  const calls: string[] = [];
  const wrap = <T extends object>(group: string, target: T): T =>
    new Proxy(target, {
      get(t, key, receiver) {
        const value = Reflect.get(t, key, receiver);
        return typeof value === 'function' ? (...args: unknown[]) => (calls.push(`${group}.${String(key)}`), (value as (...a: unknown[]) => unknown).apply(t, args)) : value;
      },
    });
  return { api: { log: wrap('log', api.log), entries: wrap('entries', api.entries), keys: wrap('keys', api.keys), signing: wrap('signing', api.signing), remotes: wrap('remotes', api.remotes), forks: wrap('forks', api.forks), audit: wrap('audit', api.audit), tasks: wrap('tasks', api.tasks), types: wrap('types', api.types), monitor: wrap('monitor', api.monitor), witness: wrap('witness', api.witness), on: api.on }, calls };
}

describe('startUiHost', () => {
  let wb: Workbench;
  let cleanup: () => void;
  let host: UiHost;
  let calls: string[];
  let rendererDir: string;

  beforeEach(async () => {
    ({ workbench: wb, cleanup } = tempWorkbench('provwb.test/ui'));
    wb.localLog().append(sampleEntries(10));
    const renderer = tempDir('provwb-renderer-');
    rendererDir = renderer.dir;
    mkdirSync(path.join(rendererDir, 'assets'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>test page</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(path.join(renderer.dir, '..', 'provwb-secret.txt'), 'outside the renderer');
    const spy = spying(createWorkbenchApi(wb, { pollMs: 25 }));
    calls = spy.calls;
    host = await startUiHost({ api: spy.api, rendererDir, maxBodyBytes: 4096 });
  });

  afterEach(async () => {
    await host.close();
    cleanup();
  });

  describe('given a request without the token', () => {
    it('answers 401 unauthorized as a JSON error and never reaches the engine', async () => {
      const answer = await call(host, 'log.info', {}, { Authorization: '' });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.json().error?.code).toBe('unauthorized');
      const events = await send(host, { path: '/api/events' });
      expect(events.status).toBe(401);
      expect(calls).toEqual([]);
    });
  });

  describe('given a wrong token', () => {
    it('answers 401, for a token of the right length, a longer one and another scheme', async () => {
      const wrong = host.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
      for (const authorization of [`Bearer ${wrong}`, `Bearer ${host.token}x`, `Basic ${host.token}`, `bearer ${host.token}`]) {
        const answer = await call(host, 'log.info', {}, { Authorization: authorization });
        expect(answer.status, authorization).toBe(401);
      }
      expect(calls).toEqual([]);
    });
  });

  describe('given a foreign Origin or Host', () => {
    it('answers 403 even with the right token: no CORS, no DNS rebinding, no other local site', async () => {
      const foreignOrigin = await call(host, 'log.info', {}, { Origin: 'http://evil.example' });
      expect(foreignOrigin.status).toBe(403);
      expect(foreignOrigin.json().error?.code).toBe('origin_forbidden');
      expect(foreignOrigin.headers['access-control-allow-origin']).toBeUndefined();
      const otherPort = await call(host, 'log.info', {}, { Origin: `http://127.0.0.1:${host.port + 1}` });
      expect(otherPort.status).toBe(403);
      const rebinding = await call(host, 'log.info', {}, { Host: `evil.example:${host.port}` });
      expect(rebinding.status).toBe(403);
      expect(rebinding.json().error?.code).toBe('host_forbidden');
      const crossSite = await call(host, 'log.info', {}, { 'Sec-Fetch-Site': 'same-site' });
      expect(crossSite.status).toBe(403);
      const preflight = await send(host, { method: 'OPTIONS', path: '/api/call/log.info', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.status).toBe(403);
      expect(calls).toEqual([]);
    });
  });

  describe('given a body over the limit', () => {
    it('answers 413, whether the length is declared up front or only streamed', async () => {
      const big = JSON.stringify({ start: 0, count: 1, pad: 'x'.repeat(10_000) });
      const declared = await call(host, 'entries.list', JSON.parse(big));
      expect(declared.status).toBe(413);
      expect(declared.json().error?.code).toBe('body_too_large');
      const streamed = await send(host, { method: 'POST', path: '/api/call/entries.list', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, body: big });
      expect(streamed.status).toBe(413);
      expect(calls).toEqual([]);
    });
  });

  describe('given a valid call', () => {
    it('answers the engine result as JSON', async () => {
      const info = await call(host, 'log.info', {});
      expect(info.status).toBe(200);
      const result = info.json().result as { logs: Array<{ name: string; treeSize: number; origin: string }> };
      expect(result.logs).toEqual([expect.objectContaining({ name: 'local', treeSize: 10, origin: 'provwb.test/ui' })]);
      const page = await call(host, 'entries.list', { start: 8, count: 5 });
      expect((page.json().result as { rows: Array<{ logIndex: number; preview: string }> }).rows.map((r) => [r.logIndex, r.preview])).toEqual([
        [8, 'entry 8'],
        [9, 'entry 9'],
      ]);
      expect(calls).toEqual(['log.info', 'entries.list']);
    });
  });

  describe('given invalid input', () => {
    it('answers 400 input_invalid listing every problem with its pointer, before the engine', async () => {
      const answer = await call(host, 'entries.list', { start: -1, count: 5000, colour: 'red' });
      expect(answer.status).toBe(400);
      const error = answer.json().error!;
      expect(error.code).toBe('input_invalid');
      expect((error.details?.problems as Array<{ pointer: string }>).map((p) => p.pointer).sort()).toEqual(['/colour', '/count', '/start']);
      expect((await call(host, 'log.nope', {})).status).toBe(404);
      expect((await call(host, '__proto__', {})).status).toBe(404);
      const notJson = await send(host, { method: 'POST', path: '/api/call/log.info', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: '{oops' });
      expect(notJson.json().error?.code).toBe('json_malformed');
      const form = await send(host, { method: 'POST', path: '/api/call/log.info', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'text/plain' }, body: '{}' });
      expect(form.status).toBe(415);
      expect(calls).toEqual([]);
    });
  });

  describe('given an engine error', () => {
    it('answers its family status and envelope, which the page’s transport rebuilds as the same class', async () => {
      const out = await call(host, 'entries.get', { logIndex: 99 });
      expect(out.status).toBe(400);
      expect(out.json().error?.code).toBe('index_out_of_range');
      const { api } = createHttpApi({ baseUrl: host.origin, token: host.token });
      await expect(api.entries.get({ logIndex: 99 })).rejects.toSatisfy((e: unknown) => e instanceof InputError && e.code === 'index_out_of_range');
      await expect(api.log.checkpoints({ log: 'nope' })).rejects.toSatisfy((e: unknown) => e instanceof NotFoundError && e.code === 'log_not_found');
    });
  });

  describe('the page', () => {
    it('is served without the token, with a strict CSP, and nothing outside the renderer folder is', async () => {
      const page = await send(host, { path: '/' });
      expect(page.status).toBe(200);
      expect(page.body).toContain('test page');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect((await send(host, { path: '/assets/app-1234.js' })).headers['cache-control']).toContain('immutable');
      for (const probe of ['/../provwb-secret.txt', '/%2e%2e/provwb-secret.txt', '/assets/..%2f..%2fprovwb-secret.txt', '/.hidden', '/index.html%00.js']) {
        const answer = await send(host, { path: probe });
        expect(answer.status, probe).toBe(404);
        expect(answer.body).not.toContain('outside the renderer');
      }
    });
  });

  describe('the event stream', () => {
    it('needs the token and reports an append as log-changed', async () => {
      const controller = new AbortController();
      const response = await fetch(`${host.origin}/api/events`, { headers: { Authorization: `Bearer ${host.token}` }, signal: controller.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      await new Promise((r) => setTimeout(r, 50));
      wb.localLog().append(sampleEntries(2, 10));
      let text = '';
      while (!text.includes('event: log-changed')) text += (await reader.read()).value ?? '';
      expect(text).toMatch(/"treeSize":12/);
      controller.abort();
    });
  });
});

describe('startUiHost uploads for signing', () => {
  let wb: Workbench;
  let cleanup: () => void;
  let host: UiHost;
  let staging: ArtifactStaging;
  let stagingRoot: string;

  beforeEach(async () => {
    ({ workbench: wb, cleanup } = tempWorkbench('provwb.test/ui-sign'));
    const renderer = tempDir('provwb-renderer-');
    stagingRoot = tempDir('provwb-staging-').dir;
    staging = createArtifactStaging({ maxBytes: 64 * 1024, tmpDir: stagingRoot });
    host = await startUiHost({ api: createWorkbenchApi(wb, { staging }), staging, rendererDir: renderer.dir });
    await wb.keyring().generate({ type: 'ecdsa-p256', name: 'release', passphrase: 'pw' });
  });

  afterEach(async () => {
    await host.close();
    staging.close();
    cleanup();
  });

  function upload(name: string, body: Buffer, headers: Record<string, string | number> = {}): Promise<Answer> {
    return send(host, { method: 'POST', path: `/api/upload?name=${encodeURIComponent(name)}`, headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length, ...headers }, body });
  }

  function stagedFiles(): string[] {
    return readdirSync(stagingRoot).flatMap((d) => readdirSync(path.join(stagingRoot, d)));
  }

  describe('given a file with the token', () => {
    it('streams it to a private temp file, hashes it, signs it once and releases it', async () => {
      const bytes = randomBytes(40_000);
      const answer = await upload('../../etc/release.tar.gz', bytes);
      expect(answer.status).toBe(200);
      const staged = answer.json().result as { id: string; name: string; sizeBytes: number; sha256: string };
      // Only the base name survives: a page cannot choose where the copy lands or what it is called.
      expect(staged).toMatchObject({ name: 'release.tar.gz', sizeBytes: 40_000, sha256: createHash('sha256').update(bytes).digest('hex') });
      expect(stagedFiles()).toEqual([staged.id]);

      const wrong = await call(host, 'signing.sign', { artifact: staged.id, keyName: 'release', passphrase: 'nope' });
      expect(wrong.status).toBe(422);
      expect(wrong.json().error?.code).toBe('passphrase_incorrect');
      expect(wb.localLog().record().treeSize).toBe(0);

      const signed = await call(host, 'signing.sign', { artifact: staged.id, keyName: 'release', passphrase: 'pw' });
      expect(signed.status).toBe(200);
      const result = signed.json().result as { logIndex: number; kind: string; output: string; outputFileName: string; outputBase64: string };
      expect(result).toMatchObject({ logIndex: 0, kind: 'hashedrekord', output: 'bundle', outputFileName: 'release.tar.gz.sigstore.json' });
      expect(JSON.parse(Buffer.from(result.outputBase64, 'base64').toString('utf8')).mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(stagedFiles()).toEqual([]);
      const again = await call(host, 'signing.sign', { artifact: staged.id, keyName: 'release', passphrase: 'pw' });
      expect(again.json().error?.code).toBe('artifact_not_found');
      expect(wb.localLog().record().treeSize).toBe(1);
    });

    it('refuses a kind the key cannot sign before asking for the passphrase', async () => {
      const staged = (await upload('a.bin', Buffer.from('a'))).json().result as { id: string };
      const answer = await call(host, 'signing.sign', { artifact: staged.id, keyName: 'release', passphrase: 'nope', kind: 'rekord' });
      expect(answer.json().error?.code).toBe('kind_unsupported_for_key');
    });
  });

  describe('given a file over the limit', () => {
    it('answers 413 when declared, an error when only streamed, and keeps no bytes', async () => {
      const declared = await upload('big.bin', Buffer.alloc(10), { 'Content-Length': 10 * 1024 * 1024 });
      expect(declared.status).toBe(413);
      const streamed = await send(host, { method: 'POST', path: '/api/upload?name=big.bin', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' }, body: Buffer.alloc(100 * 1024) });
      expect(streamed.json().error?.code).toBe('artifact_too_large');
      expect(stagedFiles()).toEqual([]);
    });
  });

  describe('given no token, another content type or no name', () => {
    it('refuses the upload before reading it', async () => {
      expect((await upload('a.bin', Buffer.from('a'), { Authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
      expect((await upload('a.bin', Buffer.from('a'), { 'Content-Type': 'text/plain' })).status).toBe(415);
      expect((await send(host, { method: 'POST', path: '/api/upload', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream' }, body: 'a' })).json().error?.code).toBe('artifact_name_invalid');
      expect(stagedFiles()).toEqual([]);
    });
  });
});

describe('parseListenAddress', () => {
  it('accepts loopback addresses only', () => {
    expect(parseListenAddress('127.0.0.1:0')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseListenAddress('localhost:8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseListenAddress('[::1]:0')).toEqual({ host: '::1', port: 0 });
    for (const addr of ['0.0.0.0:0', '192.168.1.2:80', '[::]:0', 'example.com:80']) expect(() => parseListenAddress(addr), addr).toThrow(expect.objectContaining({ code: 'addr_not_loopback' }));
    for (const addr of ['127.0.0.1', '127.0.0.1:99999', ':80']) expect(() => parseListenAddress(addr), addr).toThrow(expect.objectContaining({ code: 'addr_invalid' }));
  });
});
