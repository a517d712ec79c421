import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Builds what the e2e tests run: the engine (`tsc -b`, incremental) for `provwb ui`, and the
 * renderer (`vite build` into dist/renderer), so a spec never tests a stale page.
 */
export default function globalSetup(): void {
  const tsc = spawnSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0 && !existsSync(path.join(ROOT, 'dist', 'electron', 'engine', 'cli', 'main.js'))) {
    throw new Error('tsc -b failed and there is no built engine to test');
  }
  const vite = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (vite.status !== 0) throw new Error('vite build of the renderer failed');
}
