import { afterEach } from 'vitest';

/** Returns a list the test pushes cleanups onto; after each test they run, last pushed first. */
export function cleanupsAfterEach(): Array<() => void | Promise<void>> {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}
