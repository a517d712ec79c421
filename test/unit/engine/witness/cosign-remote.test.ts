import { afterEach, describe, expect, it } from 'vitest';
import { ForkError, InputError, NotFoundError, UsageError, VerificationError } from '../../../../shared/api/index.js';
import { generateSignerKey, openCheckpoint, parseCosignerKey, parseVerifierKey, formatVerifierKey, cosignCheckpoint } from '../../../../shared/note/index.js';
import { addEntry } from '../../../../electron/engine/entries/index.js';
import { exportTiles } from '../../../../electron/engine/log/index.js';
import { syncRemote } from '../../../../electron/engine/sync/index.js';
import { checkWitnessPolicy, cosignRemote, witnessKeyJson, witnessPolicy } from '../../../../electron/engine/witness/index.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { expectRejection, expectWorkbenchError } from '../../../helpers/assertions.js';
import { forkSourceLog, mirrorWorkbench, sourceLog, testSigner, type SourceLog } from '../../../helpers/remote-fixture.js';
import { getUrl, hashedRekordProposal, startTestServe } from '../../../helpers/serve.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';

const cleanups: Array<() => void> = [];
const cleanupsAsync: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) c();
  for (const c of cleanupsAsync.splice(0).reverse()) await c();
});

function tempWorkbenchFor(origin: string) {
  const wb = tempWorkbench(origin);
  cleanups.push(wb.cleanup);
  return wb;
}

const alice = testSigner('ecdsa-p256');

async function grownSource(entries: number): Promise<SourceLog> {
  const src = sourceLog('provwb.test/witnessed');
  cleanups.push(src.cleanup);
  for (let i = 0; i < entries; i++) await src.add(`artefact ${i}`, alice);
  src.publish();
  return src;
}

function mirror(src: SourceLog) {
  const m = mirrorWorkbench(src);
  cleanups.push(m.cleanup);
  return m;
}

function cosignedRows(wb: Workbench) {
  return wb.store.checkpoints(wb.store.logByName('src')!.id).filter((c) => c.source === 'cosigned');
}

describe('cosignRemote', () => {
  it('cosigns the latest synced checkpoint with a key kept in the workbench (cosignature/v1, clock time)', async () => {
    const src = await grownSource(3);
    const { workbench, clock } = mirror(src);
    await syncRemote(workbench, 'src');
    const key = witnessKeyJson(workbench);
    expect(key.name).toBe('provwb.test/monitor/witness');
    expect(parseVerifierKey(key.verifierKey).type).toBe('cosignature/v1');

    const result = cosignRemote(workbench, 'src');
    expect(result).toMatchObject({ remote: 'src', origin: 'provwb.test/witnessed', treeSize: 3, rootHash: src.workbench.info().rootHash });
    expect(result.witness).toEqual({ ...key, timestamp: Math.floor(clock.nowMs() / 1000) });
    const opened = openCheckpoint(result.note, [parseVerifierKey(src.vkey), parseVerifierKey(key.verifierKey)]);
    expect(opened.signatures.map((s) => [s.name, s.type, s.timestampSec])).toEqual([
      ['provwb.test/witnessed', 'ed25519', undefined],
      [key.name, 'cosignature/v1', result.witness.timestamp],
    ]);
    expect(cosignedRows(workbench).map((c) => [c.treeSize, c.note])).toEqual([[3, result.note]]);

    // The key is kept: the next cosignature, of the grown log, is by the same witness.
    await src.add('artefact 3', alice);
    src.publish();
    await syncRemote(workbench, 'src');
    clock.advance(60_000);
    const next = cosignRemote(workbench, 'src');
    expect(next.treeSize).toBe(4);
    expect(next.witness.verifierKey).toBe(key.verifierKey);
    expect(next.witness.timestamp).toBe(result.witness.timestamp + 60);
    // A stored cosigned note does not disturb the next sync.
    expect((await syncRemote(workbench, 'src')).upToDate).toBe(true);
  });

  it('cosigns a Rekor v1 remote’s signed tree head, which stays verifiable with the PEM key and does not disturb the next sync', async () => {
    const serve = await startTestServe({ origin: 'provwb.test/rekor-witnessed' });
    cleanupsAsync.push(() => serve.close());
    for (let i = 0; i < 3; i++) await addEntry(serve.workbench.entryContext(), hashedRekordProposal(new TextEncoder().encode(`v1 artefact ${i}`), alice));
    const { workbench } = tempWorkbenchFor('provwb.test/rekor-witness');
    addRemote(workbench.store, nodeHasher, { name: 'rk', type: 'rekor', url: serve.url, key: (await getUrl(`${serve.url}/api/v1/log/publicKey`)).text }, 0);
    await syncRemote(workbench, 'rk');
    const result = cosignRemote(workbench, 'rk');
    expect(result).toMatchObject({ treeSize: 3, origin: 'provwb.test/rekor-witnessed' });
    const opened = openCheckpoint(result.note, [parseVerifierKey(serve.workbench.info().verifierKey), parseVerifierKey(result.witness.verifierKey)]);
    expect(opened.signatures.map((s) => s.type)).toEqual(['ed25519', 'cosignature/v1']);
    await addEntry(serve.workbench.entryContext(), hashedRekordProposal(new TextEncoder().encode('v1 artefact 3'), alice));
    expect(await syncRemote(workbench, 'rk')).toMatchObject({ treeSize: 4, fetched: 1 });
    expect(cosignRemote(workbench, 'rk').treeSize).toBe(4);
  });

  it('refuses an unknown remote, a remote never synced, and a checkpoint beyond the mirror; stores nothing', async () => {
    const src = await grownSource(3);
    const { workbench } = mirror(src);
    expectWorkbenchError(() => cosignRemote(workbench, 'nope'), NotFoundError, 'remote_not_found');
    expectWorkbenchError(() => cosignRemote(workbench, 'src'), NotFoundError, 'checkpoint_not_found');
    await syncRemote(workbench, 'src', { toSize: 2 });
    expectWorkbenchError(() => cosignRemote(workbench, 'src'), VerificationError, 'checkpoint_not_mirrored');
    expect(cosignedRows(workbench)).toEqual([]);
  });

  it('refuses a remote with a stored fork', async () => {
    const src = await grownSource(1);
    const copy = forkSourceLog(src);
    cleanups.push(copy.cleanup);
    await src.add('honest', alice);
    src.publish();
    const { workbench } = mirror(src);
    await syncRemote(workbench, 'src');
    await addEntry(copy.workbench.entryContext(), hashedRekordProposal(new TextEncoder().encode('evil'), alice));
    exportTiles(copy.workbench.store, 'local', src.tilesDir);
    await expectRejection(syncRemote(workbench, 'src'), ForkError, 'fork_detected');
    expectWorkbenchError(() => cosignRemote(workbench, 'src'), ForkError, 'remote_forked');
    expect(cosignedRows(workbench)).toEqual([]);
  });
});

describe('witness policy (verify checkpoint --witness-vkey)', () => {
  const log = generateSignerKey('log.example/a', new Uint8Array(32).fill(1));
  const w1 = parseCosignerKey(generateSignerKey('witness.example/w1', new Uint8Array(32).fill(2)).skey);
  const w2 = parseCosignerKey(generateSignerKey('witness.example/w2', new Uint8Array(32).fill(3)).skey);
  const vkey = (c: typeof w1) => formatVerifierKey(c.verifier);

  it('checks a real cosigned note against one and two witnesses', async () => {
    const srcLog = await grownSource(2);
    const note = srcLog.workbench.info().checkpoint;
    const once = cosignCheckpoint(note, w1, 1_767_225_600);
    const both = cosignCheckpoint(once, w2, 1_767_225_700);
    const open = (text: string, policy: ReturnType<typeof witnessPolicy>) => checkWitnessPolicy(openCheckpoint(text, [...policy.logVerifiers, ...policy.witnessVerifiers]), policy);

    expect(open(both, witnessPolicy([srcLog.vkey], [vkey(w1), vkey(w2)], undefined))).toEqual([
      { name: 'witness.example/w1', keyId: expect.any(String), timestamp: 1_767_225_600 },
      { name: 'witness.example/w2', keyId: expect.any(String), timestamp: 1_767_225_700 },
    ]);
    expectWorkbenchError(() => open(once, witnessPolicy([srcLog.vkey], [vkey(w1), vkey(w2)], undefined)), VerificationError, 'witness_threshold_unmet');
    expect(open(once, witnessPolicy([srcLog.vkey], [vkey(w1), vkey(w2)], 1)).map((c) => c.name)).toEqual(['witness.example/w1']);
    // Cosigned, but the log's own line is gone: the witnesses alone do not make a checkpoint.
    const withoutLog = once.split('\n').filter((line) => !line.startsWith(`— ${srcLog.workbench.info().origin} `)).join('\n');
    expectWorkbenchError(() => open(withoutLog, witnessPolicy([srcLog.vkey], [vkey(w1)], undefined)), VerificationError, 'log_signature_missing');
    // Only another log's key given: w1's cosignature is unknown too, so nothing verifies.
    expect(() => open(once, witnessPolicy([log.vkey], [vkey(w2)], undefined))).toThrow(VerificationError);
  });

  it('refuses non-cosignature witness keys and impossible thresholds', () => {
    expectWorkbenchError(() => witnessPolicy([log.vkey], [log.vkey], undefined), InputError, 'witness_key_invalid');
    expectWorkbenchError(() => witnessPolicy([log.vkey], [vkey(w1)], 2), UsageError, 'bad_option');
    expectWorkbenchError(() => witnessPolicy([log.vkey], [vkey(w1)], 0), UsageError, 'bad_option');
    expectWorkbenchError(() => witnessPolicy([log.vkey], [], 1), UsageError, 'bad_option');
    expect(witnessPolicy([log.vkey], [vkey(w1), vkey(w2)], undefined).threshold).toBe(2);
  });
});
