import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What `PRAGMA integrity_check` said (['ok'] when sound), or why it could not run. */
export type IntegrityResult = { readonly lines: readonly string[] } | { readonly error: string };

/**
 * Starts SQLite's integrity check of the database in `dataDir` on a worker thread and returns its
 * result, or undefined when the compiled worker is not beside this module (sources run by a test
 * runner): the caller then runs the check itself. The check reads every page once (0.15–0.5 s for
 * 130 MB on the 2-core machine), as long as a third of the rest of an audit.
 */
export function startIntegrityCheck(dataDir: string): Promise<IntegrityResult> | undefined {
  const script = new URL('./integrity-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(script))) return undefined;
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { dataDir } });
    let settled = false;
    const settle = (result: IntegrityResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    worker.once('message', (result: IntegrityResult) => settle(result));
    worker.once('error', (error) => settle({ error: error.message }));
    worker.once('exit', (code) => settle({ error: `the integrity check worker exited with code ${code} before answering` }));
  });
}
