import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { cliJson, runCliIn } from '../helpers/cli.js';
import { repoRoot } from '../helpers/testdata.js';

const env = { PROVWB_PASSPHRASE: 'correct horse battery staple' };

function hasTool(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** Verifies a bundle with sigstore-js exactly as SIGSTORE.md describes, with our exported trusted root. */
function sigstoreJsVerify(bundlePath: string, artifact: Buffer, rootPath: string, publicKeyPem: string, hint: string): void {
  const key = createPublicKey(publicKeyPem);
  const keyDetails = key.asymmetricKeyType === 'ed25519' ? PublicKeyDetails.PKIX_ED25519 : PublicKeyDetails.PKIX_ECDSA_P256_SHA_256;
  const spki = key.export({ type: 'spki', format: 'der' });
  const trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(readFileSync(rootPath, 'utf8'))), { [hint]: { rawBytes: spki, keyDetails, validFor: { start: new Date(0) } } });
  const entity = toSignedEntity(bundleFromJSON(JSON.parse(readFileSync(bundlePath, 'utf8'))), artifact);
  new Verifier(trust, { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 }).verify(entity);
}

describe('a release engineer signs with provwb (CLI end to end)', () => {
  let dir: string;
  let cleanup: () => void;
  let work: string;
  const artifact = Buffer.from('release 2.4.1 tarball bytes\n');
  const digest = createHash('sha256').update(artifact).digest('hex');

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    work = mkdtempSync(path.join(os.tmpdir(), 'provwb-sign-'));
    writeFileSync(path.join(work, 'release.tar'), artifact);
    await cliJson(dir, ['init', '--origin', 'sign.test/log']);
    await cliJson(dir, ['trusted-root', 'export', '--out', path.join(work, 'trusted_root.json')]);
  }, 120_000);
  afterAll(() => cleanup());

  for (const type of ['ecdsa-p256', 'ed25519'] as const) {
    describe(`given a ${type} key`, () => {
      it('writes a bundle that sigstore-js and provwb verify, and that fails for another file', async () => {
        const key = await cliJson<{ fingerprint: string }>(dir, ['keys', 'generate', '--type', type, '--name', `rel-${type}`], { env });
        const bundle = path.join(work, `release.${type}.sigstore.json`);
        const signed = await cliJson<{ uuid: string; logIndex: number; bundle: string }>(dir, ['sign', path.join(work, 'release.tar'), '--key', `rel-${type}`, '--bundle', bundle], { env });
        expect(signed.bundle).toBe(bundle);
        const pem = (await cliJson<{ text: string }>(dir, ['keys', 'export', `rel-${type}`])).text;
        const hint = (JSON.parse(readFileSync(bundle, 'utf8')) as { verificationMaterial: { publicKey: { hint: string } } }).verificationMaterial.publicKey.hint;
        expect(hint).toBe(key.fingerprint);
        expect(() => sigstoreJsVerify(bundle, artifact, path.join(work, 'trusted_root.json'), pem, hint)).not.toThrow();
        // sigstore-js checks a message signature against the file, but never ties a DSSE bundle to it;
        // `provwb verify artifact` does both (the in-toto subject must carry the file's digest), below.
        if (type === 'ecdsa-p256') expect(() => sigstoreJsVerify(bundle, Buffer.from('another file'), path.join(work, 'trusted_root.json'), pem, hint)).toThrow();

        writeFileSync(path.join(work, `key-${type}.pem`), pem);
        const ok = await cliJson<{ ok: boolean; logIndex: number; checks: Array<{ name: string; status: string }> }>(dir, ['verify', 'artifact', path.join(work, 'release.tar'), '--bundle', bundle, '--key', path.join(work, `key-${type}.pem`)]);
        expect(ok.ok).toBe(true);
        expect(ok.logIndex).toBe(signed.logIndex);
        expect(ok.checks.filter((c) => c.status === 'fail')).toEqual([]);
        writeFileSync(path.join(work, 'tampered.tar'), 'tampered');
        const bad = await runCliIn(dir, ['verify', 'artifact', path.join(work, 'tampered.tar'), '--bundle', bundle, '--json']);
        expect(bad.status).toBe(1);
        expect(JSON.parse(bad.stdout).error.code).toBe('artifact_verification_failed');

        const found = await cliJson<{ uuids: string[] }>(dir, ['search', '--sha256', digest, '--public-key', path.join(work, `key-${type}.pem`)]);
        expect(found.uuids).toEqual([signed.uuid]);
      }, 120_000);
    });
  }

  describe('given an OpenPGP key', () => {
    it('writes an armored signature that gpg accepts, logged as rekord and found by email', async (ctx) => {
      if (!hasTool('gpg')) ctx.skip();
      await cliJson(dir, ['keys', 'generate', '--type', 'pgp', '--name', 'rel-pgp', '--email', 'Release@Example.org'], { env });
      const signed = await cliJson<{ uuid: string; signature: string }>(dir, ['sign', path.join(work, 'release.tar'), '--key', 'rel-pgp'], { env });
      expect(signed.signature).toBe(path.join(work, 'release.tar.asc'));
      const gnupgHome = mkdtempSync(path.join(os.tmpdir(), 'provwb-gpg-'));
      const armored = (await cliJson<{ text: string }>(dir, ['keys', 'export', 'rel-pgp'])).text;
      execFileSync('gpg', ['--batch', '--homedir', gnupgHome, '--import'], { input: armored, stdio: ['pipe', 'ignore', 'ignore'] });
      const verify = spawnSync('gpg', ['--batch', '--homedir', gnupgHome, '--verify', signed.signature, path.join(work, 'release.tar')], { encoding: 'utf8' });
      expect(verify.status, verify.stderr).toBe(0);
      expect(verify.stderr).toContain('Good signature');
      const byEmail = await cliJson<{ uuids: string[] }>(dir, ['search', '--email', 'release@*']);
      expect(byEmail.uuids).toContain(signed.uuid);
      const entry = await cliJson<Record<string, { body: string }>>(dir, ['get', '--uuid', signed.uuid]);
      expect(JSON.parse(Buffer.from(entry[signed.uuid]!.body, 'base64').toString())).toMatchObject({ kind: 'rekord', spec: { signature: { format: 'pgp' }, data: { hash: { value: digest } } } });
    }, 120_000);
  });

  describe('given the verify commands run with no network', () => {
    it('still verifies (unshare -n)', async (ctx) => {
      if (spawnSync('unshare', ['-n', 'true']).status !== 0) ctx.skip();
      const bundle = path.join(work, 'release.ecdsa-p256.sigstore.json');
      const run = spawnSync('unshare', ['-n', process.execPath, path.join(repoRoot, 'bin/provwb.js'), '--data-dir', dir, 'verify', 'artifact', path.join(work, 'release.tar'), '--bundle', bundle, '--trusted-root', path.join(work, 'trusted_root.json'), '--json'], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).ok).toBe(true);
    }, 60_000);
  });

  describe('given the index after all of it', () => {
    it('rebuilds to the same rows', async () => {
      expect((await cliJson<{ ok: boolean }>(dir, ['index', 'verify'])).ok).toBe(true);
    });
  });
});

describe('a type designer defines a kind by a layout (CLI end to end)', () => {
  it('adds the layout, logs a verified entry, finds it by an indexed field, and refuses a tampered one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      await cliJson(dir, ['init', '--origin', 'types.test/log']);
      const examples = path.join(repoRoot, 'examples/layouts');
      await cliJson(dir, ['types', 'validate', path.join(examples, 'build-provenance-0.0.1.layout.json')]);
      await cliJson(dir, ['types', 'add', path.join(examples, 'build-provenance-0.0.1.layout.json')]);
      const again = await runCliIn(dir, ['types', 'add', path.join(examples, 'build-provenance-0.0.1.layout.json'), '--json']);
      expect(again.status).toBe(1);
      const entryPath = path.join(examples, 'build-provenance-0.0.1.entry.json');
      const added = await cliJson<Record<string, { logIndex: number }>>(dir, ['add', entryPath]);
      const [uuid] = Object.keys(added);
      const layout = JSON.parse(readFileSync(path.join(examples, 'build-provenance-0.0.1.layout.json'), 'utf8')) as { index: Record<string, string> };
      const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { spec: Record<string, unknown> };
      const [field, pointer] = Object.entries(layout.index)[0]!;
      const value = pointer.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], entry.spec);
      const found = await cliJson<{ uuids: string[] }>(dir, ['search', '--field', `${field}=${String(value)}`]);
      expect(found.uuids).toEqual([uuid]);
      const tampered = structuredClone(entry);
      const firstKey = Object.keys(tampered.spec).find((k) => typeof tampered.spec[k] === 'string' && !/signature/i.test(k))!;
      tampered.spec[firstKey] = `${String(tampered.spec[firstKey])}x`;
      const tamperedPath = path.join(dir, 'tampered.json');
      writeFileSync(tamperedPath, JSON.stringify(tampered));
      const before = await cliJson<{ treeSize: number }>(dir, ['log', 'info']);
      const rejected = await runCliIn(dir, ['add', tamperedPath, '--json']);
      expect(rejected.status).toBe(1);
      expect((await cliJson<{ treeSize: number }>(dir, ['log', 'info'])).treeSize).toBe(before.treeSize);
      const types = await cliJson<{ types: Array<{ kind: string; source: string }> }>(dir, ['types', 'list']);
      expect(types.types).toContainEqual(expect.objectContaining({ kind: 'build-provenance', source: 'layout' }));
    } finally {
      cleanup();
    }
  }, 120_000);
});
