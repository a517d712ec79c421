/** A witnessed and published-to mirror stays sound for `provwb audit`: cosigned and publish checkpoints are the remote's own. */
import { afterEach, describe, expect, it } from 'vitest';
import { auditWorkbench } from '../../../../electron/engine/audit/index.js';
import { syncRemote } from '../../../../electron/engine/sync/index.js';
import { cosignRemote } from '../../../../electron/engine/witness/index.js';
import { mirrorWorkbench, sourceLog, testSigner } from '../../../helpers/remote-fixture.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe('audit of a witnessed mirror', () => {
  it('finds no problem in a mirror holding cosigned checkpoints', async () => {
    const src = sourceLog('provwb.test/audited');
    cleanups.push(src.cleanup);
    const signer = testSigner('ecdsa-p256');
    for (let i = 0; i < 5; i++) await src.add(`artefact ${i}`, signer);
    src.publish();
    const { workbench, dir, cleanup } = mirrorWorkbench(src);
    cleanups.push(cleanup);
    await syncRemote(workbench, 'src');
    cosignRemote(workbench, 'src');
    await src.add('artefact 5', signer);
    src.publish();
    await syncRemote(workbench, 'src');
    cosignRemote(workbench, 'src');
    const report = await auditWorkbench({ dataDir: dir, logName: 'src' });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, treeSize: 6 });
    expect(report.checkpointsChecked).toBe(4);
  });
});
