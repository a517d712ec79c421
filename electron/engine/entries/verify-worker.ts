/**
 * A verification worker (worker_threads): runs `prepareEntry` with the built-in kinds for the
 * verify pool, so signature checks use another core. Custom (layout) kinds stay on the main thread,
 * which holds the log they are defined in.
 */

import { parentPort } from 'node:worker_threads';
import { isWorkbenchError } from '../../../shared/api/index.js';
import { BUILTIN_KINDS, layoutEntryKind } from '../types/index.js';
import { prepareEntry } from './add-entry.js';
import { createKindRegistry } from './kind-registry.js';
import type { VerifyReply, VerifyRequest } from './verify-pool.js';

const registry = createKindRegistry([...BUILTIN_KINDS, layoutEntryKind]);

parentPort?.on('message', (request: VerifyRequest) => {
  // Parsed inside the promise: text that is not JSON becomes this request's error, not the worker's death.
  void Promise.resolve()
    .then(() => prepareEntry({ registry, clock: { nowMs: () => request.nowMs } }, JSON.parse(request.proposedJson) as unknown))
    .then(
    (entry) => parentPort!.postMessage({ id: request.id, entry } satisfies VerifyReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: isWorkbenchError(error) ? error.toData() : { family: 'internal', code: 'internal_error', message: error instanceof Error ? error.message : String(error) },
      } satisfies VerifyReply),
  );
});
