import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/encoding/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { addWatch, scanWatch } from '../../../../electron/engine/monitor/index.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';
import { MonitorStore, type NewEntry } from '../../../../electron/engine/store/index.js';
import { MirrorLog } from '../../../../electron/engine/sync/index.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A mirror row holding entries with the given index keys (appended as sync would, after authentication). */
function mirrorWith(keys: ReadonlyArray<ReadonlyArray<{ type: string; value: string }>>) {
  const { workbench, cleanup } = tempWorkbench();
  cleanups.push(cleanup);
  addRemote(workbench.store, nodeHasher, { name: 'm', type: 'rekor-v2', url: 'file:///unused', key: workbench.info().verifierKey }, 0);
  const log = workbench.store.logByName('m')!;
  const entries: NewEntry[] = keys.map((indexKeys, i) => ({ body: new TextEncoder().encode(`{"entry":${i}}`), kind: 'test', apiVersion: '0.0.1', indexKeys }));
  const hashes = new Uint8Array(32 * entries.length);
  entries.forEach((e, i) => hashes.set(nodeHasher.hashLeaf(e.body), 32 * i));
  new MirrorLog(workbench.store, log.id, nodeHasher).append(0, entries, hashes);
  return { workbench, logId: log.id, hashes };
}

describe('scanWatch', () => {
  it('matches email wildcards as search does, with [ ] ? taken literally, and gives each match its uuid', () => {
    const { workbench, logId, hashes } = mirrorWith([
      [{ type: 'email', value: 'alice@example.com' }],
      [{ type: 'email', value: 'bob@example.com' }],
      [{ type: 'email', value: 'alice@example.org' }],
      [{ type: 'email', value: 'odd[x]?@example.com' }],
      [{ type: 'identity', value: 'alice@example.com' }],
    ]);
    const monitors = new MonitorStore(workbench.store.db);
    const deps = { store: workbench.store, monitors, leafHashes: workbench.leafHashes, nowMs: () => 0 };
    const watch = (email: string) => monitors.watchById(addWatch(workbench.store, { email }, 0).watch.id)!;

    const alice = scanWatch(deps, watch('Alice@*'), logId);
    expect(alice.map((a) => [a.index, a.uuid])).toEqual([
      [0, toHex(hashes.subarray(0, 32))],
      [2, toHex(hashes.subarray(64, 96))],
    ]);
    expect(scanWatch(deps, watch('odd[x]?@*'), logId).map((a) => a.index)).toEqual([3]);
    expect(scanWatch(deps, watch('odd?x??@*'), logId)).toEqual([]);
    expect(scanWatch(deps, watch('*@example.com'), logId).map((a) => a.index)).toEqual([0, 1, 3]);
  });

  it('reads only past the cursor: a second scan of an unchanged log finds nothing', () => {
    const { workbench, logId } = mirrorWith([[{ type: 'sha256', value: 'ab'.repeat(32) }]]);
    const monitors = new MonitorStore(workbench.store.db);
    const deps = { store: workbench.store, monitors, leafHashes: workbench.leafHashes, nowMs: () => 0 };
    const watch = monitors.watchById(addWatch(workbench.store, { sha256: 'ab'.repeat(32) }, 0).watch.id)!;
    expect(scanWatch(deps, watch, logId)).toHaveLength(1);
    expect(scanWatch(deps, watch, logId)).toEqual([]);
    expect(monitors.cursor(watch.id, logId)).toBe(1);
  });
});
