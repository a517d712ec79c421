/**
 * Long-running UI operations (sync, audit) as tasks: started by one call that answers at once,
 * reporting `task-progress` events (done/total, rate, ETA) and one `task-finished`, their result or
 * error kept for `tasks.get`. A second task of the same kind for the same subject is refused while
 * one runs (two syncs of one mirror would race for its tree head).
 */

import { randomBytes } from 'node:crypto';
import { ConflictError, InputError, NotFoundError, errorToData, type TaskDto, type WorkbenchApi, type WorkbenchEvents } from '../../shared/api/index.js';

type Kind = TaskDto['kind'];
type ResultOf<K extends Kind> = NonNullable<Extract<TaskDto, { kind: K }>['result']>;

export interface TaskContext {
  /** Aborted by `tasks.cancel`; the task stops at its next safe point. */
  readonly signal: AbortSignal;
  progress(label: string, done: number, total: number): void;
}

export interface TaskRegistry {
  /** Starts `run` as a task and returns it (state running). ConflictError `task_running` when one runs for the subject. */
  start<K extends Kind>(kind: K, subject: string, run: (ctx: TaskContext) => Promise<ResultOf<K>>, options: { readonly cancellable: boolean }): Extract<TaskDto, { kind: K }>;
  get(id: string): TaskDto;
  /** Requests the stop; InputError `task_not_cancellable` for tasks that cannot stop halfway. */
  cancel(id: string): TaskDto;
  /** Running tasks first, then finished ones, newest first. */
  list(): TaskDto[];
  /** The id of the running task of `kind` for `subject`, or null. */
  runningFor(kind: Kind, subject: string): string | null;
}

export interface TaskRegistryOptions {
  readonly nowMs: () => number;
  readonly emit: <E extends 'task-progress' | 'task-finished'>(event: E, payload: WorkbenchEvents[E]) => void;
  /** Finished tasks kept for `tasks.get` (the oldest are forgotten). */
  readonly keepFinished?: number;
}

interface Entry {
  dto: TaskDto;
  readonly controller: AbortController;
  readonly cancellable: boolean;
}

/** Returns an empty registry. */
export function createTaskRegistry(options: TaskRegistryOptions): TaskRegistry {
  const keep = options.keepFinished ?? 20;
  const tasks = new Map<string, Entry>();

  function entryOf(id: string): Entry {
    const entry = tasks.get(id);
    if (!entry) throw new NotFoundError('task_not_found', `no task ${id} (finished tasks are kept until ${keep} newer ones finished, and not across restarts)`, { id });
    return entry;
  }

  function forgetOld(): void {
    const finished = [...tasks.values()].filter((t) => t.dto.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - keep))) tasks.delete(old.dto.id);
  }

  function finish(entry: Entry, change: Partial<Pick<TaskDto, 'state' | 'error'>> & { result?: unknown }): void {
    entry.dto = { ...entry.dto, ...change, finishedAtMs: options.nowMs() } as TaskDto;
    forgetOld();
    options.emit('task-finished', { task: entry.dto.id, kind: entry.dto.kind, subject: entry.dto.subject, state: entry.dto.state });
  }

  return {
    start(kind, subject, run, { cancellable }) {
      const running = this.runningFor(kind, subject);
      if (running) {
        throw new ConflictError('task_running', `a ${kind} of ${subject} is already running (task ${running})`, { task: running, subject }, { hint: 'wait for it to finish, or cancel it' });
      }
      const id = `${kind}-${randomBytes(8).toString('hex')}`;
      const startedAtMs = options.nowMs();
      const controller = new AbortController();
      const entry: Entry = {
        dto: { id, kind, subject, state: 'running', startedAtMs, finishedAtMs: null, progress: null, error: null, result: null } as TaskDto,
        controller,
        cancellable,
      };
      tasks.set(id, entry);
      const ctx: TaskContext = {
        signal: controller.signal,
        progress(label, done, total) {
          if (entry.dto.state !== 'running') return;
          const elapsedSec = (options.nowMs() - startedAtMs) / 1000;
          const ratePerSec = elapsedSec > 0 && done > 0 ? done / elapsedSec : 0;
          const etaSec = ratePerSec > 0 ? Math.max(0, (total - done) / ratePerSec) : null;
          const progress = { label, done, total, ratePerSec, etaSec };
          entry.dto = { ...entry.dto, progress };
          options.emit('task-progress', { task: id, ...progress });
        },
      };
      // Started on the next turn, so the caller has the task before its first event.
      setImmediate(() => {
        run(ctx).then(
          (result) => finish(entry, { state: 'done', result }),
          (error: unknown) => {
            const cancelled = controller.signal.aborted && (error as { code?: unknown } | null)?.code === `${kind}_cancelled`;
            finish(entry, { state: cancelled ? 'cancelled' : 'failed', error: errorToData(error) });
          },
        );
      });
      return entry.dto as Extract<TaskDto, { kind: typeof kind }>;
    },

    get: (id) => entryOf(id).dto,

    cancel(id) {
      const entry = entryOf(id);
      if (!entry.cancellable) throw new InputError('task_not_cancellable', `a ${entry.dto.kind} cannot be stopped halfway; it only reads, and ends by itself`, { id });
      if (entry.dto.state === 'running') entry.controller.abort();
      return entry.dto;
    },

    list() {
      const running = (t: TaskDto) => Number(t.state === 'running');
      return [...tasks.values()].map((t) => t.dto).sort((a, b) => running(b) - running(a) || b.startedAtMs - a.startedAtMs);
    },

    runningFor(kind, subject) {
      for (const t of tasks.values()) if (t.dto.kind === kind && t.dto.subject === subject && t.dto.state === 'running') return t.dto.id;
      return null;
    },
  };
}

/** Returns WorkbenchApi's `tasks` group over a registry. */
export function createTaskOperations(registry: TaskRegistry): WorkbenchApi['tasks'] {
  return {
    list: async () => ({ tasks: registry.list() }),
    get: async (input) => registry.get(input.id),
    cancel: async (input) => registry.cancel(input.id),
  };
}
