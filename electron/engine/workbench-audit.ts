/**
 * The Audit view's operation of WorkbenchApi (`audit.run`): `provwb audit NAME|local` as a task, in
 * a worker thread when the compiled worker is there (the app, `provwb ui`), else on this thread
 * (tests running the TypeScript sources).
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NotFoundError, errorFromData, type AuditReportDto, type WorkbenchApi, type WorkbenchErrorData } from '../../shared/api/index.js';
import { auditWorkbench } from './audit/index.js';
import type { Workbench } from './open-workbench.js';
import type { TaskRegistry } from './workbench-tasks.js';

export interface AuditWorkerInput {
  readonly dataDir: string;
  readonly logName: string;
}

export type AuditWorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'report'; readonly report: AuditReportDto }
  | { readonly type: 'error'; readonly error: WorkbenchErrorData };

const WORKER_FILE = fileURLToPath(new URL('./audit-task-worker.js', import.meta.url));

/** Returns the audit report of `logName`, reporting entries rehashed through `onProgress`. */
export function runAudit(input: AuditWorkerInput, onProgress: (done: number, total: number) => void, options: { readonly inThread?: boolean } = {}): Promise<AuditReportDto> {
  if (options.inThread || !existsSync(WORKER_FILE)) {
    return auditWorkbench({ ...input, onProgress: (p) => onProgress(p.done, p.total) });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: input });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: AuditWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.done, message.total);
      else if (message.type === 'report') settle(() => resolve(message.report));
      else settle(() => reject(errorFromData(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the audit worker exited with code ${code} before reporting`))));
  });
}

/** Returns `audit` for createWorkbenchApi. */
export function createAuditOperations(workbench: Workbench, tasks: TaskRegistry): Pick<WorkbenchApi, 'audit'> {
  return {
    audit: {
      async run(input) {
        const log = workbench.store.logByName(input.log);
        if (!log) {
          const names = workbench.store.logs().map((l) => l.name).join(', ');
          throw new NotFoundError('log_not_found', `no log named ${JSON.stringify(input.log)}; logs: ${names}`, { log: input.log });
        }
        return tasks.start('audit', log.name, (ctx) => runAudit({ dataDir: workbench.dataDir, logName: log.name }, (done, total) => ctx.progress(`Audit ${log.name}`, done, total)), { cancellable: false });
      },
    },
  };
}
