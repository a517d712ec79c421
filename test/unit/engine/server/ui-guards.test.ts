import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedOrigins, hasBearerToken, isAllowedFetchSite, isAllowedHost, isAllowedOrigin, startUiHost, type UiHost } from '../../../../electron/engine/server/index.js';
import { createWorkbenchApi } from '../../../../electron/engine/workbench-api.js';
import { tempDir, tempWorkbench } from '../../../helpers/temp-workbench.js';

// Cases ui-host.test.ts does not cover: the guards as tables of hostile values, and over HTTP the
// token carried anywhere but the Authorization header, an opaque `null` Origin, and /api/ paths
// other than calls and events.

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789-_AB';

describe('hasBearerToken', () => {
  it('accepts exactly "Bearer <token>"', () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the bare token', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
    ['a lower-case scheme', `bearer ${TOKEN}`],
    ['two spaces', `Bearer  ${TOKEN}`],
    ['a trailing space', `Bearer ${TOKEN} `],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token and more', `Bearer ${TOKEN}A`],
    ['the token twice', `Bearer ${TOKEN}, Bearer ${TOKEN}`],
    ['an empty token', 'Bearer '],
  ])('refuses %s', (_name, header) => {
    expect(hasBearerToken(header, TOKEN)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  const origins = allowedOrigins('127.0.0.1', 4321);

  it('accepts no Origin (navigation, curl) and the host’s own origins', () => {
    expect(isAllowedOrigin(undefined, origins)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4321', origins)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4321', origins)).toBe(true);
  });

  it.each([
    // Sandboxed iframes, file:// and data: pages send the opaque origin "null".
    'null',
    '',
    'http://127.0.0.1:4322',
    'http://localhost:80',
    'https://127.0.0.1:4321',
    'http://127.0.0.1:4321/',
    'http://LOCALHOST:4321',
    'http://[::1]:4321',
    'http://127.0.0.1.evil.example:4321',
    'http://evil.example',
    'chrome-extension://abcdefghijklmnop',
    'app://workbench',
  ])('refuses Origin %j', (origin) => {
    expect(isAllowedOrigin(origin, origins)).toBe(false);
  });
});

describe('isAllowedHost', () => {
  const origins = allowedOrigins('127.0.0.1', 4321);

  it('accepts the host’s own names, in any case', () => {
    expect(isAllowedHost('127.0.0.1:4321', origins)).toBe(true);
    expect(isAllowedHost('LocalHost:4321', origins)).toBe(true);
  });

  it.each([undefined, '', '127.0.0.1', 'localhost', '127.0.0.1:4322', 'evil.example:4321', '127.0.0.1.evil.example:4321', '127.0.0.1:4321@evil.example', '[::1]:4321'])('refuses Host %j (DNS rebinding)', (host) => {
    expect(isAllowedHost(host, origins)).toBe(false);
  });
});

describe('isAllowedFetchSite', () => {
  it('accepts no header, same-origin and none; refuses same-site and cross-site', () => {
    expect([undefined, 'same-origin', 'none'].map((s) => isAllowedFetchSite(s))).toEqual([true, true, true]);
    expect(['same-site', 'cross-site', ''].map((s) => isAllowedFetchSite(s))).toEqual([false, false, false]);
  });
});

describe('startUiHost access', () => {
  let host: UiHost;
  let cleanups: Array<() => void | Promise<void>> = [];

  beforeAll(async () => {
    const { workbench, cleanup } = tempWorkbench('provwb.test/ui-guards');
    const renderer = tempDir('provwb-renderer-');
    writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><title>guards</title>');
    host = await startUiHost({ api: createWorkbenchApi(workbench, { pollMs: 25 }), rendererDir: renderer.dir });
    cleanups = [() => host.close(), cleanup, renderer.cleanup];
  });

  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  function send(method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; code?: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, method, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, code });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  const json = { 'Content-Type': 'application/json' };

  it('answers a call with the token in the header, from its own origin (the control for the refusals below)', async () => {
    expect((await send('POST', '/api/call/log.info', { ...json, Authorization: `Bearer ${host.token}`, Origin: host.origin }, '{}')).status).toBe(200);
  });

  describe('given the token anywhere but the Authorization header', () => {
    it('answers 401: not from the query string, a cookie or another header', async () => {
      for (const [label, urlPath, headers] of [
        ['query', `/api/call/log.info?token=${host.token}`, json],
        ['query access_token', `/api/call/log.info?access_token=${host.token}`, json],
        ['cookie', '/api/call/log.info', { ...json, Cookie: `token=${host.token}` }],
        ['X-Token header', '/api/call/log.info', { ...json, 'X-Token': host.token }],
        ['fragment-style path', `/api/call/log.info#token=${host.token}`, json],
      ] as const) {
        const answer = await send('POST', urlPath, headers, '{}');
        expect(answer, label).toEqual({ status: 401, code: 'unauthorized' });
      }
    });
  });

  describe('given no token on /api/ paths other than calls', () => {
    it('answers 401 before routing, so nothing about the API shows without the token', async () => {
      for (const [method, urlPath] of [
        ['POST', '/api/upload?name=a.txt'],
        ['GET', '/api/events'],
        ['GET', '/api/call/log.info'],
        ['GET', '/api/nothing-here'],
        ['DELETE', '/api/call/log.info'],
      ] as const) {
        expect(await send(method, urlPath), `${method} ${urlPath}`).toEqual({ status: 401, code: 'unauthorized' });
      }
    });
  });

  describe('given the right token from an opaque or foreign origin', () => {
    it('answers 403 origin_forbidden, for calls and for the event stream', async () => {
      const auth = { Authorization: `Bearer ${host.token}` };
      expect(await send('POST', '/api/call/log.info', { ...json, ...auth, Origin: 'null' }, '{}')).toEqual({ status: 403, code: 'origin_forbidden' });
      expect(await send('GET', '/api/events', { ...auth, Origin: 'http://evil.example' })).toEqual({ status: 403, code: 'origin_forbidden' });
      expect(await send('GET', '/api/events', { ...auth, 'Sec-Fetch-Site': 'cross-site' })).toEqual({ status: 403, code: 'origin_forbidden' });
      expect(await send('POST', '/api/upload?name=a.txt', { ...auth, 'Content-Type': 'application/octet-stream', Origin: `http://localhost:${host.port + 1}` }, 'x')).toEqual({ status: 403, code: 'origin_forbidden' });
    });
  });

  describe('given a foreign Host (DNS rebinding)', () => {
    it('refuses the page itself too, not only the API', async () => {
      expect(await send('GET', '/', { Host: `evil.example:${host.port}` })).toEqual({ status: 403, code: 'host_forbidden' });
      expect((await send('GET', '/')).status).toBe(200);
    });
  });
});
