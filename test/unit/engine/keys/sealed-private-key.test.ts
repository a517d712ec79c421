import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VerificationError } from '../../../../shared/api/index.js';
import { openPrivateKey, sealPrivateKey, type SealBinding } from '../../../../electron/engine/keys/sealed-private-key.js';
import { repoRoot } from '../../../helpers/testdata.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { PASSPHRASE, tempKeyring } from './keys-test-helpers.js';

const PLAINTEXT = new TextEncoder().encode('-- a private key --');
const BINDING: SealBinding = { name: 'release', type: 'ed25519', fingerprint: 'ab'.repeat(32) };
const deps = { randomBytes: (n: number) => new Uint8Array(randomBytes(n)) };

/** Header offsets: version 0, log2 N 1, r 2, p 3, salt 4..20, check 20..36, nonce 36..48, then ciphertext ‖ tag. */
const flip = (sealed: Uint8Array, index: number) => {
  const copy = Uint8Array.from(sealed);
  copy[index]! ^= 1;
  return copy;
};

describe('sealPrivateKey / openPrivateKey', () => {
  describe('given the right passphrase and binding', () => {
    it('round-trips, with scrypt N = 2^15, r = 8, p = 1 recorded in the header', async () => {
      const sealed = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      expect(Array.from(sealed.subarray(0, 4))).toEqual([1, 15, 8, 1]);
      expect(sealed.length).toBe(48 + PLAINTEXT.length + 16);
      expect(await openPrivateKey(sealed, PASSPHRASE, BINDING)).toEqual(PLAINTEXT);
    });

    it('uses fresh salt and nonce each time', async () => {
      const a = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      const b = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      expect(a.subarray(4, 20)).not.toEqual(b.subarray(4, 20));
      expect(a.subarray(36, 48)).not.toEqual(b.subarray(36, 48));
    });

    it('treats NFC and NFD spellings of a passphrase alike', async () => {
      const sealed = await sealPrivateKey(PLAINTEXT, 'caf\u00e9', BINDING, deps);
      expect(await openPrivateKey(sealed, 'cafe\u0301', BINDING)).toEqual(PLAINTEXT);
    });
  });

  describe('given a wrong passphrase', () => {
    it('throws passphrase_incorrect', async () => {
      const sealed = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      await expectRejection(openPrivateKey(sealed, PASSPHRASE + ' ', BINDING), VerificationError, 'passphrase_incorrect');
    });
  });

  describe('given an altered box', () => {
    it('throws private_key_corrupt for a bit flip in the ciphertext, the tag or the nonce', async () => {
      const sealed = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      for (const index of [48, 48 + PLAINTEXT.length - 1, sealed.length - 1, 36]) {
        await expectRejection(openPrivateKey(flip(sealed, index), PASSPHRASE, BINDING), VerificationError, 'private_key_corrupt');
      }
    });

    it('throws passphrase_incorrect for a flipped salt or check (the key derived no longer matches)', async () => {
      const sealed = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      await expectRejection(openPrivateKey(flip(sealed, 4), PASSPHRASE, BINDING), VerificationError, 'passphrase_incorrect');
      await expectRejection(openPrivateKey(flip(sealed, 20), PASSPHRASE, BINDING), VerificationError, 'passphrase_incorrect');
    });

    it('throws private_key_corrupt for an unknown version, out-of-range scrypt parameters or a truncated box', async () => {
      const sealed = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      const huge = Uint8Array.from(sealed);
      huge[1] = 30;
      for (const bad of [flip(sealed, 0), huge, sealed.subarray(0, 60)]) {
        await expectRejection(openPrivateKey(bad, PASSPHRASE, BINDING), VerificationError, 'private_key_corrupt');
      }
    });
  });

  describe('given another binding', () => {
    it('throws private_key_corrupt for another name, type or fingerprint', async () => {
      const sealed = await sealPrivateKey(PLAINTEXT, PASSPHRASE, BINDING, deps);
      for (const other of [{ ...BINDING, name: 'other' }, { ...BINDING, type: 'ecdsa-p256' }, { ...BINDING, fingerprint: 'cd'.repeat(32) }]) {
        await expectRejection(openPrivateKey(sealed, PASSPHRASE, other), VerificationError, 'private_key_corrupt');
      }
    });
  });
});

describe('the keyring database at rest', () => {
  const DATA = new TextEncoder().encode('data');

  it('holds no private key bytes in the clear', async () => {
    const t = tempKeyring();
    try {
      const pem = readFileSync(path.join(repoRoot, 'test/fixtures/keys/pem-ed25519-private.pem'), 'utf8');
      const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
      const seed = der.subarray(der.length - 32);
      await t.keyring.import(new TextEncoder().encode(pem), { name: 'k', passphrase: PASSPHRASE });
      t.db.pragma('wal_checkpoint(TRUNCATE)');
      for (const file of readdirSync(t.dir)) {
        const bytes = readFileSync(path.join(t.dir, file));
        expect(bytes.indexOf(seed), file).toBe(-1);
        expect(bytes.indexOf(der), file).toBe(-1);
      }
    } finally {
      t.cleanup();
    }
  });

  describe('given a row whose sealed private key was altered', () => {
    it('throws private_key_corrupt when signing', async () => {
      const t = tempKeyring();
      try {
        await t.keyring.generate({ type: 'ed25519', name: 'k', passphrase: PASSPHRASE });
        const blob = t.db.prepare<[], { private_key: Buffer }>("SELECT private_key FROM keys WHERE name = 'k'").get()!.private_key;
        t.db.prepare("UPDATE keys SET private_key = ? WHERE name = 'k'").run(Buffer.from(flip(new Uint8Array(blob), 60)));
        await expectRejection(t.keyring.signDetached('k', PASSPHRASE, DATA), VerificationError, 'private_key_corrupt');
      } finally {
        t.cleanup();
      }
    });
  });

  describe('given two rows whose sealed private keys were swapped', () => {
    it('throws private_key_corrupt (the box is bound to its key name)', async () => {
      const t = tempKeyring();
      try {
        await t.keyring.generate({ type: 'ed25519', name: 'a', passphrase: PASSPHRASE });
        await t.keyring.generate({ type: 'ed25519', name: 'b', passphrase: PASSPHRASE });
        const a = t.db.prepare<[], { private_key: Buffer }>("SELECT private_key FROM keys WHERE name = 'a'").get()!.private_key;
        t.db.prepare("UPDATE keys SET private_key = ? WHERE name = 'b'").run(a);
        await expectRejection(t.keyring.signDetached('b', PASSPHRASE, DATA), VerificationError, 'private_key_corrupt');
      } finally {
        t.cleanup();
      }
    });
  });

  describe('given a row whose public key was replaced by another key', () => {
    it('throws private_key_corrupt instead of signing under the wrong public key', async () => {
      const t = tempKeyring();
      try {
        await t.keyring.generate({ type: 'ecdsa-p256', name: 'a', passphrase: PASSPHRASE });
        await t.keyring.generate({ type: 'ecdsa-p256', name: 'b', passphrase: PASSPHRASE });
        t.db.prepare("UPDATE keys SET public_key = (SELECT public_key FROM keys WHERE name = 'b') WHERE name = 'a'").run();
        await expectRejection(t.keyring.signDetached('a', PASSPHRASE, DATA), VerificationError, 'private_key_corrupt');
      } finally {
        t.cleanup();
      }
    });
  });

  describe('given a row whose public key text was garbled', () => {
    it('throws private_key_corrupt, not key_invalid', async () => {
      const t = tempKeyring();
      try {
        await t.keyring.import(readFileSync(path.join(repoRoot, 'test/fixtures/keys/ssh-ed25519')), { name: 'ssh', passphrase: PASSPHRASE });
        t.db.prepare("UPDATE keys SET public_key = 'ssh-ed25519 garbage' WHERE name = 'ssh'").run();
        await expectRejection(t.keyring.signDetached('ssh', PASSPHRASE, DATA), VerificationError, 'private_key_corrupt');
      } finally {
        t.cleanup();
      }
    });
  });

  describe('given the wrong passphrase for a stored key', () => {
    it('throws passphrase_incorrect for every key type', async () => {
      const t = tempKeyring();
      try {
        await t.keyring.generate({ type: 'ed25519', name: 'ed', passphrase: PASSPHRASE });
        await t.keyring.generate({ type: 'pgp', name: 'pgp', passphrase: PASSPHRASE });
        await t.keyring.import(readFileSync(path.join(repoRoot, 'test/fixtures/keys/minisign.key')), { name: 'mini', passphrase: PASSPHRASE });
        for (const name of ['ed', 'pgp', 'mini']) {
          await expectRejection(t.keyring.signDetached(name, 'not it', DATA), VerificationError, 'passphrase_incorrect');
        }
      } finally {
        t.cleanup();
      }
    });
  });
});
