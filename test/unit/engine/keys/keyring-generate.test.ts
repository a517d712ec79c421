import { createHash, createPublicKey } from 'node:crypto';
import * as openpgp from 'openpgp';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../../../shared/api/index.js';
import type { Keyring } from '../../../../electron/engine/keys/index.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { FIXED_NOW_MS } from '../../../helpers/fake-clock.js';
import { PASSPHRASE, tempKeyring } from './keys-test-helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function keyring(): Keyring {
  const t = tempKeyring();
  cleanups.push(t.cleanup);
  return t.keyring;
}

describe('Keyring.generate', () => {
  for (const type of ['ed25519', 'ecdsa-p256'] as const) {
    describe(`given type ${type} with an email`, () => {
      it('stores a PKIX key whose fingerprint is SHA-256 of its DER SPKI', async () => {
        const k = keyring();
        const info = await k.generate({ type, name: `release-${type}`, email: 'release@example.org', passphrase: PASSPHRASE });
        const exported = k.exportPublic(`release-${type}`);
        expect(exported.format).toBe('pem-spki');
        expect(exported.text).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
        const spki = createPublicKey(exported.text).export({ type: 'spki', format: 'der' });
        expect(info).toEqual({
          name: `release-${type}`,
          type,
          fingerprint: createHash('sha256').update(spki).digest('hex'),
          userId: 'release@example.org',
          email: 'release@example.org',
          hasPrivateKey: true,
          createdAtSec: FIXED_NOW_MS / 1000,
        });
        const key = createPublicKey(exported.text);
        expect(key.asymmetricKeyType).toBe(type === 'ed25519' ? 'ed25519' : 'ec');
        if (type === 'ecdsa-p256') expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
        expect(k.list()).toEqual([info]);
        expect(k.get(`release-${type}`)).toEqual(info);
      });
    });
  }

  describe('given type pgp (default algorithm)', () => {
    it('stores a v4 EdDSA key that openpgp.js reads back with the same fingerprint and user ID', async () => {
      const k = keyring();
      const info = await k.generate({ type: 'pgp', name: 'release-pgp', email: 'release@example.org', passphrase: PASSPHRASE });
      expect(info.fingerprint).toMatch(/^[0-9A-F]{40}$/);
      expect(info.userId).toBe('release-pgp <release@example.org>');
      expect(info.email).toBe('release@example.org');
      const exported = k.exportPublic('release-pgp');
      expect(exported.format).toBe('openpgp-armored');
      const key = await openpgp.readKey({ armoredKey: exported.text });
      expect(key.isPrivate()).toBe(false);
      expect(key.keyPacket.version).toBe(4);
      expect(key.getFingerprint().toUpperCase()).toBe(info.fingerprint);
      expect(key.getAlgorithmInfo()).toEqual({ algorithm: 'eddsaLegacy', curve: 'ed25519Legacy' });
      expect(key.getCreationTime().getTime()).toBe(FIXED_NOW_MS);
    });
  });

  describe('given type pgp with pgpAlgorithm rsa4096', () => {
    it('stores a v4 RSA-4096 key', async () => {
      const k = keyring();
      const info = await k.generate({ type: 'pgp', name: 'release-rsa', passphrase: PASSPHRASE, pgpAlgorithm: 'rsa4096' });
      const key = await openpgp.readKey({ armoredKey: k.exportPublic('release-rsa').text });
      expect(key.keyPacket.version).toBe(4);
      expect(key.getAlgorithmInfo()).toEqual({ algorithm: 'rsaEncryptSign', bits: 4096 });
      expect(info.userId).toBe('release-rsa');
      expect(info.email).toBeNull();
    });
  });

  describe('given a name that is taken', () => {
    it('throws already_exists and keeps the first key', async () => {
      const k = keyring();
      const first = await k.generate({ type: 'ed25519', name: 'dup', passphrase: PASSPHRASE });
      await expectRejection(k.generate({ type: 'ecdsa-p256', name: 'dup', passphrase: PASSPHRASE }), ConflictError, 'already_exists');
      await expectRejection(k.import(new TextEncoder().encode(k.exportPublic('dup').text), { name: 'dup' }), ConflictError, 'already_exists');
      expect(k.list()).toEqual([first]);
    });
  });

  describe('given bad input', () => {
    const cases: Array<[string, Parameters<Keyring['generate']>[0], string]> = [
      ['an empty name', { type: 'ed25519', name: '', passphrase: PASSPHRASE }, 'name_invalid'],
      ['a name with a slash', { type: 'ed25519', name: 'a/b', passphrase: PASSPHRASE }, 'name_invalid'],
      ['an email without @', { type: 'ed25519', name: 'k', email: 'nobody', passphrase: PASSPHRASE }, 'email_invalid'],
      ['an email with angle brackets', { type: 'pgp', name: 'k', email: 'a<b>@c', passphrase: PASSPHRASE }, 'email_invalid'],
      ['an empty passphrase', { type: 'ed25519', name: 'k', passphrase: '' }, 'passphrase_empty'],
      ['an unknown type', { type: 'rsa' as 'ed25519', name: 'k', passphrase: PASSPHRASE }, 'key_type_invalid'],
      ['pgpAlgorithm on a PKIX key', { type: 'ed25519', name: 'k', passphrase: PASSPHRASE, pgpAlgorithm: 'rsa4096' }, 'key_type_invalid'],
      ['an unknown pgpAlgorithm', { type: 'pgp', name: 'k', passphrase: PASSPHRASE, pgpAlgorithm: 'dsa' as 'rsa4096' }, 'key_type_invalid'],
    ];
    for (const [desc, input, code] of cases) {
      it(`throws ${code} for ${desc} and stores nothing`, async () => {
        const k = keyring();
        await expectRejection(k.generate(input), InputError, code);
        expect(k.list()).toEqual([]);
      });
    }
  });
});

describe('Keyring.get / exportPublic', () => {
  describe('given an unknown name', () => {
    it('throws not_found', async () => {
      const k = keyring();
      await expectRejection(() => k.get('nope'), NotFoundError, 'not_found');
      await expectRejection(() => k.exportPublic('nope'), NotFoundError, 'not_found');
      await expectRejection(k.signDetached('nope', PASSPHRASE, new Uint8Array()), NotFoundError, 'not_found');
    });
  });

  describe('given several keys', () => {
    it('lists them by name', async () => {
      const k = keyring();
      await k.generate({ type: 'ed25519', name: 'b', passphrase: PASSPHRASE });
      await k.generate({ type: 'ecdsa-p256', name: 'a', passphrase: PASSPHRASE });
      expect(k.list().map((i) => i.name)).toEqual(['a', 'b']);
    });
  });
});
