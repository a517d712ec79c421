import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../../../shared/api/index.js';
import { exportTiles } from '../../../../electron/engine/log/index.js';
import { addWatch, allowSigner, checkMonitors, listMonitors, setAlertState, setWebhook } from '../../../../electron/engine/monitor/index.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { MonitorStore, type Store } from '../../../../electron/engine/store/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { fingerprintOf, forkSourceLog, mirrorWorkbench, sourceLog, testSigner, type SourceLog } from '../../../helpers/remote-fixture.js';
import { hashedRekordProposal } from '../../../helpers/serve.js';
import { addEntry } from '../../../../electron/engine/entries/index.js';
import { cleanupsAfterEach } from '../../../helpers/cleanups.js';

const cleanups = cleanupsAfterEach();

function source(): SourceLog {
  const s = sourceLog();
  cleanups.push(s.cleanup);
  return s;
}

function mirror(s: SourceLog, name = 'src') {
  const m = mirrorWorkbench(s, name);
  cleanups.push(m.cleanup);
  return m;
}

const NO_WAIT = { attempts: 3, backoffMs: 1, sleep: async () => {} };

function alertRows(store: Store) {
  return store.db.prepare('SELECT watch_id AS watch, log_id AS log, idx, uuid, kind FROM alerts ORDER BY id').all() as Array<{ watch: number; log: number; idx: number; uuid: string; kind: string }>;
}

describe('checkMonitors', () => {
  describe('given a watch on a signing key', () => {
    it('reports the mirrored matches once, then only entries logged after the last check', async () => {
      const src = source();
      const alice = testSigner('ecdsa-p256');
      const bob = testSigner('ecdsa-p256');
      const a1 = await src.add('release 1', alice);
      await src.add('other 1', bob);
      const a2 = await src.add('release 2', alice);
      src.publish();
      const { workbench } = mirror(src);
      addWatch(workbench.store, { keyFingerprint: fingerprintOf(alice) }, 0);

      const first = await checkMonitors(workbench, { webhook: NO_WAIT });
      expect(first.synced).toEqual([{ remote: 'src', treeSize: 3, fetched: 3 }]);
      expect(first.alerts.map((a) => [a.remote, a.logIndex, a.uuid, a.kind])).toEqual([
        ['src', a1.logIndex, a1.uuid, 'entry'],
        ['src', a2.logIndex, a2.uuid, 'entry'],
      ]);
      expect((await checkMonitors(workbench)).alerts).toEqual([]);

      await src.add('other 2', bob);
      const a3 = await src.add('release 3', alice);
      src.publish();
      const third = await checkMonitors(workbench);
      expect(third.alerts.map((a) => a.uuid)).toEqual([a3.uuid]);
      expect(alertRows(workbench.store)).toHaveLength(3);
      expect(listMonitors(workbench.store, { all: false }).watches[0]!.checked).toEqual([{ remote: 'src', nextIndex: 5 }]);
    });
  });

  describe('given an allow-listed signer', () => {
    it('alerts only on entries by other keys', async () => {
      const src = source();
      const ours = testSigner('ecdsa-p256');
      const intruder = testSigner('ecdsa-p256');
      await src.add('app-1.0.tar.gz', ours);
      const bad = await src.add('app-1.0.tar.gz', intruder);
      src.publish();
      const { workbench } = mirror(src);
      const digest = (hashedRekordProposal(new TextEncoder().encode('app-1.0.tar.gz'), ours).spec as { data: { hash: { value: string } } }).data.hash.value;
      addWatch(workbench.store, { sha256: digest, remote: 'src' }, 0);
      expect(allowSigner(workbench.store, fingerprintOf(ours).toUpperCase(), 0)).toEqual({ fingerprint: fingerprintOf(ours), created: true });
      const result = await checkMonitors(workbench);
      expect(result.alerts.map((a) => a.uuid)).toEqual([bad.uuid]);
    });
  });

  describe('given a check killed in the middle of a batch', () => {
    it('keeps what committed, loses nothing, and reports every match exactly once', async () => {
      const src = source();
      const alice = testSigner('ecdsa-p256');
      const uuids: string[] = [];
      for (let i = 0; i < 7; i++) uuids.push((await src.add(`artefact ${i}`, alice)).uuid);
      src.publish();
      const { workbench } = mirror(src);
      addWatch(workbench.store, { keyFingerprint: fingerprintOf(alice) }, 0);
      let batches = 0;
      const crash = () => {
        // The third batch dies after inserting its alerts, before its transaction commits.
        if (++batches === 3) throw new Error('killed');
      };
      await expect(checkMonitors(workbench, { batch: 2, onBatch: crash })).rejects.toThrow('killed');
      expect(alertRows(workbench.store).map((r) => r.uuid)).toEqual(uuids.slice(0, 4));
      expect(new MonitorStore(workbench.store.db).cursor(1, workbench.store.logByName('src')!.id)).toBe(4);

      const rerun = await checkMonitors(workbench, { batch: 2 });
      expect(rerun.alerts.map((a) => a.uuid)).toEqual(uuids.slice(4));
      expect(alertRows(workbench.store).map((r) => r.uuid)).toEqual(uuids);
      expect((await checkMonitors(workbench, { batch: 2 })).alerts).toEqual([]);
    });
  });

  describe('given a remote that forks', () => {
    it('raises one fork alert and keeps checking entries', async () => {
      const src = source();
      const alice = testSigner('ecdsa-p256');
      await src.add('one', alice);
      const copy = forkSourceLog(src);
      cleanups.push(copy.cleanup);
      await src.add('two', alice);
      src.publish();
      const { workbench } = mirror(src);
      addWatch(workbench.store, { keyFingerprint: fingerprintOf(alice) }, 0);
      expect((await checkMonitors(workbench)).alerts).toHaveLength(2);

      // The same key now signs another tree of the same size at the same URL.
      await addEntry(copy.workbench.entryContext(), hashedRekordProposal(new TextEncoder().encode('evil two'), alice));
      exportTiles(copy.workbench.store, 'local', src.tilesDir);
      const forked = await checkMonitors(workbench);
      expect(forked.syncErrors).toEqual([]);
      expect(forked.alerts.map((a) => [a.kind, a.remote, a.fork?.olderSize, a.fork?.newerSize])).toEqual([['fork', 'src', 2, 2]]);
      expect((await checkMonitors(workbench)).alerts).toEqual([]);
    });
  });

  describe('given a remote that cannot be reached', () => {
    it('reports the sync error and still checks the other remotes', async () => {
      const src = source();
      const alice = testSigner('ecdsa-p256');
      const a = await src.add('one', alice);
      src.publish();
      const { workbench } = mirror(src);
      addRemote(workbench.store, nodeHasher, { name: 'gone', type: 'rekor-v2', url: `${src.url}-missing`, key: src.vkey }, 0);
      addWatch(workbench.store, { keyFingerprint: fingerprintOf(alice) }, 0);
      const result = await checkMonitors(workbench);
      expect(result.syncErrors.map((e) => [e.remote, e.code])).toEqual([['gone', 'remote_not_found']]);
      expect(result.alerts.map((x) => x.uuid)).toEqual([a.uuid]);
    });
  });
});

describe('monitor input', () => {
  it('refuses bad watches, unknown remotes and alerts, and stores nothing', async () => {
    const src = source();
    const { workbench } = mirror(src);
    expectWorkbenchError(() => addWatch(workbench.store, { sha256: 'abc' }, 0), InputError, 'digest_invalid');
    expectWorkbenchError(() => addWatch(workbench.store, { sha256: 'a'.repeat(64), email: 'x@example.com' }, 0), InputError, 'watch_invalid');
    expectWorkbenchError(() => addWatch(workbench.store, {}, 0), InputError, 'watch_invalid');
    expectWorkbenchError(() => addWatch(workbench.store, { field: 'novalue' }, 0), InputError, 'field_filter_invalid');
    expectWorkbenchError(() => addWatch(workbench.store, { email: 'x@example.com', remote: 'nope' }, 0), NotFoundError, 'remote_not_found');
    expectWorkbenchError(() => allowSigner(workbench.store, 'not hex', 0), InputError, 'fingerprint_invalid');
    expectWorkbenchError(() => setWebhook(workbench.store, 'ftp://example.com/hook', 0), InputError, 'url_invalid');
    expectWorkbenchError(() => setAlertState(workbench.store, 99, 'acknowledged'), NotFoundError, 'alert_not_found');
    expect(listMonitors(workbench.store, { all: true })).toEqual({ watches: [], allowedSigners: [], webhook: null, alerts: [] });
  });

  it('adds the same watch once, normalised as the search index stores it', () => {
    const src = source();
    const { workbench } = mirror(src);
    const first = addWatch(workbench.store, { sha256: `sha256:${'AB'.repeat(32)}` }, 0);
    const again = addWatch(workbench.store, { sha256: 'ab'.repeat(32) }, 0);
    expect(first.created).toBe(true);
    expect(again).toEqual({ watch: first.watch, created: false });
    expect(first.watch).toMatchObject({ type: 'sha256', value: 'ab'.repeat(32), remote: null });
    expect(addWatch(workbench.store, { sha256: 'ab'.repeat(32), remote: 'src' }, 0).created).toBe(true);
  });
});

/** A loopback webhook receiver answering with the given statuses in turn (then the last one). */
async function receiver(statuses: number[]): Promise<{ url: string; bodies: Array<{ id: string | undefined; json: Record<string, unknown> }>; statuses: number[] }> {
  const bodies: Array<{ id: string | undefined; json: Record<string, unknown> }> = [];
  const queue = [...statuses];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const status = queue.length > 1 ? queue.shift()! : queue[0]!;
      if (status < 300) bodies.push({ id: req.headers['x-provwb-alert-id'] as string | undefined, json: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, statuses: queue };
}

describe('webhook delivery', () => {
  it('retries with backoff until a 2xx and never sends an acknowledged alert again', async () => {
    const src = source();
    const alice = testSigner('ecdsa-p256');
    const a = await src.add('one', alice);
    src.publish();
    const { workbench } = mirror(src);
    const hook = await receiver([500, 503, 204]);
    setWebhook(workbench.store, hook.url, 0);
    addWatch(workbench.store, { keyFingerprint: fingerprintOf(alice) }, 0);
    const waits: number[] = [];
    const result = await checkMonitors(workbench, { webhook: { attempts: 3, backoffMs: 10, sleep: async (ms) => void waits.push(ms) } });
    expect(waits).toEqual([10, 20]);
    expect(result.webhook).toEqual({ url: hook.url, delivered: 1, pending: 0, lastError: null });
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]!.json).toMatchObject({ id: result.alerts[0]!.id, kind: 'entry', remote: 'src', logIndex: a.logIndex, uuid: a.uuid });
    expect(hook.bodies[0]!.id).toBe(String(result.alerts[0]!.id));
    expect(new MonitorStore(workbench.store.db).delivery(result.alerts[0]!.id)).toMatchObject({ attempts: 3, lastError: null });
    await checkMonitors(workbench, { webhook: NO_WAIT });
    expect(hook.bodies).toHaveLength(1);
  });

  it('keeps failed deliveries in the outbox for the next check, and drops suppressed alerts', async () => {
    const src = source();
    const alice = testSigner('ecdsa-p256');
    await src.add('one', alice);
    await src.add('two', alice);
    src.publish();
    const { workbench } = mirror(src);
    const down = await receiver([500]);
    setWebhook(workbench.store, down.url, 0);
    addWatch(workbench.store, { keyFingerprint: fingerprintOf(alice) }, 0);
    const failed = await checkMonitors(workbench, { webhook: NO_WAIT });
    expect(failed.alerts).toHaveLength(2);
    expect(failed.webhook).toMatchObject({ delivered: 0, pending: 2, lastError: 'HTTP 500' });
    const monitors = new MonitorStore(workbench.store.db);
    expect(monitors.delivery(failed.alerts[0]!.id)).toMatchObject({ attempts: 3, deliveredAt: null, lastError: 'HTTP 500' });
    // The receiver stopped after the first alert's tries: the second waits untouched.
    expect(monitors.delivery(failed.alerts[1]!.id)).toMatchObject({ attempts: 0 });

    setAlertState(workbench.store, failed.alerts[0]!.id, 'suppressed');
    const up = await receiver([200]);
    setWebhook(workbench.store, up.url, 0);
    const next = await checkMonitors(workbench, { webhook: NO_WAIT });
    expect(next.alerts).toEqual([]);
    expect(next.webhook).toMatchObject({ delivered: 1, pending: 0 });
    expect(up.bodies.map((b) => b.json.id)).toEqual([failed.alerts[1]!.id]);
    expect(listMonitors(workbench.store, { all: false }).alerts.map((x) => x.id)).toEqual([failed.alerts[1]!.id]);
  });

  it('keeps the alert queued when the webhook cannot be reached', async () => {
    const src = source();
    const alice = testSigner('ecdsa-p256');
    await src.add('one', alice);
    src.publish();
    const { workbench } = mirror(src);
    setWebhook(workbench.store, 'http://127.0.0.1:9/unreachable', 0);
    addWatch(workbench.store, { keyFingerprint: fingerprintOf(alice) }, 0);
    const result = await checkMonitors(workbench, { webhook: { ...NO_WAIT, timeoutMs: 2000 } });
    expect(result.webhook?.pending).toBe(1);
    expect(result.webhook?.lastError).toMatch(/request failed/);
  });
});
