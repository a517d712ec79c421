/**
 * Entries of a mirrored log open like the local log's: the engine proves them against the mirror's
 * own stored tree and the remote's signed checkpoint (never one kept only as fork evidence), gives no
 * SET (only our own log signs those), and the renderer's verdict passes with the remote's key.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbenchApi } from '../../../electron/engine/workbench-api.js';
import { nodeHasher } from '../../../electron/engine/crypto/index.js';
import { addRemote } from '../../../electron/engine/remote/remotes.js';
import { syncRemote } from '../../../electron/engine/sync/index.js';
import { verifyEntry } from '../../../renderer/src/verify/verify-entry.js';
import { hashedRekordProposal, postJson, startTestServe, type TestServe } from '../../helpers/serve.js';
import { tempWorkbench } from '../../helpers/temp-workbench.js';
import { cleanupsAfterEach } from '../../helpers/cleanups.js';

const cleanups = cleanupsAfterEach();

describe('a mirrored entry in the explorer', () => {
  it('is proved against the mirror’s signed checkpoint and the page verifies it without a SET', async () => {
    const serve: TestServe = await startTestServe({ origin: 'provwb.test/upstream' });
    cleanups.push(() => serve.close());
    for (let i = 0; i < 20; i++) expect((await postJson(`${serve.url}/api/v1/log/entries`, hashedRekordProposal(new TextEncoder().encode(`release ${i}`)))).status).toBe(201);
    const mirror = tempWorkbench('provwb.test/downstream');
    cleanups.push(mirror.cleanup);
    addRemote(mirror.workbench.store, nodeHasher, { name: 'up', type: 'rekor-v2', url: serve.url, key: serve.workbench.info().verifierKey }, 0);
    await syncRemote(mirror.workbench, 'up');
    const api = createWorkbenchApi(mirror.workbench);

    const detail = await api.entries.get({ log: 'up', logIndex: 7 });
    expect(detail).toMatchObject({ log: 'up', kind: 'hashedrekord', signedEntryTimestamp: null, setExpected: false, logID: null });
    expect(detail.checkpoint?.treeSize).toBe(20);
    const result = verifyEntry(detail);
    expect(result.verdict.status, JSON.stringify(result.verdict.checks)).toBe('pass');
    expect(result.verdict.checks.map((c) => c.id)).toEqual(['leaf', 'checkpoint', 'inclusion']);

    // By uuid too (typed mirrored entries have a leaf-hash index), and a consistency proof between its checkpoints.
    const byUuid = await api.entries.get({ log: 'up', uuid: detail.uuid });
    expect(byUuid.logIndex).toBe(7);
    for (let i = 20; i < 25; i++) await postJson(`${serve.url}/api/v1/log/entries`, hashedRekordProposal(new TextEncoder().encode(`release ${i}`)));
    await syncRemote(mirror.workbench, 'up');
    const consistency = await api.log.consistency({ log: 'up', first: 20, second: 25 });
    expect(consistency.firstCheckpoint?.treeSize).toBe(20);
    expect(consistency.secondCheckpoint?.treeSize).toBe(25);

    // A body altered on disk fails in the page: the leaf no longer matches.
    const tampered = { ...detail, body: detail.body.replace(/^../, (b) => (b === '7b' ? '5b' : '7b')) };
    expect(verifyEntry(tampered).verdict.status).toBe('fail');
  });
});
