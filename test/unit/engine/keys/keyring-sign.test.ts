/**
 * Signing round trips for every key type and format, checked with verifiers that do not share code
 * with the engine: node:crypto for raw signatures, openpgp.js for OpenPGP, and the spec-written
 * SSHSIG / minisign verifiers of keys-test-helpers.ts (themselves checked against real signatures).
 */
import { createHash, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import type { Keyring } from '../../../../electron/engine/keys/index.js';
import { repoRoot } from '../../../helpers/testdata.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { FIXED_NOW_MS } from '../../../helpers/fake-clock.js';
import { PASSPHRASE, tempKeyring, verifyMinisig, verifySshsig, wallClock } from './keys-test-helpers.js';

const DATA = new TextEncoder().encode('provenance workbench release v1.2.3\n');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(repoRoot, 'test/fixtures/keys', name)));

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function keyring(clock = undefined as Parameters<typeof tempKeyring>[0]): Keyring {
  const t = tempKeyring(clock);
  cleanups.push(t.cleanup);
  return t.keyring;
}

async function verifyOpenPgp(armoredSignature: string, armoredKey: string, data: Uint8Array): Promise<{ valid: boolean; created: Date | null }> {
  const result = await openpgp.verify({
    message: await openpgp.createMessage({ binary: data }),
    signature: await openpgp.readSignature({ armoredSignature }),
    verificationKeys: await openpgp.readKey({ armoredKey }),
    format: 'binary',
  });
  const sig = result.signatures[0]!;
  try {
    await sig.verified;
    return { valid: true, created: (await sig.signature).packets[0]!.created };
  } catch {
    return { valid: false, created: null };
  }
}

describe('Keyring.signDetached', () => {
  describe('given generated PKIX keys', () => {
    it('makes a raw Ed25519 signature over the data that node:crypto verifies with the returned PEM', async () => {
      const k = keyring();
      await k.generate({ type: 'ed25519', name: 'ed', passphrase: PASSPHRASE });
      const sig = await k.signDetached('ed', PASSPHRASE, DATA);
      expect(sig.format).toBe('raw');
      expect(sig.signature.length).toBe(64);
      expect(sig.publicKey).toEqual({ format: 'pem-spki', text: k.exportPublic('ed').text });
      expect(verify(null, DATA, sig.publicKey.text, sig.signature)).toBe(true);
      expect(verify(null, new TextEncoder().encode('other'), sig.publicKey.text, sig.signature)).toBe(false);
    });

    it('makes a DER ECDSA P-256 signature over SHA-256 of the data', async () => {
      const k = keyring();
      await k.generate({ type: 'ecdsa-p256', name: 'ec', passphrase: PASSPHRASE });
      const sig = await k.signDetached('ec', PASSPHRASE, DATA, { format: 'raw' });
      expect(sig.signature[0]).toBe(0x30);
      expect(verify('sha256', DATA, { key: sig.publicKey.text, dsaEncoding: 'der' }, sig.signature)).toBe(true);
      expect(sig.fingerprint).toBe(k.get('ec').fingerprint);
    });

    for (const type of ['ed25519', 'ecdsa-p256'] as const) {
      it(`makes an SSHSIG with a ${type} key and returns its OpenSSH line`, async () => {
        const k = keyring();
        await k.generate({ type, name: 'k', email: 'k@example.org', passphrase: PASSPHRASE });
        const sig = await k.signDetached('k', PASSPHRASE, DATA, { format: 'sshsig' });
        expect(sig.publicKey.format).toBe('openssh');
        expect(sig.publicKey.text).toMatch(type === 'ed25519' ? /^ssh-ed25519 AAAA\S+ k@example.org\n$/ : /^ecdsa-sha2-nistp256 AAAA\S+ k@example.org\n$/);
        expect(verifySshsig(text(sig.signature), sig.publicKey.text, 'file', DATA)).toBe(true);
        expect(verifySshsig(text(sig.signature), sig.publicKey.text, 'git', DATA)).toBe(false);
      });
    }
  });

  describe('given a generated OpenPGP key', () => {
    it('makes an armored detached signature dated by the clock that openpgp.js verifies', async () => {
      const k = keyring();
      await k.generate({ type: 'pgp', name: 'pgp', email: 'release@example.org', passphrase: PASSPHRASE });
      const sig = await k.signDetached('pgp', PASSPHRASE, DATA);
      expect(sig.format).toBe('openpgp');
      expect(text(sig.signature)).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
      expect(sig.publicKey).toEqual({ format: 'openpgp-armored', text: k.exportPublic('pgp').text });
      const checked = await verifyOpenPgp(text(sig.signature), sig.publicKey.text, DATA);
      expect(checked.valid).toBe(true);
      expect(checked.created?.getTime()).toBe(FIXED_NOW_MS);
      expect((await verifyOpenPgp(text(sig.signature), sig.publicKey.text, new TextEncoder().encode('tampered'))).valid).toBe(false);
    });

    it('refuses raw and sshsig formats with format_unsupported', async () => {
      const k = keyring();
      await k.generate({ type: 'pgp', name: 'pgp', passphrase: PASSPHRASE });
      await expectRejection(k.signDetached('pgp', PASSPHRASE, DATA, { format: 'raw' }), InputError, 'format_unsupported');
      await expectRejection(k.signDetached('pgp', PASSPHRASE, DATA, { format: 'sshsig' }), InputError, 'format_unsupported');
    });
  });

  describe('given imported OpenSSH private keys', () => {
    for (const name of ['ssh-ed25519', 'ssh-ecdsa-p256', 'ssh-rsa3072']) {
      it(`signs ${name} SSHSIGs that verify with the original .pub line`, async () => {
        const k = keyring();
        await k.import(fixture(name), { name: 'ssh', passphrase: PASSPHRASE });
        const sig = await k.signDetached('ssh', PASSPHRASE, DATA);
        expect(sig.format).toBe('sshsig');
        const pubLine = text(fixture(`${name}.pub`));
        expect(sig.publicKey.text).toBe(pubLine);
        expect(verifySshsig(text(sig.signature), pubLine, 'file', DATA)).toBe(true);
      });
    }

    it('uses the namespace asked for', async () => {
      const k = keyring();
      await k.import(fixture('ssh-ed25519'), { name: 'ssh', passphrase: PASSPHRASE });
      const sig = await k.signDetached('ssh', PASSPHRASE, DATA, { namespace: 'git' });
      expect(verifySshsig(text(sig.signature), sig.publicKey.text, 'git', DATA)).toBe(true);
      expect(verifySshsig(text(sig.signature), sig.publicKey.text, 'file', DATA)).toBe(false);
    });

    it('refuses raw signatures with an RSA key', async () => {
      const k = keyring();
      await k.import(fixture('ssh-rsa3072'), { name: 'ssh', passphrase: PASSPHRASE });
      await expectRejection(k.signDetached('ssh', PASSPHRASE, DATA, { format: 'raw' }), InputError, 'format_unsupported');
    });
  });

  describe('given an imported minisign -G -W secret key', () => {
    it('makes a prehashed ED signature with the default trusted comment', async () => {
      const k = keyring();
      await k.import(fixture('minisign.key'), { name: 'mini', passphrase: PASSPHRASE });
      const sig = await k.signDetached('mini', PASSPHRASE, DATA, { fileName: 'release.tar.gz' });
      const minisig = text(sig.signature);
      expect(sig.format).toBe('minisign');
      expect(Buffer.from(minisig.split('\n')[1]!, 'base64').subarray(0, 2).toString()).toBe('ED');
      expect(minisig.split('\n')[2]).toBe(`trusted comment: timestamp:${FIXED_NOW_MS / 1000}\tfile:release.tar.gz\thashed`);
      expect(sig.publicKey.text).toBe(k.exportPublic('mini').text);
      expect(verifyMinisig(minisig, text(fixture('minisign.pub')), DATA)).toBe(true);
    });

    it('makes a legacy Ed signature when prehash is false, with a custom trusted comment', async () => {
      const k = keyring();
      await k.import(fixture('minisign.key'), { name: 'mini', passphrase: PASSPHRASE });
      const sig = await k.signDetached('mini', PASSPHRASE, DATA, { prehash: false, trustedComment: 'release v1.2.3' });
      const minisig = text(sig.signature);
      expect(Buffer.from(minisig.split('\n')[1]!, 'base64').subarray(0, 2).toString()).toBe('Ed');
      expect(minisig.split('\n')[2]).toBe('trusted comment: release v1.2.3');
      expect(verifyMinisig(minisig, sig.publicKey.text, DATA)).toBe(true);
    });

    it('refuses a trusted comment with a line break', async () => {
      const k = keyring();
      await k.import(fixture('minisign.key'), { name: 'mini', passphrase: PASSPHRASE });
      await expectRejection(k.signDetached('mini', PASSPHRASE, DATA, { trustedComment: 'a\nb' }), InputError, 'trusted_comment_invalid');
    });
  });

  describe('given an imported gpg secret key', () => {
    for (const name of ['pgp-ed25519-secret.asc', 'pgp-rsa3072-secret.gpg']) {
      it(`signs with ${name}, verified against gpg's own public export`, async () => {
        // gpg made the key at the wall time; OpenPGP refuses signatures dated before a key exists.
        const k = keyring(wallClock);
        await k.import(fixture(name), { name: 'gpg', passphrase: PASSPHRASE, sourcePassphrase: 'fixture-pass' });
        const sig = await k.signDetached('gpg', PASSPHRASE, DATA);
        const gpgPublic = text(fixture(name.replace(/-secret\.(asc|gpg)$/, '-public.asc')));
        expect((await verifyOpenPgp(text(sig.signature), gpgPublic, DATA)).valid).toBe(true);
      });
    }

    it('refuses to sign at a time before the key existed with key_cannot_sign', async () => {
      const k = keyring({ nowMs: () => Date.UTC(2001, 0, 1) });
      await k.import(fixture('pgp-ed25519-secret.asc'), { name: 'gpg', passphrase: PASSPHRASE, sourcePassphrase: 'fixture-pass' });
      await expectRejection(k.signDetached('gpg', PASSPHRASE, DATA), InputError, 'key_cannot_sign');
    });
  });

  describe('given a public-only key', () => {
    it('throws private_key_missing', async () => {
      const k = keyring();
      await k.import(fixture('ssh-ed25519.pub'), { name: 'pub' });
      await expectRejection(k.signDetached('pub', PASSPHRASE, DATA), InputError, 'private_key_missing');
    });
  });
});

describe('Keyring.signHashedRekord', () => {
  const sha256 = new Uint8Array(createHash('sha256').update(DATA).digest());

  describe('given an ECDSA P-256 key', () => {
    it('signs SHA-256 of the artifact, given whole or as a digest', async () => {
      const k = keyring();
      await k.generate({ type: 'ecdsa-p256', name: 'ec', passphrase: PASSPHRASE });
      for (const input of [{ artifact: DATA }, { sha256 }]) {
        const result = await k.signHashedRekord('ec', PASSPHRASE, input);
        expect(result.signedOver).toBe('sha256-digest');
        expect(result.sha256).toEqual(sha256);
        expect(result.publicKeyPem).toBe(k.exportPublic('ec').text);
        expect(verify('sha256', DATA, result.publicKeyPem, result.signature)).toBe(true);
      }
    });

    it('refuses a digest of the wrong length with digest_invalid', async () => {
      const k = keyring();
      await k.generate({ type: 'ecdsa-p256', name: 'ec', passphrase: PASSPHRASE });
      await expectRejection(k.signHashedRekord('ec', PASSPHRASE, { sha256: sha256.subarray(1) }), InputError, 'digest_invalid');
    });
  });

  describe('given an Ed25519 key', () => {
    it('signs the artifact bytes themselves', async () => {
      const k = keyring();
      await k.generate({ type: 'ed25519', name: 'ed', passphrase: PASSPHRASE });
      const result = await k.signHashedRekord('ed', PASSPHRASE, { artifact: DATA });
      expect(result.signedOver).toBe('artifact-bytes');
      expect(result.sha256).toEqual(sha256);
      expect(verify(null, DATA, result.publicKeyPem, result.signature)).toBe(true);
    });

    it('refuses a bare digest with digest_signing_unsupported before asking for the passphrase', async () => {
      const k = keyring();
      await k.generate({ type: 'ed25519', name: 'ed', passphrase: PASSPHRASE });
      await expectRejection(k.signHashedRekord('ed', 'wrong passphrase', { sha256 }), InputError, 'digest_signing_unsupported');
    });
  });

  describe('given an OpenPGP key', () => {
    it('throws format_unsupported', async () => {
      const k = keyring();
      await k.generate({ type: 'pgp', name: 'pgp', passphrase: PASSPHRASE });
      await expectRejection(k.signHashedRekord('pgp', PASSPHRASE, { artifact: DATA }), InputError, 'format_unsupported');
    });
  });
});
