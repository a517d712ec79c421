/**
 * e2e fixtures: `workbench` seeds a data dir (derived from the test's id) through the engine API and
 * runs `provwb ui --no-open --addr 127.0.0.1:0` on it; `app` opens the URL it printed. Both stop and
 * clean up after the test. `shot` keeps a named screenshot in test-results/e2e/screenshots/; `scratch` is a temp folder.
 */

import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedBig, seedStandard, tamperEntryBody, type SeedInfo } from './support/seed.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e', 'screenshots');
const LAUNCHER = path.join(ROOT, 'bin', 'provwb.js');
export const BIG_SIZE = 1_000_000;

export type SeedName = 'standard' | 'tampered' | 'empty' | 'big';

export interface RunningWorkbench {
  /** The URL `provwb ui` printed, token included. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** Present for the standard and tampered seeds. */
  readonly seed: SeedInfo | undefined;
  /** The indexes whose stored bodies the tampered seed altered. */
  readonly tampered: readonly number[];
  /** Runs `provwb …` on this workbench (another process, as a user in a terminal would). */
  cli(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string };
  /** Stops `provwb ui` (for the engine-gone error state). */
  stop(): Promise<void>;
}

function dataDirFor(testInfo: TestInfo): string {
  const id = createHash('sha256').update(`${testInfo.testId}:${testInfo.retry}:${testInfo.repeatEachIndex}`).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), 'provwb-e2e', id);
}

function cli(dataDir: string, args: readonly string[], input?: string) {
  const result = spawnSync(process.execPath, [LAUNCHER, '--data-dir', dataDir, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function startUi(dataDir: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, [LAUNCHER, '--data-dir', dataDir, 'ui', '--no-open', '--addr', '127.0.0.1:0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provwb ui printed no URL in 20 s:\n${output}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provwb ui exited with ${code}:\n${output}`));
    });
  });
  return { child, url, log: () => output };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Saves a named screenshot as an artefact (and attaches it to the report). */
export async function shot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

export const test = base.extend<{ seed: SeedName; workbench: RunningWorkbench; app: Page; scratch: string }, { bigTemplate: () => string }>({
  seed: ['standard', { option: true }],

  // A million-entry log takes ~10 s to build: once per worker, copied for each test that wants it.
  bigTemplate: [
    async ({}, use) => {
      const dir = path.join(os.tmpdir(), 'provwb-e2e', `big-template-${process.pid}`);
      let built = false;
      await use(() => {
        if (!built) {
          rmSync(dir, { recursive: true, force: true });
          seedBig(dir, BIG_SIZE);
          built = true;
        }
        return dir;
      });
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  workbench: async ({ seed, bigTemplate }, use, testInfo) => {
    const dataDir = dataDirFor(testInfo);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(path.dirname(dataDir), { recursive: true });
    let info: SeedInfo | undefined;
    const tampered: number[] = [];
    switch (seed) {
      case 'standard':
        info = await seedStandard(dataDir);
        break;
      case 'tampered': {
        info = await seedStandard(dataDir);
        tamperEntryBody(dataDir, 5, (body) => new TextEncoder().encode(new TextDecoder().decode(body).replace('entry', 'Entry')));
        const typed = info.signed[0]!;
        tamperEntryBody(dataDir, typed.logIndex, (body) => {
          const text = new TextDecoder().decode(body);
          const flipped = typed.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
          return new TextEncoder().encode(text.replace(typed.sha256, flipped));
        });
        tampered.push(5, typed.logIndex);
        break;
      }
      case 'empty':
        cli(dataDir, ['init', '--origin', 'e2e.example/empty']);
        break;
      case 'big':
        cpSync(bigTemplate(), dataDir, { recursive: true });
        break;
    }
    if (!existsSync(dataDir)) throw new Error(`seeding ${seed} made no workbench in ${dataDir}`);
    const ui = await startUi(dataDir);
    const url = new URL(ui.url);
    await use({
      url: ui.url,
      origin: url.origin,
      token: url.hash.replace('#token=', ''),
      dataDir,
      seed: info,
      tampered,
      cli: (args, input) => cli(dataDir, args, input),
      stop: () => stopChild(ui.child),
    });
    await stopChild(ui.child);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('provwb-ui.log', { body: ui.log(), contentType: 'text/plain' });
    rmSync(dataDir, { recursive: true, force: true });
  },

  // A private temp folder for the files a test signs, downloads or imports; removed afterwards.
  scratch: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'provwb-e2e-scratch-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  app: async ({ page, workbench }, use) => {
    await page.goto(workbench.url);
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await use(page);
  },
});

export { expect };
