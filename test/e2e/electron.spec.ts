import { _electron as electron, test as base, expect } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerIpcCall, MAX_IPC_INPUT_BYTES } from '../../electron/app/ipc-call.js';
import { isTrustedSender } from '../../electron/app/trusted-sender.js';
import { parseWindowState } from '../../electron/app/window-state.js';
import { ROOT, shot } from './fixtures.js';
import { seedStandard, type SeedInfo } from './support/seed.js';

/** Returns the Electron binary's path, or why there is none (the npm package installs it by download). */
function electronBinary(): { path: string } | { missing: string } {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'node_modules/electron has no binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline)' };
  const binary = path.join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

const HOSTILE_SENDERS: ReadonlyArray<string | undefined | null> = [
  undefined,
  null,
  '',
  'about:blank',
  'app://workbench',
  'app://evil/index.html',
  'app://workbench.evil.example/index.html',
  'app://workbench@evil.example/index.html',
  'app://user:pass@workbench/index.html',
  'app://workbench:8080/index.html',
  'app://WORKBENCH/index.html',
  'app:workbench/index.html',
  'apps://workbench/index.html',
  'http://workbench/index.html',
  'https://workbench/index.html',
  'http://127.0.0.1:5173/',
  'file:///work/main/dist/renderer/index.html',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://workbench/5f8c7a3e-0000-4000-8000-000000000000',
  'javascript:alert(1)',
  'devtools://devtools/bundled/inspector.html',
  'chrome-extension://abcdefghijklmnop/index.html',
  'chrome://settings',
  'app://workbench\\@evil/',
  ' app://workbench/index.html',
  'not a url',
];

base.describe('electron: pure security checks', () => {
  base('isTrustedSender accepts only app://workbench/ pages', () => {
    for (const url of HOSTILE_SENDERS) expect(isTrustedSender(url), `sender ${JSON.stringify(url)}`).toBe(false);
    for (const url of ['app://workbench/index.html', 'app://workbench/index.html#/explorer?index=4', 'app://workbench/']) expect(isTrustedSender(url), url).toBe(true);
  });

  base('every IPC call is refused before the engine unless sender, method, size and input schema pass', async () => {
    const seen: string[] = [];
    const engine = async (method: string) => {
      seen.push(method);
      return { ok: true as const, result: 'engine answer' };
    };
    const trusted = 'app://workbench/index.html';
    const cases: Array<[string | undefined, unknown, unknown, string]> = [
      ['https://evil.example/', 'log.info', {}, 'sender_untrusted'],
      [undefined, 'log.info', {}, 'sender_untrusted'],
      [trusted, 'log.delete', {}, 'method_unknown'],
      [trusted, '__proto__', {}, 'method_unknown'],
      [trusted, 'entries.list', { start: -1, count: 5000 }, 'input_invalid'],
      [trusted, 'entries.get', { logIndex: 1, uuid: 'ab'.repeat(32) }, 'input_invalid'],
      [trusted, 'entries.search', { email: 'x'.repeat(MAX_IPC_INPUT_BYTES + 1) }, 'input_too_large'],
    ];
    for (const [sender, method, input, code] of cases) {
      const answer = await answerIpcCall(sender, method, input, engine);
      expect(answer, `${String(method)} from ${sender}`).toMatchObject({ ok: false, error: { code } });
    }
    expect(seen).toEqual([]);
    expect(await answerIpcCall(trusted, 'entries.list', { start: 0, count: 10 }, engine)).toEqual({ ok: true, result: 'engine answer' });
    expect(seen).toEqual(['entries.list']);
  });

  base('a saved window state is used only when well-formed and on a screen', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(parseWindowState('{"x":10,"y":20,"width":1200,"height":800,"maximized":false}', screen)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    expect(parseWindowState('{"x":5000,"y":20,"width":1200,"height":800,"maximized":false}', screen)).toBeUndefined();
    expect(parseWindowState('{"x":"1","y":20,"width":1200,"height":800,"maximized":false}', screen)).toBeUndefined();
    expect(parseWindowState('not json', screen)).toBeUndefined();
  });
});

interface DesktopFixture {
  readonly dataDir: string;
  readonly seed: SeedInfo;
}

const test = base.extend<{ desktop: DesktopFixture }>({
  desktop: async ({}, use, testInfo) => {
    const dataDir = path.join(os.tmpdir(), 'provwb-e2e', `electron-${testInfo.testId}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(path.dirname(dataDir), { recursive: true });
    const seed = await seedStandard(dataDir);
    await use({ dataDir, seed });
    rmSync(dataDir, { recursive: true, force: true });
  },
});

const binary = electronBinary();

test.describe('electron: the desktop app', () => {
  test.skip('missing' in binary, `No Electron binary, so the desktop app cannot start here: ${'missing' in binary ? binary.missing : ''}. Install it (node node_modules/electron/install.js, with network) to run this test.`);

  test('opens the hardened window on app:// and shows the verified dashboard', async ({ desktop }, testInfo) => {
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [ROOT, `--data-dir=${desktop.dataDir}`, '--no-sandbox'],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveURL(/^app:\/\/workbench\/index\.html/);
      await expect(page.getByRole('region', { name: 'Log local' }).getByRole('status', { name: 'Checkpoint of local: passed' })).toBeVisible();
      // No Node in the page, only the bridge.
      expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process, Object.keys((globalThis as { workbench?: object }).workbench ?? {}).sort().join(',')])).toEqual(['undefined', 'undefined', 'invoke,subscribe']);
      // No new windows, no navigation away.
      expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
      await page.evaluate(() => (window.location.href = 'https://example.com/'));
      await expect(page).toHaveURL(/^app:\/\/workbench\//);
      await shot(page, testInfo, 'electron-dashboard');
    } finally {
      await app.close();
    }
  });
});
