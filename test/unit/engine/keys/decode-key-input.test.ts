/**
 * Mutations of real key files: each one must be refused with the right code, never half-read.
 * Byte offsets are into the decoded bodies of the fixtures (layouts in PROTOCOL.key and minisign's docs).
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { concatBytes } from '../../../../shared/encoding/index.js';
import { MAX_KEY_BYTES, decodeKeyInput } from '../../../../electron/engine/keys/index.js';
import { repoRoot } from '../../../helpers/testdata.js';
import { expectRejection } from '../../../helpers/assertions.js';

const fixturePath = (name: string) => path.join(repoRoot, 'test/fixtures/keys', name);
const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Returns the fixture OpenSSH private key with `mutate` applied to its decoded body. */
function mutatedSshKey(name: string, mutate: (body: Uint8Array) => void): Uint8Array {
  const lines = fixtureText(name).trim().split('\n');
  const body = new Uint8Array(Buffer.from(lines.slice(1, -1).join(''), 'base64'));
  mutate(body);
  return utf8(`${lines[0]}\n${Buffer.from(body).toString('base64')}\n${lines.at(-1)}\n`);
}

/** Returns the fixture minisign secret key with `mutate` applied to its 158 decoded bytes. */
function mutatedMinisignKey(mutate: (body: Uint8Array) => void): Uint8Array {
  const [comment, line] = fixtureText('minisign.key').trim().split('\n');
  const body = new Uint8Array(Buffer.from(line!, 'base64'));
  mutate(body);
  return utf8(`${comment}\n${Buffer.from(body).toString('base64')}\n`);
}

// ssh-ed25519 fixture: magic 15 ‖ "none" 8 ‖ "none" 8 ‖ kdfoptions 4 ‖ count 4 ‖ public blob 4+51 ‖ section length 4.
const ED25519_PUBLIC_KEY_AT = 15 + 8 + 8 + 4 + 4 + 4 + 15 + 4;
const ED25519_CHECKINT_AT = 15 + 8 + 8 + 4 + 4 + 55 + 4;

describe('decodeKeyInput', () => {
  describe('given an empty or oversized input', () => {
    it('throws key_invalid', async () => {
      await expectRejection(decodeKeyInput(new Uint8Array(), undefined), InputError, 'key_invalid');
      await expectRejection(decodeKeyInput(new Uint8Array(MAX_KEY_BYTES + 1).fill(0x41), undefined), InputError, 'key_invalid');
    });
  });

  describe('given a damaged OpenSSH private key', () => {
    const cases: Array<[string, (b: Uint8Array) => void]> = [
      ['check integers that differ', (b) => (b[ED25519_CHECKINT_AT]! ^= 1)],
      ['padding that is not 1, 2, 3, …', (b) => (b[b.length - 1]! ^= 0x40)],
      ['an outer public key that is not the private key’s', (b) => (b[ED25519_PUBLIC_KEY_AT + 5]! ^= 1)],
      ['a key count of 2', (b) => (b[15 + 8 + 8 + 4 + 3] = 2)],
      ['a wrong magic', (b) => (b[0] = 0x4f)],
    ];
    for (const [desc, mutate] of cases) {
      it(`throws key_invalid for ${desc}`, async () => {
        await expectRejection(decodeKeyInput(mutatedSshKey('ssh-ed25519', mutate), undefined), InputError, 'key_invalid');
      });
    }

    it('accepts the unmutated fixture (the offsets above are right)', async () => {
      const material = await decodeKeyInput(mutatedSshKey('ssh-ed25519', () => {}), undefined);
      expect(material.type).toBe('ssh-ed25519');
    });
  });

  describe('given a minisign secret key', () => {
    it('accepts a correct non-zero BLAKE2b checksum, as other minisign writers store it', async () => {
      const bytes = mutatedMinisignKey((b) => b.set(blake2b(concatBytes(b.subarray(0, 2), b.subarray(54, 126)), { dkLen: 32 }), 126));
      expect((await decodeKeyInput(bytes, undefined)).type).toBe('minisign');
    });

    it('throws key_invalid for a wrong non-zero checksum', async () => {
      await expectRejection(decodeKeyInput(mutatedMinisignKey((b) => (b[130] = 1)), undefined), InputError, 'key_invalid');
    });

    it('throws key_invalid when the stored public key is not the seed’s', async () => {
      await expectRejection(decodeKeyInput(mutatedMinisignKey((b) => (b[100]! ^= 1)), undefined), InputError, 'key_invalid');
    });

    it('throws key_unsupported for an unknown KDF', async () => {
      await expectRejection(decodeKeyInput(mutatedMinisignKey((b) => (b[2] = 0x58)), undefined), InputError, 'key_unsupported');
    });
  });

  describe('given OpenSSH public key lines', () => {
    it('throws key_invalid when the line names another type than its blob', async () => {
      const line = fixtureText('ssh-ed25519.pub').replace(/^ssh-ed25519/, 'ssh-rsa');
      await expectRejection(decodeKeyInput(utf8(line), undefined), InputError, 'key_invalid');
    });

    it('throws key_unsupported for several keys in one file', async () => {
      const lines = fixtureText('ssh-ed25519.pub') + fixtureText('ssh-ecdsa-p256.pub');
      await expectRejection(decodeKeyInput(utf8(lines), undefined), InputError, 'key_unsupported');
    });

    it('throws key_unsupported for an RFC 4716 SSH2 public key, hinting at ssh-keygen -i', async () => {
      const rfc4716 = '---- BEGIN SSH2 PUBLIC KEY ----\nAAAAC3NzaC1lZDI1NTE5AAAAIGZpeHR1cmU=\n---- END SSH2 PUBLIC KEY ----\n';
      const error = await expectRejection(decodeKeyInput(utf8(rfc4716), undefined), InputError, 'key_unsupported');
      expect(error.hint).toContain('ssh-keygen -i');
    });

    it('gives the ssh-keygen -p hint for an encrypted private key', async () => {
      const error = await expectRejection(decodeKeyInput(readFileSync(fixturePath('ssh-ed25519-encrypted')), undefined), InputError, 'key_encrypted');
      expect(error.hint).toContain('ssh-keygen -p');
    });
  });

  describe('given PEM keys', () => {
    it('reads a SEC1 EC PRIVATE KEY as the same ecdsa-p256 key', async () => {
      const sec1 = createPrivateKey(fixtureText('pem-ecdsa-p256-private.pem')).export({ type: 'sec1', format: 'pem' }).toString();
      const fromSec1 = await decodeKeyInput(utf8(sec1), undefined);
      const fromPkcs8 = await decodeKeyInput(readFileSync(fixturePath('pem-ecdsa-p256-private.pem')), undefined);
      expect(fromSec1.type).toBe('ecdsa-p256');
      expect(fromSec1.fingerprint).toBe(fromPkcs8.fingerprint);
    });

    it('throws passphrase_missing / passphrase_incorrect for an encrypted PKCS#8 without / with the wrong passphrase', async () => {
      const bytes = readFileSync(fixturePath('pem-ecdsa-p256-encrypted.pem'));
      await expectRejection(decodeKeyInput(bytes, undefined), InputError, 'passphrase_missing');
      await expectRejection(decodeKeyInput(bytes, 'wrong'), VerificationError, 'passphrase_incorrect');
    });

    it('throws key_unsupported for PKCS#1 RSA keys and key_invalid for a certificate', async () => {
      await expectRejection(decodeKeyInput(utf8('-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n'), undefined), InputError, 'key_unsupported');
      await expectRejection(decodeKeyInput(utf8('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'), undefined), InputError, 'key_invalid');
    });
  });

  describe('given OpenPGP input', () => {
    it('throws key_unsupported for two keys in one input', async () => {
      const a = (await openpgp.readKey({ armoredKey: fixtureText('pgp-ed25519-public.asc') })).write();
      const b = (await openpgp.readKey({ armoredKey: fixtureText('pgp-rsa3072-public.asc') })).write();
      await expectRejection(decodeKeyInput(concatBytes(a, b), undefined), InputError, 'key_unsupported');
    });

    it('throws passphrase_missing for a protected secret key without a source passphrase', async () => {
      await expectRejection(decodeKeyInput(readFileSync(fixturePath('pgp-ed25519-secret.asc')), undefined), InputError, 'passphrase_missing');
    });

    it('throws key_invalid for truncated binary key data', async () => {
      const binary = readFileSync(fixturePath('pgp-rsa3072-secret.gpg'));
      await expectRejection(decodeKeyInput(binary.subarray(0, 40), 'fixture-pass'), InputError, 'key_invalid');
    });
  });
});
