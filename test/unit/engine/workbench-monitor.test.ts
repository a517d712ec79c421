/**
 * The Monitor and witness operations of WorkbenchApi against a real source log exported as a
 * Rekor v2 tiles directory (file://): a check as a task with its alerts, ack and suppress moving
 * `alerts-changed`, the allow-list, the webhook's delivery status from the outbox, the dashboard's
 * per-log alert count and the witness key that verifies the cosignatures `remotes.cosign` adds.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, type TaskDto, type WorkbenchApi, type WorkbenchEvents } from '../../../shared/api/index.js';
import { checkMonitors, setAlertState } from '../../../electron/engine/monitor/index.js';
import { createWorkbenchApi } from '../../../electron/engine/workbench-api.js';
import { verifyCosignatures } from '../../../renderer/src/verify/verify-cosignatures.js';
import { expectRejection } from '../../helpers/assertions.js';
import { fingerprintOf, mirrorWorkbench, sourceLog, testSigner, type SourceLog } from '../../helpers/remote-fixture.js';
import { hashedRekordProposal } from '../../helpers/serve.js';
import { cleanupsAfterEach } from '../../helpers/cleanups.js';

const cleanups = cleanupsAfterEach();

function source(): SourceLog {
  const s = sourceLog();
  cleanups.push(s.cleanup);
  return s;
}

function mirrorApi(src: SourceLog): { api: WorkbenchApi; events: Array<WorkbenchEvents['alerts-changed']> } {
  const mirror = mirrorWorkbench(src, 'src');
  cleanups.push(mirror.cleanup);
  const api = createWorkbenchApi(mirror.workbench, { pollMs: 60_000 });
  const events: Array<WorkbenchEvents['alerts-changed']> = [];
  cleanups.push(api.on('alerts-changed', (e) => events.push(e)));
  return { api, events };
}

async function checked(api: WorkbenchApi): Promise<TaskDto> {
  return finished(api, async () => {
    const task = await api.monitor.check({});
    expect(task).toMatchObject({ kind: 'monitor', state: 'running' });
    return task;
  });
}

/** Starts a task and resolves with it once `task-finished` named it. */
async function finished(api: WorkbenchApi, start: () => Promise<TaskDto>): Promise<TaskDto> {
  let done!: (id: string) => void;
  const ended = new Promise<string>((resolve) => (done = resolve));
  const off = api.on('task-finished', (e) => done(e.task));
  try {
    const task = await start();
    while ((await ended) !== task.id);
    return await api.tasks.get({ id: task.id });
  } finally {
    off();
  }
}

const digestOf = (artifact: string) => (hashedRekordProposal(new TextEncoder().encode(artifact)).spec as { data: { hash: { value: string } } }).data.hash.value;

async function receiver(status: number): Promise<{ url: string; ids: string[] }> {
  const ids: string[] = [];
  const server: Server = createServer((req, res) => {
    ids.push(String(req.headers['x-provwb-alert-id']));
    req.resume();
    req.on('end', () => res.writeHead(status).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, ids };
}

describe('monitor operations', () => {
  describe('given watches on a digest and a key in a synced remote', () => {
    it('check raises each match once as a task; ack and suppress lower the open count', async () => {
      const src = source();
      const alice = testSigner('ecdsa-p256');
      const bob = testSigner('ecdsa-p256');
      const a1 = await src.add('release 1', alice);
      const b1 = await src.add('app.tar.gz', bob);
      src.publish();
      const { api, events } = mirrorApi(src);
      const byKey = await api.monitor.addWatch({ type: 'key_fingerprint', value: fingerprintOf(alice).toUpperCase(), remote: 'src' });
      expect(byKey).toMatchObject({ created: true, watch: { type: 'key_fingerprint', value: fingerprintOf(alice), remote: 'src' } });
      await api.monitor.addWatch({ type: 'sha256', value: digestOf('app.tar.gz') });
      expect((await api.monitor.addWatch({ type: 'sha256', value: digestOf('app.tar.gz') })).created).toBe(false);

      const task = await checked(api);
      expect(task.state).toBe('done');
      const result = task.kind === 'monitor' ? task.result! : undefined;
      expect(result!.synced).toEqual([{ remote: 'src', treeSize: 2, fetched: 2 }]);
      expect(result!.alerts.map((a) => [a.remote, a.logIndex, a.uuid, a.state])).toEqual([
        ['src', a1.logIndex, a1.uuid, 'new'],
        ['src', b1.logIndex, b1.uuid, 'new'],
      ]);
      expect(events.at(-1)).toEqual({ unacknowledged: 2, raised: 2 });
      expect((await api.log.info()).logs.find((l) => l.name === 'src')!.alerts).toBe(2);

      const again = await checked(api);
      expect(again.kind === 'monitor' && again.result!.alerts).toEqual([]);

      const list = await api.monitor.alerts({});
      expect(list.counts).toEqual({ new: 2, acknowledged: 0, suppressed: 0 });
      expect(list.alerts.map((a) => a.logIndex)).toEqual([b1.logIndex, a1.logIndex]);
      const [newest, oldest] = list.alerts;
      expect((await api.monitor.ack({ id: newest!.id })).state).toBe('acknowledged');
      expect(events.at(-1)).toEqual({ unacknowledged: 1, raised: 0 });
      expect((await api.monitor.suppress({ id: oldest!.id })).state).toBe('suppressed');
      expect(events.at(-1)).toEqual({ unacknowledged: 0, raised: 0 });
      expect((await api.monitor.alerts({ state: 'suppressed' })).alerts.map((a) => a.id)).toEqual([oldest!.id]);
      expect((await api.monitor.alerts({ state: 'new' })).alerts).toEqual([]);
      expect((await api.log.info()).logs.find((l) => l.name === 'src')!.alerts).toBe(0);
      await expectRejection(api.monitor.ack({ id: 999 }), NotFoundError, 'alert_not_found');
      expect((await api.monitor.watches()).watches.map((w) => w.checked)).toEqual([[{ remote: 'src', nextIndex: 2 }], [{ remote: 'src', nextIndex: 2 }]]);
    });
  });

  describe('given an allow-listed signer and a webhook', () => {
    it('alerts only on the other key, delivers it, and reports the delivery', async () => {
      const src = source();
      const ours = testSigner('ecdsa-p256');
      const intruder = testSigner('ecdsa-p256');
      await src.add('app-2.0.tar.gz', ours);
      src.publish();
      const { api } = mirrorApi(src);
      await api.monitor.addWatch({ type: 'sha256', value: digestOf('app-2.0.tar.gz'), remote: 'src' });
      expect(await api.monitor.allowSigner({ fingerprint: fingerprintOf(ours) })).toEqual({ fingerprint: fingerprintOf(ours), created: true });
      expect((await api.monitor.signers()).signers).toEqual([fingerprintOf(ours)]);
      const hook = await receiver(204);
      expect(await api.monitor.setWebhook({ url: hook.url })).toEqual({ url: hook.url, pending: 0, delivered: 0, lastAttempt: null });

      const first = await checked(api);
      expect(first.kind === 'monitor' && first.result!.alerts).toEqual([]);
      const bad = await src.add('app-2.0.tar.gz', intruder);
      src.publish();
      const second = await checked(api);
      const alerts = second.kind === 'monitor' ? second.result!.alerts : [];
      expect(alerts.map((a) => a.uuid)).toEqual([bad.uuid]);
      expect(hook.ids).toEqual([String(alerts[0]!.id)]);
      expect(await api.monitor.webhook()).toMatchObject({ url: hook.url, pending: 0, delivered: 1, lastAttempt: { alertId: alerts[0]!.id, ok: true, error: null } });
      expect(await api.monitor.clearWebhook()).toMatchObject({ url: null, pending: 0 });
    });

    it('records a failing receiver as the last attempt, with the alert still pending', async () => {
      const src = source();
      await src.add('lib.so', testSigner('ecdsa-p256'));
      src.publish();
      const { api } = mirrorApi(src);
      await api.monitor.addWatch({ type: 'sha256', value: digestOf('lib.so') });
      const hook = await receiver(503);
      await api.monitor.setWebhook({ url: hook.url });
      // Three tries with 0.5 s and 1 s of backoff: the check takes ~1.5 s.
      await checked(api);
      expect(await api.monitor.webhook()).toMatchObject({ pending: 1, delivered: 0, lastAttempt: { ok: false, error: 'HTTP 503' } });
    });
  });

  describe('given a sync of a watched remote running', () => {
    it('refuses a check with task_running', async () => {
      const src = source();
      await src.add('x', testSigner('ecdsa-p256'));
      src.publish();
      const { api } = mirrorApi(src);
      await api.remotes.sync({ name: 'src' });
      await expectRejection(api.monitor.check({}), ConflictError, 'task_running');
    });
  });
});

describe('alerts-changed', () => {
  it('follows alerts changed behind the API (a CLI check or ack on the same database) by polling', async () => {
    const src = source();
    await src.add('tool.bin', testSigner('ecdsa-p256'));
    src.publish();
    const mirror = mirrorWorkbench(src, 'src');
    cleanups.push(mirror.cleanup);
    const api = createWorkbenchApi(mirror.workbench, { pollMs: 20 });
    const events: Array<WorkbenchEvents['alerts-changed']> = [];
    const next = () => new Promise<WorkbenchEvents['alerts-changed']>((resolve) => {
      const off = api.on('alerts-changed', (e) => {
        off();
        resolve(e);
      });
    });
    cleanups.push(api.on('alerts-changed', (e) => events.push(e)));
    await api.monitor.addWatch({ type: 'sha256', value: digestOf('tool.bin') });
    const raised = next();
    const result = await checkMonitors(mirror.workbench);
    expect(await raised).toEqual({ unacknowledged: 1, raised: 1 });
    const acked = next();
    setAlertState(mirror.workbench.store, result.alerts[0]!.id, 'acknowledged');
    expect(await acked).toEqual({ unacknowledged: 0, raised: 0 });
    expect(events).toEqual([
      { unacknowledged: 1, raised: 1 },
      { unacknowledged: 0, raised: 0 },
    ]);
  });
});

describe('witness.key', () => {
  it('answers the key that verifies the cosignature remotes.cosign adds', async () => {
    const src = source();
    await src.add('y', testSigner('ecdsa-p256'));
    src.publish();
    const { api } = mirrorApi(src);
    const key = await api.witness.key();
    expect(key.name).toBe('provwb.test/monitor/witness');
    expect(await api.witness.key()).toEqual(key);
    expect((await finished(api, () => api.remotes.sync({ name: 'src' }))).state).toBe('done');
    const cosigned = await api.remotes.cosign({ name: 'src' });
    expect(cosigned.witnessKey).toBe(key.verifierKey);
    expect(verifyCosignatures(cosigned.note, [key.verifierKey]).map((c) => c.name)).toEqual([key.name]);
  });
});
