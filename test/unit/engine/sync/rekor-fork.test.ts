/**
 * Rekor v1 logs give consistency proofs, not tiles. From a power-of-two size the proof leaves the old
 * tree out (it is one node of the new tree), so the new tree's view of it comes from the proof from
 * one size less: an honest log still checks out, and a fork still yields self-proving evidence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { addEntry } from '../../../../electron/engine/entries/index.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';
import { startServeHost } from '../../../../electron/engine/server/index.js';
import { parseForkEvidence, syncRemote, verifyForkEvidence } from '../../../../electron/engine/sync/index.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { cleanupsAfterEach } from '../../../helpers/cleanups.js';
import { forkSourceLog, sourceLog, testSigner, type SourceLog } from '../../../helpers/remote-fixture.js';
import { getUrl, hashedRekordProposal } from '../../../helpers/serve.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';

const cleanups = cleanupsAfterEach();
const signer = testSigner('ecdsa-p256');

/** Logs hashedrekord entries `label from` … `label to-1` in `workbench`'s log. */
async function grow(workbench: Workbench, from: number, to: number, label: string): Promise<void> {
  for (let i = from; i < to; i++) await addEntry(workbench.entryContext(), hashedRekordProposal(new TextEncoder().encode(`${label} ${i}`), signer));
}

/** Serves `workbench`'s log as Rekor v1; returns its URL and PEM key. */
async function serve(workbench: Workbench): Promise<{ url: string; publicKeyPem: string }> {
  const host = await startServeHost({ workbench, port: 0, report: (error) => { throw error; } });
  cleanups.push(() => host.close());
  return { url: host.url, publicKeyPem: (await getUrl(`${host.url}/api/v1/log/publicKey`)).text };
}

function mirrorOf(url: string, publicKeyPem: string): Workbench {
  const mirror = tempWorkbench('provwb.test/mirror');
  cleanups.push(mirror.cleanup);
  addRemote(mirror.workbench.store, nodeHasher, { name: 'r', type: 'rekor', url, key: publicKeyPem }, 0);
  return mirror.workbench;
}

/** A source log of `size` entries, served as Rekor v1, and a workbench mirroring it as remote `r`. */
async function servedAndMirrored(size: number, beforeServing: (src: SourceLog) => void = () => {}) {
  const src = sourceLog();
  cleanups.push(src.cleanup);
  await grow(src.workbench, 0, size, 'release');
  beforeServing(src);
  const remote = await serve(src.workbench);
  return { src, mirror: mirrorOf(remote.url, remote.publicKeyPem) };
}

describe('a Rekor v1 remote whose earlier checkpoint has a power-of-two size', () => {
  it('checks out when the log grew honestly (sizes 4 → 8 → 13)', { timeout: 60_000 }, async () => {
    const { src, mirror } = await servedAndMirrored(4);
    expect(await syncRemote(mirror, 'r')).toMatchObject({ treeSize: 4 });
    await grow(src.workbench, 4, 8, 'release');
    expect(await syncRemote(mirror, 'r')).toMatchObject({ treeSize: 8, rootHash: src.workbench.info().rootHash });
    await grow(src.workbench, 8, 13, 'release');
    expect(await syncRemote(mirror, 'r')).toMatchObject({ treeSize: 13, rootHash: src.workbench.info().rootHash });
  });

  it('is caught forking: exit-4 error and evidence that proves it with the key alone', { timeout: 60_000 }, async () => {
    let copy: ReturnType<typeof forkSourceLog> | undefined;
    const { src, mirror } = await servedAndMirrored(5, (src) => {
      copy = forkSourceLog(src);
      cleanups.push(copy.cleanup);
    });
    await grow(src.workbench, 5, 8, 'release');
    expect(await syncRemote(mirror, 'r')).toMatchObject({ treeSize: 8 });

    // The same key signs another history from entry 5 on, now 11 entries long, at the remote's URL.
    await grow(copy!.workbench, 5, 11, 'evil');
    const evil = await serve(copy!.workbench);
    mirror.store.db.prepare('UPDATE logs SET url = ? WHERE name = ?').run(evil.url, 'r');

    const failure = await syncRemote(mirror, 'r').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ family: 'fork', code: 'fork_detected' });
    const file = (failure as { details: { evidenceFile: string } }).details.evidenceFile;
    const evidence = parseForkEvidence(readFileSync(file, 'utf8'));
    const verdict = verifyForkEvidence(evidence, mirror.store.logByName('r')!.verifierKeys, nodeHasher);
    expect(verdict).toMatchObject({ ok: true, size: 8 });
    expect(mirror.store.logByName('r')!.treeSize).toBe(8);
  });
});
