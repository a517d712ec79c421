import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Returns a fresh temporary folder; `cleanup` removes it. Imports nothing of the engine, so tests
 * of the built CLI and of single engine modules can use it without loading the whole workbench.
 */
export function tempDir(prefix = 'provwb-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
