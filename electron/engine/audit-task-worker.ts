/**
 * Runs one audit in a worker thread (workbench-audit.ts starts it): the audit rehashes every entry
 * synchronously chunk by chunk, which would otherwise hold up the engine's other calls and events.
 * It opens its own read-only connection, as `provwb audit` does.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { errorToData } from '../../shared/api/index.js';
import { auditWorkbench } from './audit/index.js';
import type { AuditWorkerMessage, AuditWorkerInput } from './workbench-audit.js';

const port = parentPort;
if (!port) throw new Error('bug: audit-task-worker.js must run as a worker thread');
const input = workerData as AuditWorkerInput;
const post = (message: AuditWorkerMessage) => port.postMessage(message);

auditWorkbench({ dataDir: input.dataDir, logName: input.logName, onProgress: (p) => post({ type: 'progress', done: p.done, total: p.total }) }).then(
  (report) => post({ type: 'report', report }),
  (error: unknown) => post({ type: 'error', error: errorToData(error) }),
);
