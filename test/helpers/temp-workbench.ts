import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initWorkbench, openWorkbench, type Workbench } from '../../electron/engine/open-workbench.js';
import type { Clock } from '../../electron/engine/log/index.js';

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private ms = 1_767_225_600_000) {}
  nowMs(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Returns a fresh temporary folder; `cleanup` removes it. */
export function tempDir(prefix = 'provwb-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Returns an initialised, opened workbench in a temporary folder. */
export function tempWorkbench(origin = 'provwb.test/log'): { workbench: Workbench; dir: string; clock: FakeClock; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const clock = new FakeClock();
  initWorkbench({ dataDir: dir, origin, clock });
  const workbench = openWorkbench({ dataDir: dir, clock });
  return {
    workbench,
    dir,
    clock,
    cleanup: () => {
      workbench.close();
      cleanup();
    },
  };
}

/** Returns `count` distinct entries `entry <i>` starting at `start`. */
export function sampleEntries(count: number, start = 0): Array<{ body: Uint8Array }> {
  return Array.from({ length: count }, (_, i) => ({ body: new TextEncoder().encode(`entry ${start + i}`) }));
}
