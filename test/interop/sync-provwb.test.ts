/**
 * provwb mirrors provwb: a `provwb serve` log read as a C2SP tlog-tiles log, as a Rekor v1 API
 * (paging `retrieve`, checking each entry's SET and inclusion proof) and as Rekor v2 (tiles whose
 * entries are typed bodies, re-verified per kind and indexed for search).
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../shared/encoding/index.js';
import { nodeHasher } from '../../electron/engine/crypto/index.js';
import { searchEntries } from '../../electron/engine/entries/index.js';
import { addRemote } from '../../electron/engine/remote/remotes.js';
import { syncRemote } from '../../electron/engine/sync/index.js';
import { hashedRekordProposal, hashedRekordV2Request, postJson, getUrl, startTestServe, type TestServe } from '../helpers/serve.js';
import { tempWorkbench } from '../helpers/temp-workbench.js';
import { cleanupsAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupsAfterEach();

async function servedLog(entries: number): Promise<TestServe> {
  const serve = await startTestServe({ origin: 'provwb.test/upstream' });
  cleanups.push(() => serve.close());
  for (let i = 0; i < entries; i++) {
    const artifact = new TextEncoder().encode(`release ${i}`);
    const answer = i % 2 === 0 ? await postJson(`${serve.url}/api/v1/log/entries`, hashedRekordProposal(artifact)) : await postJson(`${serve.url}/api/v2/log/entries`, hashedRekordV2Request(artifact));
    expect(answer.status, answer.text).toBe(201);
  }
  return serve;
}

function mirrorWorkbench() {
  const wb = tempWorkbench('provwb.test/downstream');
  cleanups.push(wb.cleanup);
  return wb.workbench;
}

describe('provwb mirrors provwb serve', () => {
  it('as tiles, as Rekor v1 and as Rekor v2: every mirror has the upstream root; typed mirrors are searchable', { timeout: 120_000 }, async () => {
    const serve = await servedLog(300);
    const upstream = serve.workbench.info();
    const publicKeyPem = (await getUrl(`${serve.url}/api/v1/log/publicKey`)).text;
    const wb = mirrorWorkbench();
    addRemote(wb.store, nodeHasher, { name: 'as-tiles', type: 'tiles', url: serve.url, key: upstream.verifierKey }, 0);
    addRemote(wb.store, nodeHasher, { name: 'as-rekor', type: 'rekor', url: serve.url, key: publicKeyPem }, 0);
    addRemote(wb.store, nodeHasher, { name: 'as-v2', type: 'rekor-v2', url: serve.url, key: upstream.verifierKey }, 0);
    for (const name of ['as-tiles', 'as-rekor', 'as-v2']) {
      const result = await syncRemote(wb, name, { commitEntries: 100 });
      expect(result, name).toMatchObject({ treeSize: 300, rootHash: upstream.rootHash, verified: true, entryProblems: [] });
    }
    // The Rekor v1 mirror learnt and pinned the origin from the first checkpoint its key verified.
    expect(wb.store.logByName('as-rekor')!.origin).toBe('provwb.test/upstream');
    // Typed mirrors index what the upstream indexed: the digest of release 7 is found in both.
    const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('release 7'))));
    const found = searchEntries(wb.store, wb.leafHashes, { sha256: digest });
    expect(found.matches.map((m) => m.log).sort()).toEqual(['as-rekor', 'as-v2']);
    expect(found.matches.every((m) => m.logIndex === 7)).toBe(true);
    // The log grows; each mirror follows, checking consistency with what it saw.
    for (let i = 300; i < 310; i++) await postJson(`${serve.url}/api/v1/log/entries`, hashedRekordProposal(new TextEncoder().encode(`release ${i}`)));
    for (const name of ['as-tiles', 'as-rekor', 'as-v2']) {
      expect(await syncRemote(wb, name), name).toMatchObject({ treeSize: 310, rootHash: serve.workbench.info().rootHash, fetched: name === 'as-rekor' ? 10 : 54 });
    }
  });
});
