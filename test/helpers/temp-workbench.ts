import { initWorkbench, openWorkbench, type Workbench } from '../../electron/engine/open-workbench.js';
import { FakeClock } from './fake-clock.js';
import { tempDir } from './temp-dir.js';

export { FakeClock, tempDir };

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
