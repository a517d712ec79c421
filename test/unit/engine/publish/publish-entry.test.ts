import { createHash, sign } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError, VerificationError } from '../../../../shared/api/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { addEntry, searchEntries } from '../../../../electron/engine/entries/index.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { publishEntry } from '../../../../electron/engine/publish/index.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';
import { preAuthEncoding } from '../../../../electron/engine/sigstore/index.js';
import { PublicationStore } from '../../../../electron/engine/store/index.js';
import { syncRemote } from '../../../../electron/engine/sync/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { getUrl, hashedRekordProposal, hashedRekordV2Request, startTestServe, type TestServe } from '../../../helpers/serve.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';
import { testSigner } from '../../../fixtures/sigstore/local-signing.js';
import { cleanupsAfterEach } from '../../../helpers/cleanups.js';

const cleanups = cleanupsAfterEach();

async function team(): Promise<TestServe> {
  const serve = await startTestServe({ origin: 'provwb.test/team' });
  cleanups.push(() => serve.close());
  return serve;
}

function publisher(): Workbench {
  const wb = tempWorkbench('provwb.test/desk');
  cleanups.push(wb.cleanup);
  return wb.workbench;
}

const signer = testSigner('ecdsa-p256');
const bytes = (text: string) => new TextEncoder().encode(text);

async function localEntry(wb: Workbench, proposal: unknown): Promise<string> {
  return Object.keys(await addEntry(wb.entryContext(), proposal))[0]!;
}

async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes(text))));
}

/** Nothing of a publication was stored for the remote: no checkpoint, no publication row. */
function expectNothingStored(wb: Workbench, remote: string): void {
  expect(wb.store.checkpoints(wb.store.logByName(remote)!.id)).toEqual([]);
  expect(new PublicationStore(wb.store.db).publications()).toEqual([]);
}

describe('publishEntry', () => {
  describe('given a Rekor v1 remote (provwb serve)', () => {
    it('submits the canonical body, verifies and stores the answer; the next sync holds the entry in its verified tree', async () => {
      const serve = await team();
      await addEntry(serve.workbench.entryContext(), hashedRekordProposal(bytes('someone else'), testSigner('ecdsa-p256')));
      const wb = publisher();
      const pem = (await getUrl(`${serve.url}/api/v1/log/publicKey`)).text;
      addRemote(wb.store, nodeHasher, { name: 'team', type: 'rekor', url: serve.url, key: pem }, 0);
      const uuid = await localEntry(wb, hashedRekordProposal(bytes('app-1.0.tgz'), signer));

      const result = await publishEntry(wb, 'team', uuid);
      expect(result).toMatchObject({ remote: 'team', uuid, localIndex: 0, logIndex: 1, treeSize: 2, status: 'created' });
      expect(Object.keys(result.entry as object)).toEqual([uuid]);
      const remote = wb.store.logByName('team')!;
      expect(remote.origin).toBe('provwb.test/team');
      expect(wb.store.checkpoints(remote.id).map((c) => [c.treeSize, c.source])).toEqual([[2, 'fetched']]);
      expect(new PublicationStore(wb.store.db).byUuid(remote.id, uuid)).toMatchObject({ localIndex: 0, remoteIndex: 1, treeSize: 2, status: 'created' });

      // Publishing again: Rekor v1 answers 409, the entry is fetched by uuid and verified.
      expect(await publishEntry(wb, 'team', uuid)).toMatchObject({ logIndex: 1, status: 'existing' });

      const synced = await syncRemote(wb, 'team');
      expect(synced).toMatchObject({ treeSize: 2, rootHash: serve.workbench.info().rootHash, verified: true });
      expect(toHex(wb.leafHashes(remote.id, [1])[0]!)).toBe(uuid);
      const found = searchEntries(wb.store, wb.leafHashes, { sha256: await sha256Hex('app-1.0.tgz'), log: 'team' });
      expect(found.matches).toEqual([{ log: 'team', logIndex: 1, uuid }]);
    });
  });

  describe('given a Rekor v2 remote (provwb serve)', () => {
    it('rebuilds the hashedRekordRequestV002, verifies the TransparencyLogEntry, and the synced tiles hold the leaf', async () => {
      const serve = await team();
      const wb = publisher();
      addRemote(wb.store, nodeHasher, { name: 'team2', type: 'rekor-v2', url: serve.url, key: serve.workbench.info().verifierKey }, 0);
      const request = hashedRekordV2Request(bytes('lib-2.0.tgz'), signer) as { hashedRekordRequestV002: unknown };
      const uuid = await localEntry(wb, { apiVersion: '0.0.2', kind: 'hashedrekord', spec: request.hashedRekordRequestV002 });
      const result = await publishEntry(wb, 'team2', uuid);
      expect(result).toMatchObject({ logIndex: 0, treeSize: 1, status: 'created' });
      expect(result.entry).toMatchObject({ logIndex: '0', kindVersion: { kind: 'hashedrekord', version: '0.0.2' } });
      const remote = wb.store.logByName('team2')!;
      expect(wb.store.checkpoints(remote.id).map((c) => [c.treeSize, c.source])).toEqual([[1, 'fetched']]);

      // A second entry, then sync: the stored publish checkpoint is part of the checked chain.
      const second = await localEntry(wb, { apiVersion: '0.0.2', kind: 'hashedrekord', spec: (hashedRekordV2Request(bytes('lib-2.1.tgz'), signer) as { hashedRekordRequestV002: unknown }).hashedRekordRequestV002 });
      expect(await publishEntry(wb, 'team2', second)).toMatchObject({ logIndex: 1, treeSize: 2 });
      expect(await syncRemote(wb, 'team2')).toMatchObject({ treeSize: 2, rootHash: serve.workbench.info().rootHash });
      expect(wb.leafHashes(remote.id, [0, 1]).map(toHex)).toEqual([uuid, second]);
      expect(searchEntries(wb.store, wb.leafHashes, { sha256: await sha256Hex('lib-2.1.tgz'), log: 'team2' }).uuids).toEqual([second]);
    });

    it('rebuilds a dsseRequestV002 from the body and the payload kept beside it', async () => {
      const serve = await team();
      const wb = publisher();
      addRemote(wb.store, nodeHasher, { name: 'team2', type: 'rekor-v2', url: serve.url, key: serve.workbench.info().verifierKey }, 0);
      const subject = await sha256Hex('tool-3.0.tgz');
      const payload = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'tool-3.0.tgz', digest: { sha256: subject } }], predicateType: 'https://example.com/p', predicate: {} }));
      const payloadType = 'application/vnd.in-toto+json';
      const sig = sign('sha256', preAuthEncoding(payloadType, payload), signer.privateKey);
      const uuid = await localEntry(wb, {
        apiVersion: '0.0.2',
        kind: 'dsse',
        spec: {
          envelope: { payload: payload.toString('base64'), payloadType, signatures: [{ sig: sig.toString('base64'), keyid: 'release-key' }] },
          verifiers: [{ publicKey: { rawBytes: signer.spki.toString('base64') }, keyDetails: 'PKIX_ECDSA_P256_SHA_256' }],
        },
      });
      expect(await publishEntry(wb, 'team2', uuid)).toMatchObject({ logIndex: 0, status: 'created', entry: { kindVersion: { kind: 'dsse', version: '0.0.2' } } });
      await syncRemote(wb, 'team2');
      expect(toHex(wb.leafHashes(wb.store.logByName('team2')!.id, [0])[0]!)).toBe(uuid);
      // The mirror gets only the body (tiles carry no payload): it is found by its signer, not its subjects.
      const fingerprint = createHash('sha256').update(signer.spki).digest('hex');
      expect(searchEntries(wb.store, wb.leafHashes, { keyFingerprint: fingerprint, log: 'team2' }).uuids).toEqual([uuid]);
    });

    it('refuses a 0.0.1 entry, which Rekor v2 cannot log as it is, and sends nothing', async () => {
      const serve = await team();
      const wb = publisher();
      addRemote(wb.store, nodeHasher, { name: 'team2', type: 'rekor-v2', url: serve.url, key: serve.workbench.info().verifierKey }, 0);
      const uuid = await localEntry(wb, hashedRekordProposal(bytes('old.tgz'), signer));
      await expectRejection(publishEntry(wb, 'team2', uuid), InputError, 'publish_kind_unsupported');
      expect(serve.workbench.info().treeSize).toBe(0);
      expectNothingStored(wb, 'team2');
    });
  });

  describe('given bad input', () => {
    it('names the unknown remote, the malformed or unknown uuid and the log without a write API', async () => {
      const wb = publisher();
      const uuid = await localEntry(wb, hashedRekordProposal(bytes('x'), signer));
      addRemote(wb.store, nodeHasher, { name: 'tiles', type: 'tiles', url: 'file:///nonexistent', key: wb.info().verifierKey }, 0);
      await expectRejection(publishEntry(wb, 'nope', uuid), NotFoundError, 'remote_not_found');
      await expectRejection(publishEntry(wb, 'tiles', uuid), InputError, 'remote_type_unsupported');
      addRemote(wb.store, nodeHasher, { name: 'team', type: 'rekor', url: 'http://127.0.0.1:9', key: testSigner('ecdsa-p256').pem }, 0);
      await expectRejection(publishEntry(wb, 'team', 'xyz'), InputError, 'uuid_invalid');
      await expectRejection(publishEntry(wb, 'team', 'ab'.repeat(32)), NotFoundError, 'entry_not_found');
      await expectRejection(publishEntry(wb, 'team', uuid), VerificationError, 'remote_error');
      expectNothingStored(wb, 'team');
    });

    it('stores nothing when the remote is signed by another key', async () => {
      const serve = await team();
      const wb = publisher();
      addRemote(wb.store, nodeHasher, { name: 'team', type: 'rekor', url: serve.url, key: testSigner('ed25519').pem }, 0);
      const uuid = await localEntry(wb, hashedRekordProposal(bytes('y'), signer));
      await expectRejection(publishEntry(wb, 'team', uuid), VerificationError, 'publication_invalid');
      expectNothingStored(wb, 'team');
    });

    const hostile: Array<[string, (res: ServerResponse) => void, string]> = [
      ['an HTML page', (res) => res.writeHead(201, { 'content-type': 'text/html' }).end('<html>proxy login</html>'), 'remote_error'],
      ['a 500', (res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":500,"message":"database down"}'), 'remote_error'],
      ['garbage', (res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"not": "a log entry"'), 'remote_answer_malformed'],
      ['a JSON object that is no LogEntry', (res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"abc": {"body": 1}}'), 'publication_invalid'],
    ];
    for (const [what, answer, code] of hostile) {
      it(`stores nothing when the remote answers ${what}`, async () => {
        const server = createServer((req, res) => {
          req.resume();
          req.on('end', () => answer(res));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
        const wb = publisher();
        addRemote(wb.store, nodeHasher, { name: 'team', type: 'rekor', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, key: testSigner('ecdsa-p256').pem }, 0);
        const uuid = await localEntry(wb, hashedRekordProposal(bytes('z'), signer));
        await expectRejection(publishEntry(wb, 'team', uuid), VerificationError, code);
        expectNothingStored(wb, 'team');
      });
    }

    it('takes a Rekor v2 duplicate (409) from the synced tiles and verifies it like a fresh answer', async () => {
      const serve = await team();
      const wb = publisher();
      addRemote(wb.store, nodeHasher, { name: 'team2', type: 'rekor-v2', url: serve.url, key: serve.workbench.info().verifierKey }, 0);
      const request = hashedRekordV2Request(bytes('dup.tgz'), signer) as { hashedRekordRequestV002: unknown };
      const uuid = await localEntry(wb, { apiVersion: '0.0.2', kind: 'hashedrekord', spec: request.hashedRekordRequestV002 });
      await publishEntry(wb, 'team2', uuid);
      await addEntry(serve.workbench.entryContext(), hashedRekordProposal(bytes('later'), testSigner('ecdsa-p256')));
      const again = await publishEntry(wb, 'team2', uuid);
      expect(again).toMatchObject({ logIndex: 0, treeSize: 2, status: 'existing', entry: { logIndex: '0', inclusionProof: { treeSize: '2' } } });
      expect(new PublicationStore(wb.store.db).byUuid(wb.store.logByName('team2')!.id, uuid)).toMatchObject({ status: 'existing', treeSize: 2 });
    });

    it('refuses a Rekor v2 log that claims a duplicate its verified tree does not hold', async () => {
      const serve = await team();
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          if (req.method === 'POST') return void res.writeHead(409, { 'content-type': 'application/json' }).end('{"code":6,"message":"already exists"}');
          // Everything else (checkpoint, tiles) comes from the honest log, which lacks the entry.
          void fetch(`${serve.url}${req.url}`).then(async (r) => res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? '' }).end(Buffer.from(await r.arrayBuffer())));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
      await addEntry(serve.workbench.entryContext(), hashedRekordProposal(bytes('other'), testSigner('ecdsa-p256')));
      const wb = publisher();
      addRemote(wb.store, nodeHasher, { name: 'liar', type: 'rekor-v2', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, key: serve.workbench.info().verifierKey }, 0);
      const request = hashedRekordV2Request(bytes('never sent'), signer) as { hashedRekordRequestV002: unknown };
      const uuid = await localEntry(wb, { apiVersion: '0.0.2', kind: 'hashedrekord', spec: request.hashedRekordRequestV002 });
      await expectRejection(publishEntry(wb, 'liar', uuid), VerificationError, 'publication_invalid');
      expect(new PublicationStore(wb.store.db).publications()).toEqual([]);
    });
  });
});
