/**
 * Many clients at once against the spawned `provwb serve`: 200 concurrent hashedrekord POSTs (with
 * repeats of one proposal among them) all land at distinct indexes in far fewer transactions; the
 * final signed checkpoint, every entry's inclusion proof and the consistency from the first entry
 * verify; then Rekor v2 POSTs answer TransparencyLogEntries that `provwb verify entry` accepts.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex } from '../../shared/encoding/index.js';
import { verifyConsistency } from '../../shared/merkle/index.js';
import { openCheckpoint, parseVerifierKey } from '../../shared/note/index.js';
import { nodeHasher } from '../../electron/engine/crypto/index.js';
import { preAuthEncoding, verifyLogEntryOffline } from '../../electron/engine/sigstore/index.js';
import { testSigner } from '../fixtures/sigstore/local-signing.js';
import { cliJson, describeCli, runCliIn } from '../helpers/cli.js';
import { hashedRekordProposal, hashedRekordV2Request, postJson, spawnServe, type ServeProcess } from '../helpers/serve.js';
import { tempDir } from '../helpers/temp-dir.js';

const CLIENTS = 200;
const REPEATS = 10;

describe('provwb serve under concurrent writes', () => {
  let dir: string;
  let cleanup: () => void;
  let serve: ServeProcess;
  let vkey: string;
  let logKeyPem: string;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    vkey = (await cliJson<{ verifierKey: string }>(dir, ['init', '--origin', 'provwb.test/serve-load'])).verifierKey;
    serve = await spawnServe(dir);
    logKeyPem = await (await fetch(`${serve.url}/api/v1/log/publicKey`)).text();
  });
  afterAll(async () => {
    await serve?.stop();
    cleanup?.();
  });

  it(`given ${CLIENTS} distinct entries and ${REPEATS} copies of one more, all at once, each distinct entry lands once at its own index`, async () => {
    const signer = testSigner('ecdsa-p256');
    const repeated = hashedRekordProposal(Buffer.from('the repeated artefact'), signer);
    const bodies = [...Array.from({ length: CLIENTS }, (_, i) => hashedRekordProposal(Buffer.from(`concurrent artefact ${i}`), signer)), ...Array.from({ length: REPEATS }, () => repeated)];
    const answers = await Promise.all(bodies.map((b) => postJson(`${serve.url}/api/v1/log/entries`, b)));
    const created = answers.filter((a) => a.status === 201);
    const conflicts = answers.filter((a) => a.status === 409);
    expect(created).toHaveLength(CLIENTS + 1);
    expect(conflicts).toHaveLength(REPEATS - 1);
    const indexes = created.map((a) => (Object.values(a.json as object)[0] as { logIndex: number }).logIndex);
    expect(new Set(indexes).size).toBe(CLIENTS + 1);
    expect([...indexes].sort((x, y) => x - y)).toEqual(Array.from({ length: CLIENTS + 1 }, (_, i) => i));
    // Every copy that lost the race points at the one that won.
    const locations = new Set(conflicts.map((c) => c.headers.get('location')));
    expect(locations.size).toBe(1);
    const winner = [...locations][0]!.split('/').pop();
    expect(created.filter((a) => a.headers.get('etag') === winner)).toHaveLength(1);

    // The final tree: its checkpoint is signed by the log key, every entry's proof reaches its root.
    const checkpoint = await (await fetch(`${serve.url}/checkpoint`)).text();
    const opened = openCheckpoint(checkpoint, [parseVerifierKey(vkey)], { origin: 'provwb.test/serve-load' });
    expect(opened.checkpoint.size).toBe(CLIENTS + 1);
    for (let i = 0; i <= CLIENTS; i += 20) {
      const entry = (await (await fetch(`${serve.url}/api/v1/log/entries?logIndex=${i}`)).json()) as object;
      const verified = verifyLogEntryOffline({ entryJson: entry, publicKeyPem: logKeyPem });
      expect(verified.treeSize).toBe(CLIENTS + 1);
      expect(Buffer.from(verified.rootHash, 'hex')).toEqual(Buffer.from(opened.checkpoint.rootHash));
    }
    const proof = (await (await fetch(`${serve.url}/api/v1/log/proof?firstSize=1&lastSize=${CLIENTS + 1}`)).json()) as { rootHash: string; hashes: string[] };
    const leaf0 = (await (await fetch(`${serve.url}/tile/0/000.p/1`)).arrayBuffer()).slice(0, 32);
    verifyConsistency(1, CLIENTS + 1, proof.hashes.map(fromHex), new Uint8Array(leaf0), opened.checkpoint.rootHash, nodeHasher);
  });

  it('given Rekor v2 hashedrekord and dsse requests, answers TransparencyLogEntries that `provwb verify entry` accepts', async () => {
    const ecdsa = testSigner('ecdsa-p256');
    const hashed = await postJson(`${serve.url}/api/v2/log/entries`, hashedRekordV2Request(Buffer.from('a v2 artefact'), ecdsa));
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const payload = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'x', digest: { sha256: createHash('sha256').update('x').digest('hex') } }], predicateType: 'https://example.com/p', predicate: {} }));
    const payloadType = 'application/vnd.in-toto+json';
    const sig = sign('sha256', preAuthEncoding(payloadType, payload), privateKey);
    const dsse = await postJson(`${serve.url}/api/v2/log/entries`, {
      dsseRequestV002: {
        envelope: { payload: payload.toString('base64'), payloadType, signatures: [{ sig: sig.toString('base64'), keyid: '' }] },
        verifiers: [{ publicKey: { rawBytes: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') }, keyDetails: 'PKIX_ECDSA_P256_SHA_256' }],
      },
    });
    const keyFile = path.join(dir, 'log-key.pem');
    writeFileSync(keyFile, logKeyPem);
    for (const [answer, kind] of [[hashed, 'hashedrekord'], [dsse, 'dsse']] as const) {
      expect(answer.status, answer.text).toBe(201);
      expect(answer.json).toMatchObject({ kindVersion: { kind, version: '0.0.2' }, integratedTime: '0', inclusionPromise: null });
      const file = path.join(dir, `${kind}-tle.json`);
      writeFileSync(file, answer.text);
      const result = await runCliIn(dir, ['verify', 'entry', file, '--public-key', keyFile, '--json']);
      expect(result.status, describeCli(result)).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, format: 'transparency_log_entry', checks: { inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass' } });
    }
  });

  it('when stopped by SIGTERM, exits 0 and reports fewer transactions than entries', async () => {
    const stopped = await serve.stop('SIGTERM');
    expect(stopped.status).toBe(0);
    const result = JSON.parse(stopped.stdout.slice(stopped.stdout.indexOf('\n') + 1)) as { entries: number; batches: number; stoppedBy: string };
    expect(result).toMatchObject({ stoppedBy: 'SIGTERM', entries: CLIENTS + 3 });
    // Commits wait briefly for entries still verifying, so concurrent writes share transactions.
    expect(result.batches).toBeLessThan(result.entries / 2);
  });
});
