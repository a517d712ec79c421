/**
 * The Remotes, Fork evidence, Audit and tasks operations of WorkbenchApi, against a real source log
 * exported as a C2SP tlog-tiles directory (a file:// remote): sync as a task with progress, refusal
 * of a second sync, cancel and resume, fork evidence re-checked by the renderer's own code, the
 * witness's cosignature in the checkpoint history, and the audit task.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, ForkError, InputError, NotFoundError, type TaskDto, type WorkbenchApi, type WorkbenchEvents } from '../../../shared/api/index.js';
import { exportTiles } from '../../../electron/engine/log/index.js';
import { LOCAL_LOG_NAME } from '../../../electron/engine/open-workbench.js';
import { createWorkbenchApi } from '../../../electron/engine/workbench-api.js';
import { parseForkEvidenceDoc, verifyForkEvidenceDoc } from '../../../renderer/src/verify/verify-fork-evidence.js';
import { verifyCosignatures } from '../../../renderer/src/verify/verify-cosignatures.js';
import { expectRejection } from '../../helpers/assertions.js';
import { forkSourceLog, sourceLog, type SourceLog } from '../../helpers/remote-fixture.js';
import { sampleEntries, tempWorkbench } from '../../helpers/temp-workbench.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function rawSource(count: number): SourceLog {
  const source = sourceLog('provwb.test/raw-source');
  cleanups.push(source.cleanup);
  if (count > 0) source.workbench.localLog().append(sampleEntries(count));
  source.publish();
  return source;
}

function mirrorApi(): { api: WorkbenchApi; dir: string; events: Array<WorkbenchEvents['task-progress']> } {
  const mirror = tempWorkbench('provwb.test/mirror');
  cleanups.push(mirror.cleanup);
  const api = createWorkbenchApi(mirror.workbench);
  const events: Array<WorkbenchEvents['task-progress']> = [];
  cleanups.push(api.on('task-progress', (p) => events.push(p)));
  return { api, dir: mirror.dir, events };
}

/** Starts a task and resolves with it once `task-finished` named it. */
async function finished(api: WorkbenchApi, start: () => Promise<TaskDto>): Promise<TaskDto> {
  let done!: (id: string) => void;
  const ended = new Promise<string>((resolve) => (done = resolve));
  const off = api.on('task-finished', (e) => done(e.task));
  try {
    const task = await start();
    expect(task.state).toBe('running');
    while ((await ended) !== task.id);
    return await api.tasks.get({ id: task.id });
  } finally {
    off();
  }
}

describe('remotes.add', () => {
  it('registers a tiles remote and lists it unsynced', async () => {
    const source = rawSource(3);
    const { api } = mirrorApi();
    const added = await api.remotes.add({ name: 'src', type: 'tiles', url: source.url, key: source.vkey });
    expect(added).toMatchObject({ name: 'src', type: 'tiles', treeSize: 0, latestCheckpoint: null, forkIds: [], syncTask: null, origin: 'provwb.test/raw-source' });
    expect((await api.remotes.list()).remotes.map((r) => r.name)).toEqual(['src']);
  });

  it('given a key that is neither a vkey nor PEM, throws key_invalid and stores nothing', async () => {
    const source = rawSource(1);
    const { api } = mirrorApi();
    await expectRejection(api.remotes.add({ name: 'src', type: 'tiles', url: source.url, key: 'not a key' }), InputError, 'key_invalid');
    expect((await api.remotes.list()).remotes).toEqual([]);
  });
});

describe('remotes.sync', () => {
  it('runs as a task: progress events, then the verified result; a second sync meanwhile is refused', async () => {
    const source = rawSource(10_000);
    const { api, events } = mirrorApi();
    await api.remotes.add({ name: 'src', type: 'tiles', url: source.url, key: source.vkey });
    const task = await finished(api, async () => {
      const started = await api.remotes.sync({ name: 'src' });
      await expectRejection(api.remotes.sync({ name: 'src' }), ConflictError, 'task_running');
      expect((await api.remotes.list()).remotes[0]!.syncTask).toBe(started.id);
      return started;
    });
    expect(task).toMatchObject({ kind: 'sync', state: 'done', error: null, result: { remote: 'src', treeSize: 10_000, fetched: 10_000, checkpointSize: 10_000, upToDate: false } });
    const mine = events.filter((e) => e.task === task.id);
    expect(mine.map((e) => e.done)).toEqual([4096, 8192, 10_000]);
    expect(mine.every((e) => e.total === 10_000 && e.label === 'Sync src')).toBe(true);
    const remote = (await api.remotes.list()).remotes[0]!;
    expect(remote).toMatchObject({ treeSize: 10_000, syncTask: null, latestCheckpoint: { treeSize: 10_000, source: 'fetched' } });
  });

  it('cancelled after its first batch keeps what it committed, and a second sync resumes from there', async () => {
    const source = rawSource(10_000);
    const { api } = mirrorApi();
    await api.remotes.add({ name: 'src', type: 'tiles', url: source.url, key: source.vkey });
    let cancelled = false;
    const off = api.on('task-progress', (p) => {
      if (!cancelled) {
        cancelled = true;
        void api.tasks.cancel({ id: p.task });
      }
    });
    const first = await finished(api, () => api.remotes.sync({ name: 'src' }));
    off();
    expect(first.state).toBe('cancelled');
    expect(first.error?.code).toBe('sync_cancelled');
    const kept = (await api.remotes.list()).remotes[0]!.treeSize;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10_000);
    const second = await finished(api, () => api.remotes.sync({ name: 'src' }));
    expect(second).toMatchObject({ state: 'done', result: { treeSize: 10_000, fetched: 10_000 - kept } });
  });

  it('given an unknown remote, throws remote_not_found and starts nothing', async () => {
    const { api } = mirrorApi();
    await expectRejection(api.remotes.sync({ name: 'nope' }), NotFoundError, 'remote_not_found');
    expect((await api.tasks.list()).tasks).toEqual([]);
  });
});

describe('forks', () => {
  it('a log that rewrote its history fails the next sync with fork_detected; the evidence proves it in the engine and in the page', async () => {
    const source = rawSource(40);
    const { api } = mirrorApi();
    await api.remotes.add({ name: 'src', type: 'tiles', url: source.url, key: source.vkey });
    expect((await finished(api, () => api.remotes.sync({ name: 'src' }))).state).toBe('done');
    // Same key, same first 40 entries, then a different 41st: served from the same place.
    const fork = forkSourceLog(source);
    cleanups.push(fork.cleanup);
    fork.workbench.localLog().append([{ body: new TextEncoder().encode('the other 40') }]);
    source.workbench.localLog().append([{ body: new TextEncoder().encode('the real 40') }]);
    source.publish();
    expect((await finished(api, () => api.remotes.sync({ name: 'src' }))).state).toBe('done');
    rmSync(source.tilesDir, { recursive: true, force: true });
    fork.workbench.localLog().append(sampleEntries(5, 41));
    exportTiles(fork.workbench.store, LOCAL_LOG_NAME, source.tilesDir);
    const failed = await finished(api, () => api.remotes.sync({ name: 'src' }));
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'fork_detected', family: 'fork' } });
    const forkId = failed.error!.details!.forkId as number;

    const listed = await api.forks.list();
    expect(listed.forks).toEqual([expect.objectContaining({ id: forkId, remote: 'src', olderSize: 41, newerSize: 46 })]);
    const detail = await api.forks.get({ id: forkId });
    expect(detail.verdict).toMatchObject({ ok: true, size: 41 });
    expect(detail.fileName).toBe(`src-fork-${forkId}.json`);
    expect((await api.remotes.list()).remotes[0]).toMatchObject({ forkIds: [forkId], treeSize: 41 });

    const doc = parseForkEvidenceDoc(detail.evidenceJson);
    if (typeof doc === 'string') throw new Error(doc);
    const page = verifyForkEvidenceDoc(doc, detail.verifierKeys);
    expect(page.verdict.status).toBe('pass');
    expect(page.olderRootPerNewer).toBe(detail.verdict!.roots[1]);
    expect(page.verdict.checks.map((c) => [c.id, c.status])).toEqual([['older-signature', 'pass'], ['newer-signature', 'pass'], ['proof', 'pass'], ['fork', 'pass']]);
    // The page's verdict is its own: a document whose proof was altered, or another key, proves nothing.
    const altered = { ...doc, proof: { ...doc.proof!, olderRootPerNewer: doc.proof!.hashes[0]! } };
    expect(verifyForkEvidenceDoc(altered, detail.verifierKeys).verdict.status).toBe('fail');
    const other = sourceLog('provwb.test/raw-source');
    cleanups.push(other.cleanup);
    expect(verifyForkEvidenceDoc(doc, [other.vkey]).verdict.checks[0]!.status).toBe('fail');
    expect(parseForkEvidenceDoc('{"type":"something else"}')).toMatch(/type/);
    // Cosigning a forked remote is refused.
    await expectRejection(api.remotes.cosign({ name: 'src' }), ForkError, 'remote_forked');
  });

  it('given an unknown fork id, throws fork_not_found', async () => {
    const { api } = mirrorApi();
    await expectRejection(api.forks.get({ id: 99 }), NotFoundError, 'fork_not_found');
  });
});

describe('remotes.checkpoints and remotes.cosign', () => {
  it('lists fetched checkpoints, then the witness cosignature the page verifies with the witness key', async () => {
    const source = rawSource(20);
    const { api } = mirrorApi();
    await api.remotes.add({ name: 'src', type: 'tiles', url: source.url, key: source.vkey });
    await finished(api, () => api.remotes.sync({ name: 'src' }));
    const before = await api.remotes.checkpoints({ name: 'src' });
    expect(before).toMatchObject({ total: 1, witnessKey: null, checkpoints: [{ treeSize: 20, source: 'fetched' }] });
    const cosigned = await api.remotes.cosign({ name: 'src' });
    expect(cosigned.treeSize).toBe(20);
    const after = await api.remotes.checkpoints({ name: 'src' });
    expect(after.witnessKey).toBe(cosigned.witnessKey);
    const stored = after.checkpoints.find((c) => c.source === 'cosigned')!;
    expect(verifyCosignatures(stored.note, [after.witnessKey!])).toEqual([{ name: cosigned.witnessName, keyId: expect.any(String), timestampSec: cosigned.timestampSec }]);
    expect(verifyCosignatures(before.checkpoints[0]!.note, [after.witnessKey!])).toEqual([]);
  });
});

describe('audit.run', () => {
  it('audits a mirror as a task with progress and answers the report', async () => {
    const source = rawSource(600);
    const { api, events } = mirrorApi();
    await api.remotes.add({ name: 'src', type: 'tiles', url: source.url, key: source.vkey });
    await finished(api, () => api.remotes.sync({ name: 'src' }));
    const task = await finished(api, () => api.audit.run({ log: 'src' }));
    expect(task).toMatchObject({ kind: 'audit', subject: 'src', state: 'done', result: { ok: true, log: 'src', treeSize: 600, entriesChecked: 600, problems: [] } });
    expect(events.filter((e) => e.task === task.id).at(-1)).toMatchObject({ done: 600, total: 600, label: 'Audit src' });
    await expectRejection(api.tasks.cancel({ id: task.id }), InputError, 'task_not_cancellable');
  });

  it('given an unknown log, throws log_not_found', async () => {
    const { api } = mirrorApi();
    await expectRejection(api.audit.run({ log: 'nope' }), NotFoundError, 'log_not_found');
  });
});
