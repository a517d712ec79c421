import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCRIPT = path.join(root, 'scripts', 'security-scan.mjs');

interface Report {
  readonly files: readonly string[];
  readonly findings: ReadonlyArray<{ id: string; severity: string; file: string }>;
  readonly errors: ReadonlyArray<{ file: string; message: string }>;
}

/** Runs the scan as CI does and returns its exit code, output and JSON report. */
function runScan(inputs: readonly string[], out: string): { status: number | null; stdout: string; stderr: string; report: Report } {
  const child = spawnSync(process.execPath, [SCRIPT, ...inputs.flatMap((i) => ['--input', i]), '--out', out], { cwd: root, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, report: JSON.parse(readFileSync(out, 'utf8')) as Report };
}

const SUMMARY = /^security scan (clean|FAILED): electronegativity, Electron [\d.]+, \d+ files, \d+ checks: \d+ critical, \d+ high, \d+ medium, \d+ low, \d+ informational/;

// Each scan takes about 5 s alone (electronegativity loads its parsers and tries to fetch translations).
describe('scripts/security-scan.mjs', { timeout: 120_000 }, () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function fixture(files: Record<string, string>): { dir: string; out: string } {
    const tmp = tempDir('provwb-scan-');
    cleanup = tmp.cleanup;
    const dir = path.join(tmp.dir, 'app');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return { dir, out: path.join(tmp.dir, 'report.json') };
  }

  describe('given the Electron shell’s own sources', () => {
    it('finds nothing high or critical, parses every file, preload included, and prints one summary line', () => {
      const tmp = tempDir('provwb-scan-');
      cleanup = tmp.cleanup;
      const scan = runScan([path.join(root, 'electron', 'app')], path.join(tmp.dir, 'report.json'));
      expect(scan.status, scan.stdout + scan.stderr).toBe(0);
      expect(scan.stdout.trim().split('\n')).toHaveLength(1);
      expect(scan.stdout).toMatch(SUMMARY);
      expect(scan.stdout).toMatch(/^security scan clean: .* 0 critical, 0 high,/);
      expect(scan.report.files).toEqual(expect.arrayContaining(['electron/app/main.ts', 'electron/app/preload.cts']));
      expect(scan.report.errors).toEqual([]);
    });
  });

  describe('given a window with context isolation off, in a .cjs file', () => {
    it('exits 1 and names the HIGH finding in that file', () => {
      const app = fixture({
        'window.cjs': [
          "const { app, BrowserWindow } = require('electron');",
          'app.whenReady().then(() => {',
          '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
          "  win.loadURL('https://example.com/');",
          '});',
          '',
        ].join('\n'),
      });
      const scan = runScan([app.dir], app.out);
      expect(scan.status).toBe(1);
      expect(scan.stdout).toMatch(/^security scan FAILED: /);
      expect(scan.report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: expect.stringMatching(/window\.cjs$/) })]));
      expect(scan.stderr).toMatch(/^HIGH CONTEXT_ISOLATION_JS_CHECK .*window\.cjs:3:/m);
    });
  });

  describe('given a file the scanner cannot parse', () => {
    it('exits 1: an unparsed file is an unchecked file', () => {
      const app = fixture({
        'main.js': [
          "const { app } = require('electron');",
          "app.on('web-contents-created', (_event, contents) => {",
          "  contents.on('will-navigate', (event) => event.preventDefault());",
          "  contents.setWindowOpenHandler(() => ({ action: 'deny' }));",
          '});',
          '',
        ].join('\n'),
        'broken.js': 'const = ;\n',
      });
      const scan = runScan([app.dir], app.out);
      expect(scan.status).toBe(1);
      expect(scan.stdout).toMatch(/, 1 unparsable/);
      // The failure is the parse error alone: the file that parsed has no HIGH finding.
      expect(scan.report.findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
      expect(scan.report.errors).toEqual([expect.objectContaining({ file: expect.stringMatching(/broken\.js$/) })]);
    });
  });
});
