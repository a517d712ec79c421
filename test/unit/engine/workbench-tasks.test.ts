import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError, WorkbenchError, type WorkbenchEvents } from '../../../shared/api/index.js';
import { createTaskRegistry, type TaskContext } from '../../../electron/engine/workbench-tasks.js';
import { expectWorkbenchError } from '../../helpers/assertions.js';
import { FakeClock } from '../../helpers/fake-clock.js';

type Emitted = { event: 'task-progress'; payload: WorkbenchEvents['task-progress'] } | { event: 'task-finished'; payload: WorkbenchEvents['task-finished'] };

function registry(keepFinished?: number) {
  const clock = new FakeClock();
  const emitted: Emitted[] = [];
  const tasks = createTaskRegistry({ nowMs: () => clock.nowMs(), emit: (event, payload) => emitted.push({ event, payload } as Emitted), ...(keepFinished ? { keepFinished } : {}) });
  return { clock, emitted, tasks };
}

/** A task body the test drives by hand. */
function controlled() {
  let ctx!: TaskContext;
  let resolve!: (v: never) => void;
  let reject!: (e: unknown) => void;
  const run = (c: TaskContext) => {
    ctx = c;
    return new Promise<never>((res, rej) => ((resolve = res), (reject = rej)));
  };
  const started = () => new Promise<void>((r) => setImmediate(r));
  return { run, started, ctx: () => ctx, resolve: (v: unknown) => resolve(v as never), reject: (e: unknown) => reject(e) };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

describe('createTaskRegistry', () => {
  it('reports progress with a rate and ETA by its clock, then the result once, with task-finished', async () => {
    const { clock, emitted, tasks } = registry();
    const body = controlled();
    const task = tasks.start('audit', 'local', body.run, { cancellable: false });
    expect(task).toMatchObject({ kind: 'audit', subject: 'local', state: 'running', progress: null, result: null });
    await body.started();
    clock.advance(2000);
    body.ctx().progress('Audit local', 500, 2000);
    expect(tasks.get(task.id).progress).toEqual({ label: 'Audit local', done: 500, total: 2000, ratePerSec: 250, etaSec: 6 });
    body.resolve({ ok: true });
    await flush();
    expect(tasks.get(task.id)).toMatchObject({ state: 'done', result: { ok: true }, finishedAtMs: clock.nowMs() });
    expect(emitted.map((e) => e.event)).toEqual(['task-progress', 'task-finished']);
    expect(emitted[1]!.payload).toEqual({ task: task.id, kind: 'audit', subject: 'local', state: 'done' });
  });

  it('refuses a second task of the same kind and subject while one runs, not another subject', async () => {
    const { tasks } = registry();
    const a = controlled();
    tasks.start('sync', 'gosum', a.run, { cancellable: true });
    expectWorkbenchError(() => tasks.start('sync', 'gosum', controlled().run, { cancellable: true }), ConflictError, 'task_running');
    expect(tasks.start('sync', 'other', controlled().run, { cancellable: true }).state).toBe('running');
    await a.started();
    a.resolve({});
    await flush();
    expect(tasks.start('sync', 'gosum', controlled().run, { cancellable: true }).state).toBe('running');
  });

  it('cancel aborts the signal; the task ends cancelled only when it stops with <kind>_cancelled', async () => {
    const { tasks } = registry();
    const body = controlled();
    const task = tasks.start('sync', 'gosum', body.run, { cancellable: true });
    await body.started();
    expect(tasks.cancel(task.id).state).toBe('running');
    expect(body.ctx().signal.aborted).toBe(true);
    body.reject(new WorkbenchError('sync_cancelled', 'stopped'));
    await flush();
    expect(tasks.get(task.id)).toMatchObject({ state: 'cancelled', error: { code: 'sync_cancelled' } });
  });

  it('a task that throws another error fails with its data; a non-WorkbenchError becomes internal_error', async () => {
    const { tasks } = registry();
    const body = controlled();
    const task = tasks.start('sync', 'gosum', body.run, { cancellable: true });
    await body.started();
    body.reject(new TypeError('boom'));
    await flush();
    expect(tasks.get(task.id)).toMatchObject({ state: 'failed', error: { code: 'internal_error', family: 'internal' } });
  });

  it('refuses to cancel an audit, and forgets the oldest finished tasks beyond keepFinished', async () => {
    const { tasks } = registry(2);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = controlled();
      ids.push(tasks.start('audit', `log${i}`, body.run, { cancellable: false }).id);
      await body.started();
      if (i === 0) expectWorkbenchError(() => tasks.cancel(ids[0]!), InputError, 'task_not_cancellable');
      body.resolve({});
      await flush();
    }
    expectWorkbenchError(() => tasks.get(ids[0]!), NotFoundError, 'task_not_found');
    expect(tasks.list().map((t) => t.id).sort()).toEqual([ids[1], ids[2]].sort());
  });
});
