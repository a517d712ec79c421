/**
 * Interop of the keyring's minisign keys with minisign 0.11: we import `minisign -G -W` secret
 * keys, and `minisign -Vm FILE -P KEY` verifies what we sign (prehashed ED by default, legacy Ed on
 * request, trusted comment included); our exported public key file works with `minisign -V -p`;
 * a password-protected key is refused, and the hint (`minisign -C -W`) makes it importable.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { InputError } from '../../shared/api/index.js';
import type { Keyring } from '../../electron/engine/keys/index.js';
import { expectRejection } from '../helpers/assertions.js';
import { tempDir } from '../helpers/temp-dir.js';
import { PASSPHRASE, describeRun, requireTool, runTool, tempKeyring } from '../unit/engine/keys/keys-test-helpers.js';

const DATA = new TextEncoder().encode('release-1.0.0.tar.gz contents\n');
const MINISIGN_PASSWORD = 'minisign password';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** Returns a keyring, a work folder holding `artifact`, and a fresh `minisign -G` key pair (with `-W` unless a password is given). */
function setup(ctx: TestContext, password?: string): { k: Keyring; dir: string; artifact: string; secretKey: string; publicKey: string } {
  requireTool(ctx, 'minisign', ['-v']);
  const t = tempKeyring();
  cleanups.push(t.cleanup);
  const { dir, cleanup } = tempDir('pwb-minisign-');
  cleanups.push(cleanup);
  const artifact = path.join(dir, 'artifact.tar.gz');
  writeFileSync(artifact, DATA);
  const secretKey = path.join(dir, 'minisign.key');
  const publicKey = path.join(dir, 'minisign.pub');
  const made =
    password === undefined
      ? runTool('minisign', ['-G', '-W', '-p', publicKey, '-s', secretKey])
      : runTool('minisign', ['-G', '-p', publicKey, '-s', secretKey], { input: `${password}\n${password}\n` });
  expect(made.status, describeRun(made)).toBe(0);
  return { k: t.keyring, dir, artifact, secretKey, publicKey };
}

/** Returns the bare base64 key line of a minisign public key file (what -P takes). */
function keyLine(publicKeyFile: string): string {
  return readFileSync(publicKeyFile, 'utf8').trim().split('\n').at(-1)!;
}

describe('minisign signatures against minisign -V', () => {
  describe('given a minisign -G -W secret key', () => {
    it('imports with minisign’s key id and signs prehashed signatures that minisign -Vm -P verifies', async (ctx) => {
      const { k, artifact, secretKey, publicKey } = setup(ctx);
      const info = await k.import(readFileSync(secretKey), { name: 'mini', passphrase: PASSPHRASE });
      const minisignId = readFileSync(publicKey, 'utf8').split('\n')[0]!.split(' ').at(-1)!;
      expect(info.type).toBe('minisign');
      expect(info.fingerprint.replace(/^0+/, '')).toBe(minisignId.replace(/^0+/, ''));
      expect(info.fingerprint).toMatch(/^[0-9A-F]{16}$/);

      const sig = await k.signDetached('mini', PASSPHRASE, DATA, { fileName: 'artifact.tar.gz' });
      writeFileSync(`${artifact}.minisig`, sig.signature);
      // -H requires the prehashed ED form.
      const verified = runTool('minisign', ['-V', '-H', '-m', artifact, '-P', keyLine(publicKey)]);
      expect(verified.status, describeRun(verified)).toBe(0);
      expect(verified.stdout).toContain('Signature and comment signature verified');
      expect(verified.stdout).toMatch(/Trusted comment: timestamp:\d+\tfile:artifact\.tar\.gz\thashed/);

      writeFileSync(artifact, new TextEncoder().encode('tampered'));
      expect(runTool('minisign', ['-V', '-m', artifact, '-P', keyLine(publicKey)]).status).not.toBe(0);
    });

    it('signs legacy Ed signatures with a custom trusted comment that minisign verifies', async (ctx) => {
      const { k, artifact, secretKey, publicKey } = setup(ctx);
      await k.import(readFileSync(secretKey), { name: 'mini', passphrase: PASSPHRASE });
      const sig = await k.signDetached('mini', PASSPHRASE, DATA, { prehash: false, trustedComment: 'provwb release 1.0.0' });
      writeFileSync(`${artifact}.minisig`, sig.signature);
      const verified = runTool('minisign', ['-V', '-m', artifact, '-P', keyLine(publicKey)]);
      expect(verified.status, describeRun(verified)).toBe(0);
      expect(verified.stdout).toContain('Trusted comment: provwb release 1.0.0');
      // A legacy signature is refused where the prehashed form is required.
      expect(runTool('minisign', ['-V', '-H', '-m', artifact, '-P', keyLine(publicKey)]).status).not.toBe(0);
    });

    it('exports a public key file that minisign -V -p uses to verify minisign’s own signature', async (ctx) => {
      const { k, dir, artifact, secretKey } = setup(ctx);
      await k.import(readFileSync(secretKey), { name: 'mini', passphrase: PASSPHRASE });
      const signed = runTool('minisign', ['-S', '-s', secretKey, '-m', artifact], { input: '' });
      expect(signed.status, describeRun(signed)).toBe(0);
      const exported = path.join(dir, 'exported.pub');
      writeFileSync(exported, k.exportPublic('mini').text);
      const verified = runTool('minisign', ['-V', '-m', artifact, '-p', exported]);
      expect(verified.status, describeRun(verified)).toBe(0);
    });
  });

  describe('given a password-protected minisign secret key', () => {
    it('refuses it with key_encrypted, and imports it after the hint’s minisign -C -W', async (ctx) => {
      const { k, dir, artifact, secretKey, publicKey } = setup(ctx, MINISIGN_PASSWORD);
      const error = await expectRejection(k.import(readFileSync(secretKey), { name: 'mini', passphrase: PASSPHRASE }), InputError, 'key_encrypted');
      expect(error.hint).toContain('minisign -C');
      expect(k.list()).toEqual([]);

      const copy = path.join(dir, 'copy.key');
      copyFileSync(secretKey, copy);
      // minisign -C -W asks for the current password and stores the key unencrypted, with its checksum.
      const removed = runTool('minisign', ['-C', '-W', '-s', copy], { input: `${MINISIGN_PASSWORD}\n` });
      expect(removed.status, describeRun(removed)).toBe(0);
      await k.import(readFileSync(copy), { name: 'mini', passphrase: PASSPHRASE });
      const sig = await k.signDetached('mini', PASSPHRASE, DATA);
      writeFileSync(`${artifact}.minisig`, sig.signature);
      const verified = runTool('minisign', ['-V', '-m', artifact, '-P', keyLine(publicKey)]);
      expect(verified.status, describeRun(verified)).toBe(0);
    });
  });
});
