/** `provwb witness …` as scripts run it: the built CLI, one case per exit code. */
import { afterEach, describe, expect, it } from 'vitest';
import { addEntry } from '../../../../electron/engine/entries/index.js';
import { exportTiles } from '../../../../electron/engine/log/index.js';
import { describeCli, parseJsonOutput, runCliIn } from '../../../helpers/cli.js';
import { forkSourceLog, mirrorWorkbench, sourceLog, testSigner } from '../../../helpers/remote-fixture.js';
import { hashedRekordProposal } from '../../../helpers/serve.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

const code = (r: { stdout: string }) => parseJsonOutput<{ error: { code: string } }>({ status: 1, stdout: r.stdout, stderr: '' }).error.code;

describe('provwb witness cosign', () => {
  it('exits 3 before a sync, 0 with the cosigned note after, 4 once the remote forked', { timeout: 120_000 }, async () => {
    const signer = testSigner('ecdsa-p256');
    const src = sourceLog('provwb.test/cli-witnessed');
    cleanups.push(src.cleanup);
    await src.add('one', signer);
    const copy = forkSourceLog(src);
    cleanups.push(copy.cleanup);
    await src.add('two', signer);
    src.publish();
    const mirror = mirrorWorkbench(src);
    cleanups.push(mirror.cleanup);

    const unknown = await runCliIn(mirror.dir, ['witness', 'cosign', 'nope', '--json']);
    expect(unknown.status, describeCli(unknown)).toBe(3);
    expect(code(unknown)).toBe('remote_not_found');
    const early = await runCliIn(mirror.dir, ['witness', 'cosign', 'src', '--json']);
    expect(early.status, describeCli(early)).toBe(3);
    expect(code(early)).toBe('checkpoint_not_found');

    expect((await runCliIn(mirror.dir, ['sync', 'src'])).status).toBe(0);
    const cosigned = await runCliIn(mirror.dir, ['witness', 'cosign', 'src']);
    expect(cosigned.status, describeCli(cosigned)).toBe(0);
    expect(cosigned.stdout).toMatch(/^provwb\.test\/cli-witnessed\n2\n[A-Za-z0-9+/=]{44}\n\n— provwb\.test\/cli-witnessed \S+\n— provwb\.test\/monitor\/witness \S+\n$/);

    await addEntry(copy.workbench.entryContext(), hashedRekordProposal(new TextEncoder().encode('evil two'), signer));
    exportTiles(copy.workbench.store, 'local', src.tilesDir);
    expect((await runCliIn(mirror.dir, ['sync', 'src'])).status).toBe(4);
    const forked = await runCliIn(mirror.dir, ['witness', 'cosign', 'src', '--json']);
    expect(forked.status, describeCli(forked)).toBe(4);
    expect(code(forked)).toBe('remote_forked');
  });
});
