import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/encoding/index.js';
import { verifyConsistency } from '../../../../shared/merkle/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { verifyLogEntryOffline } from '../../../../electron/engine/sigstore/index.js';
import { testSigner } from '../../../fixtures/sigstore/local-signing.js';
import { getUrl, hashedRekordProposal, hashedRekordV2Request, postJson, startTestServe, type TestServe } from '../../../helpers/serve.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('provwb serve host', () => {
  let serve: TestServe;
  const signer = testSigner('ecdsa-p256');
  // ECDSA signatures are randomised: a duplicate is the very same proposal sent again.
  const firstProposal = hashedRekordProposal(enc('artefact one'), signer);
  const firstV2Request = hashedRekordV2Request(enc('v2 artefact'), signer);
  const size = () => serve.workbench.localLog().record().treeSize;
  const v1 = (path: string) => `${serve.url}/api/v1${path}`;

  beforeAll(async () => {
    serve = await startTestServe({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    expect(serve.reported).toEqual([]);
    await serve.close();
  });

  describe('given an empty log', () => {
    it('GET /api/v1/log answers LogInfo of size 0 with the signed checkpoint and a decimal tree ID', async () => {
      const r = await getUrl(v1('/log'));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/json');
      const info = r.json as Record<string, unknown>;
      expect(info).toEqual({ rootHash: toHex(nodeHasher.emptyRoot()), treeSize: 0, signedTreeHead: serve.workbench.localLog().latestCheckpoint(), treeID: serve.host.context.treeId });
      expect(info.treeID).toMatch(/^[0-9]+$/);
    });

    it('GET /api/v1/log/publicKey answers the log key as PEM', async () => {
      const r = await getUrl(v1('/log/publicKey'));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/x-pem-file');
      expect(r.text).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\n$/);
    });

    it('GET /checkpoint answers text/plain, not cached', async () => {
      const r = await getUrl(`${serve.url}/checkpoint`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.text).toBe(serve.workbench.localLog().latestCheckpoint());
    });

    it('GET /tile/0/000.p/1 is 404 (beyond the tree)', async () => {
      expect((await getUrl(`${serve.url}/tile/0/000.p/1`)).status).toBe(404);
    });
  });

  describe('POST /api/v1/log/entries', () => {
    let uuid: string;
    let logIndex: number;

    it('given a signed hashedrekord, answers 201 with Location, ETag and a LogEntry that verifies', async () => {
      const r = await postJson(v1('/log/entries'), firstProposal);
      expect(r.status).toBe(201);
      const [key, entry] = Object.entries(r.json as Record<string, { logIndex: number }>)[0]!;
      uuid = key;
      logIndex = entry.logIndex;
      expect(r.headers.get('location')).toBe(`/api/v1/log/entries/${uuid}`);
      expect(r.headers.get('etag')).toBe(uuid);
      const verified = verifyLogEntryOffline({ entryJson: r.json, publicKeyPem: serve.host.context.publicKeyPem });
      expect(verified.checks).toEqual({ uuid: 'pass', set: 'pass', inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass' });
    });

    it('given the same entry again, answers 409 with the existing entry\'s Location and stores nothing', async () => {
      const before = size();
      const r = await postJson(v1('/log/entries'), firstProposal);
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ code: 409, message: expect.stringContaining(uuid) });
      expect(r.headers.get('location')).toBe(`/api/v1/log/entries/${uuid}`);
      expect(size()).toBe(before);
    });

    it.each([
      ['malformed JSON', '{"kind":', 400],
      ['a JSON array', '[1,2]', 400],
      ['wrong types', '{"kind":7,"apiVersion":"0.0.1","spec":{}}', 400],
      ['an unknown kind', '{"kind":"nope","apiVersion":"0.0.1","spec":{}}', 400],
      ['a spec that breaks the schema', '{"kind":"hashedrekord","apiVersion":"0.0.1","spec":{"data":{}}}', 400],
    ])('given %s, answers %i {code, message} and stores nothing', async (_name, body, status) => {
      const before = size();
      const r = await postJson(v1('/log/entries'), body, { raw: true });
      expect(r.status).toBe(status);
      expect(r.json).toEqual({ code: status, message: expect.any(String) });
      expect(size()).toBe(before);
    });

    it('given a signature over another artefact, answers 400 and stores nothing', async () => {
      const before = size();
      const proposal = hashedRekordProposal(enc('artefact two'), signer) as { spec: { data: { hash: { value: string } } } };
      proposal.spec.data.hash.value = createHash('sha256').update('something else').digest('hex');
      const r = await postJson(v1('/log/entries'), proposal);
      expect(r.status).toBe(400);
      expect((r.json as { message: string }).message).toMatch(/signature/);
      expect(size()).toBe(before);
    });

    it('given a body over the limit, answers 413 and stores nothing', async () => {
      const before = size();
      const r = await postJson(v1('/log/entries'), { kind: 'hashedrekord', apiVersion: '0.0.1', spec: { pad: 'x'.repeat(70 * 1024) } });
      expect(r.status).toBe(413);
      expect(r.json).toEqual({ code: 413, message: expect.stringContaining(String(64 * 1024)) });
      expect(size()).toBe(before);
    });

    it.each([
      ['declares 1 GB and sends a little', { 'Content-Length': String(1 << 30) }, 1024],
      ['streams chunks past the limit without a length', { 'Transfer-Encoding': 'chunked' }, 80 * 1024],
    ])('given a body that %s, answers 413 without waiting for the rest', async (_name, headers, send) => {
      const before = size();
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(v1('/log/entries'), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
          req.destroy();
        });
        req.on('error', reject);
        req.write('x'.repeat(send));
        // The request is never ended: only an early answer settles this promise.
      });
      expect(status).toBe(413);
      expect(size()).toBe(before);
    });

    it('GET /api/v1/log/entries?logIndex= and /entries/{uuid} (64 and 80 hex) answer the same entry', async () => {
      const byIndex = await getUrl(v1(`/log/entries?logIndex=${logIndex}`));
      const byUuid = await getUrl(v1(`/log/entries/${uuid}`));
      const byEntryId = await getUrl(v1(`/log/entries/${serve.host.context.treeIdHex}${uuid.toUpperCase()}`));
      expect([byIndex.status, byUuid.status, byEntryId.status]).toEqual([200, 200, 200]);
      expect(byUuid.json).toEqual(byIndex.json);
      expect(byEntryId.json).toEqual(byIndex.json);
    });

    it.each([
      ['/log/entries?logIndex=99', 404],
      ['/log/entries?logIndex=-1', 422],
      ['/log/entries?logIndex=one', 422],
      ['/log/entries', 422],
      [`/log/entries/${'ab'.repeat(32)}`, 404],
      [`/log/entries/${'0'.repeat(16)}${'ab'.repeat(32)}`, 404],
      ['/log/entries/not-a-uuid', 422],
    ])('GET %s answers %i', async (path, status) => {
      const r = await getUrl(v1(path));
      expect(r.status).toBe(status);
      expect(r.json).toEqual({ code: status, message: expect.any(String) });
    });
  });

  describe('POST /api/v1/log/entries/retrieve', () => {
    it('answers the entries named by uuid, index and proposed entry, leaving out those it lacks', async () => {
      const added = await postJson(v1('/log/entries'), hashedRekordProposal(enc('artefact retrieve'), signer));
      const [uuid] = Object.keys(added.json as object);
      const r = await postJson(v1('/log/entries/retrieve'), { entryUUIDs: [uuid, 'cd'.repeat(32)], logIndexes: [0, 500], entries: [firstProposal, hashedRekordProposal(enc('never logged'), signer)] });
      expect(r.status).toBe(200);
      const keys = (r.json as object[]).map((m) => Object.keys(m)[0]);
      expect(keys).toHaveLength(3);
      expect(keys[0]).toBe(uuid);
      expect(keys[1]).toBe(keys[2]);
    });

    it.each([
      ['more than 10 indexes', { logIndexes: Array.from({ length: 11 }, (_, i) => i) }, 422],
      ['a negative index', { logIndexes: [-1] }, 422],
      ['a bad uuid', { entryUUIDs: ['xyz'] }, 422],
      ['no query', {}, 422],
      ['entries that are not a list', { entries: {} }, 422],
    ])('given %s, answers %i', async (_name, body, status) => {
      const r = await postJson(v1('/log/entries/retrieve'), body);
      expect(r.status).toBe(status);
      expect(r.json).toEqual({ code: status, message: expect.any(String) });
    });
  });

  describe('POST /api/v1/index/retrieve', () => {
    it('finds entries by hash, by public key, and combines them with or/and', async () => {
      const other = testSigner('ecdsa-p256');
      const a = await postJson(v1('/log/entries'), hashedRekordProposal(enc('indexed artefact'), other));
      const [uuidA] = Object.keys(a.json as object);
      const digest = createHash('sha256').update('indexed artefact').digest('hex');
      expect((await postJson(v1('/index/retrieve'), { hash: `sha256:${digest}` })).json).toEqual([uuidA]);
      expect((await postJson(v1('/index/retrieve'), { publicKey: { format: 'x509', content: Buffer.from(other.pem).toString('base64') } })).json).toEqual([uuidA]);
      expect((await postJson(v1('/index/retrieve'), { publicKey: { format: 'x509', content: other.pem } })).json).toEqual([uuidA]);
      const oneDigest = createHash('sha256').update('artefact one').digest('hex');
      const or = (await postJson(v1('/index/retrieve'), { hash: oneDigest, publicKey: { format: 'x509', content: other.pem } })).json as string[];
      expect(or).toHaveLength(2);
      expect(or).toContain(uuidA);
      expect((await postJson(v1('/index/retrieve'), { hash: oneDigest, publicKey: { format: 'x509', content: other.pem }, operator: 'and' })).json).toEqual([]);
    });

    it.each([
      ['no criteria', {}, 400],
      ['a bad operator', { hash: 'ab'.repeat(32), operator: 'xor' }, 422],
      ['a hash of no known form', { hash: 'abc' }, 422],
      ['a sha512 digest (not indexed)', { hash: 'ab'.repeat(64) }, 400],
      ['a key URL (never fetched)', { publicKey: { format: 'x509', url: 'http://example.com/key.pem' } }, 400],
      ['a key that is not one', { publicKey: { format: 'x509', content: 'bm90IGEga2V5' } }, 400],
      ['an unknown key format', { publicKey: { format: 'gpg', content: 'x' } }, 422],
    ])('given %s, answers %i', async (_name, body, status) => {
      const r = await postJson(v1('/index/retrieve'), body);
      expect(r.status).toBe(status);
      expect(r.json).toEqual({ code: status, message: expect.any(String) });
    });
  });

  describe('GET /api/v1/log/proof', () => {
    it('answers a consistency proof that verifies between two checkpoints', async () => {
      const n = size();
      const r = await getUrl(v1(`/log/proof?firstSize=1&lastSize=${n}`));
      expect(r.status).toBe(200);
      const proof = r.json as { rootHash: string; hashes: string[] };
      const log = serve.workbench.localLog();
      expect(proof.rootHash).toBe(toHex(log.rootAt(n)));
      expect(() => verifyConsistency(1, n, proof.hashes.map((h) => new Uint8Array(Buffer.from(h, 'hex'))), log.rootAt(1), log.rootAt(n), nodeHasher)).not.toThrow();
    });

    it.each([
      ['?firstSize=2&lastSize=1', 400],
      ['?lastSize=9999', 400],
      ['', 422],
      ['?lastSize=0', 422],
      ['?lastSize=x', 422],
    ])('GET /log/proof%s answers %i', async (query, status) => {
      expect((await getUrl(v1(`/log/proof${query}`))).status).toBe(status);
    });
  });

  describe('POST /api/v2/log/entries', () => {
    it('answers 201 with a TransparencyLogEntry in rekor-tiles\' protobuf JSON that verifies', async () => {
      const r = await postJson(`${serve.url}/api/v2/log/entries`, firstV2Request);
      expect(r.status).toBe(201);
      const tle = r.json as Record<string, unknown>;
      expect(Object.keys(tle)).toEqual(['logIndex', 'logId', 'kindVersion', 'integratedTime', 'inclusionPromise', 'inclusionProof', 'canonicalizedBody']);
      expect(tle).toMatchObject({ logIndex: String(size() - 1), kindVersion: { kind: 'hashedrekord', version: '0.0.2' }, integratedTime: '0', inclusionPromise: null, logId: { keyId: serve.host.context.logIdBase64 } });
      expect(verifyLogEntryOffline({ entryJson: tle, publicKeyPem: serve.host.context.publicKeyPem })).toMatchObject({ format: 'transparency_log_entry', checks: { inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass', set: 'skip' } });
    });

    it.each([
      ['a duplicate', () => firstV2Request, 409, 6],
      ['an unknown field', () => ({ hashedRekordRequestV002: {}, extra: 1 }), 400, 3],
      ['no request', () => ({}), 400, 3],
      ['a bad signature', () => hashedRekordV2Request(enc('v2 artefact'), testSigner('ecdsa-p256')) as unknown, 400, 3],
    ])('given %s, answers %i with a google.rpc.Status and stores nothing', async (_name, body, status, code) => {
      const request = body() as { hashedRekordRequestV002?: { signature?: { verifier?: unknown } } };
      if (_name === 'a bad signature') request.hashedRekordRequestV002!.signature!.verifier = (hashedRekordV2Request(enc('x'), signer).hashedRekordRequestV002 as { signature: { verifier: unknown } }).signature.verifier;
      const before = size();
      const r = await postJson(`${serve.url}/api/v2/log/entries`, request);
      expect(r.status).toBe(status);
      expect(r.json).toEqual({ code, message: expect.any(String), details: [] });
      expect(size()).toBe(before);
    });

    it('given malformed JSON, answers 400 InvalidArgument', async () => {
      const r = await postJson(`${serve.url}/api/v2/log/entries`, '{', { raw: true });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 3 });
    });
  });

  describe('tiles', () => {
    it('serves the partial level-0 tile and entry bundle of the current size, not cached, as octet-stream', async () => {
      const n = size();
      const tile = await getUrl(`${serve.url}/tile/0/000.p/${n}`);
      expect(tile.status).toBe(200);
      expect(tile.headers.get('content-type')).toBe('application/octet-stream');
      expect(tile.headers.get('cache-control')).toBe('no-cache');
      expect(tile.bytes.length).toBe(32 * n);
      expect(toHex(tile.bytes.subarray(0, 32))).toBe(toHex(serve.workbench.localLog().leafHash(0)));
      const bundle = await getUrl(`${serve.url}/tile/entries/000.p/${n}`);
      expect(bundle.status).toBe(200);
      const first = serve.workbench.store.entryBodies(serve.workbench.localLog().record().id, 0, 1)[0]!;
      expect((bundle.bytes[0]! << 8) | bundle.bytes[1]!).toBe(first.length);
      // A narrower partial tile is the prefix the tree had at that width.
      expect((await getUrl(`${serve.url}/tile/0/000.p/1`)).bytes).toEqual(tile.bytes.subarray(0, 32));
    });

    it.each([['/tile/0/000'], ['/tile/entries/000'], ['/tile/0/001.p/1'], ['/tile/1/000.p/1'], ['/tile/0/000.p/255'], ['/tile/0/0'], ['/tile/0/000.p/0'], ['/nothing']])('GET %s answers 404', async (path) => {
      expect((await getUrl(`${serve.url}${path}`)).status).toBe(404);
    });
  });

  describe('methods and unknown routes', () => {
    it.each([
      ['DELETE', '/api/v1/log', 405],
      ['PUT', '/api/v1/log/entries', 405],
      ['GET', '/api/v2/log/entries', 405],
      ['GET', '/api/v1/nothing', 404],
    ])('%s %s answers %i', async (method, path, status) => {
      const r = await fetch(`${serve.url}${path}`, { method });
      expect(r.status).toBe(status);
      if (status === 405) expect(r.headers.get('allow')).toBeTruthy();
    });

    it('HEAD /checkpoint answers the headers without a body', async () => {
      const status = await new Promise<{ code: number; length: string | undefined; body: string }>((resolve, reject) => {
        const req = request(`${serve.url}/checkpoint`, { method: 'HEAD' }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ code: res.statusCode!, length: res.headers['content-length'], body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(status.code).toBe(200);
      expect(Number(status.length)).toBeGreaterThan(0);
      expect(status.body).toBe('');
    });
  });
});
