import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { InputError, VerificationError } from '../../../../../shared/api/index.js';
import { fromBase64, toBase64 } from '../../../../../shared/encoding/index.js';
import type { ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { rekordV001 } from '../../../../../electron/engine/types/builtin/index.js';
import { expectRejection } from '../../../../helpers/assertions.js';
import { flipByte, oracleCases, signatureVector } from './builtin-test-helpers.js';

const ctx = { integratedTimeSec: 1_790_000_000 };

function proposal(format: string, content: Uint8Array, signature: Uint8Array, key: Uint8Array, extra: Record<string, unknown> = {}): ProposedEntry {
  return { apiVersion: '0.0.1', kind: 'rekord', spec: { data: { content: toBase64(content), ...extra }, signature: { format, content: toBase64(signature), publicKey: { content: toBase64(key) } } } };
}

interface Vector {
  readonly name: string;
  readonly format: string;
  readonly content: string;
  readonly signature: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly email?: string;
}

const HELLO = 'openpgp/rekor-hello-world/';
const VECTORS: readonly Vector[] = [
  { name: 'a binary PGP signature and binary key', format: 'pgp', content: `${HELLO}hello_world.txt`, signature: `${HELLO}hello_world.txt.sig`, key: `${HELLO}valid_binary_public.pgp`, fingerprint: '61bc29b1bfac433312be813a86f575529d0f9ff4', email: 'not@real.com' },
  { name: 'an armored PGP signature and armored key', format: 'pgp', content: `${HELLO}hello_world.txt`, signature: `${HELLO}hello_world.txt.asc.sig`, key: `${HELLO}valid_armored_public.pgp`, fingerprint: '61bc29b1bfac433312be813a86f575529d0f9ff4', email: 'not@real.com' },
  { name: 'the second PGP signature (".v3.sig")', format: 'pgp', content: `${HELLO}hello_world.txt`, signature: `${HELLO}hello_world.txt.v3.sig`, key: `${HELLO}valid_binary_public.pgp`, fingerprint: '61bc29b1bfac433312be813a86f575529d0f9ff4' },
  { name: 'the Node.js v15.4.0 release signature (key expired after signing)', format: 'pgp', content: 'openpgp/nodejs-v15.4.0/SHASUMS256.txt', signature: 'openpgp/nodejs-v15.4.0/SHASUMS256.txt.sig', key: 'openpgp/nodejs-v15.4.0/danielleadams-pubkey.gpg', fingerprint: '1c050899334244a8af75e53792ef661d867b9dfa' },
  { name: 'a legacy minisign signature', format: 'minisign', content: 'minisign/hello_world.txt', signature: 'minisign/hello_world.txt.minisig', key: 'minisign/minisign.pub', fingerprint: '08dea2b1d44276c31efbf707e26efb7a572f8626730135ee37a9d0105667ae73' },
  { name: 'a prehashed minisign signature', format: 'minisign', content: 'minisign/hello_world.txt', signature: 'minisign/hello_world_hashed.txt.minisig', key: 'minisign/minisign_hashed.pub', fingerprint: 'ac2e0276e45ccf727134f8b449a3d0b42f42a68a3c59d3312e86ac5b4e65c58b' },
  { name: 'a signify signature', format: 'minisign', content: 'signify/hello_world.txt', signature: 'signify/hello_world.txt.signify', key: 'signify/signify.pub', fingerprint: '10aa64fbc60a5dc87869bb6a55d252280ffdd8aec11ae0b8ced6fedfed9026e3' },
  { name: 'an SSH signature (RSA, namespace file)', format: 'ssh', content: 'ssh/hello_world.txt', signature: 'ssh/hello_world.txt.sig', key: 'ssh/id_rsa.pub', fingerprint: 'c47965989d46bedd886e32e4b2ad515eea903fff5c5fffbdecab2799a2ab3728' },
  { name: 'a raw ECDSA P-256 signature (x509)', format: 'x509', content: 'x509-ecdsa/hello_world.txt', signature: 'x509-ecdsa/hello_world.txt.sig', key: 'x509-ecdsa/ec.pub', fingerprint: 'd4371c17ac9488dd21fbab5fafe12d8d371ffb30bb203fe70a666774a67940ad' },
];

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// A byte inside the signature value itself (not framing), so the signature still parses.
async function tamperedSignature(format: string, signature: Buffer): Promise<Uint8Array> {
  if (format === 'pgp' && signature.toString('latin1').startsWith('-----BEGIN')) {
    const { data } = await openpgp.unarmor(signature.toString('latin1'));
    return Buffer.from(openpgp.armor(openpgp.enums.armor.signature, flipByte(data as Uint8Array, -3)));
  }
  if (format === 'minisign') {
    const lines = signature.toString('latin1').split('\n');
    lines[1] = toBase64(flipByte(fromBase64(lines[1]!), 40));
    return Buffer.from(lines.join('\n'), 'latin1');
  }
  if (format === 'ssh') {
    const body = signature.toString('latin1').split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    const flipped = toBase64(flipByte(fromBase64(body), -3)).match(/.{1,70}/g)!.join('\n');
    return Buffer.from(`-----BEGIN SSH SIGNATURE-----\n${flipped}\n-----END SSH SIGNATURE-----\n`);
  }
  return flipByte(signature, -3);
}

describe('rekord 0.0.1', () => {
  for (const v of VECTORS) {
    describe(`given ${v.name}`, () => {
      const content = signatureVector(v.content);
      const signature = signatureVector(v.signature);
      const key = signatureVector(v.key);

      it('accepts it, stores the content\'s sha256 instead of the content, and indexes key and digest', async () => {
        const accepted = await rekordV001.accept(proposal(v.format, content, signature, key), ctx);
        const spec = accepted.body.spec as { data: Record<string, unknown>; signature: { format: string } };
        expect(spec.data).toEqual({ hash: { algorithm: 'sha256', value: sha256Hex(content) } });
        expect(spec.signature.format).toBe(v.format);
        expect(accepted.indexKeys).toContainEqual({ type: 'sha256', value: sha256Hex(content) });
        expect(accepted.indexKeys).toContainEqual({ type: 'key_fingerprint', value: v.fingerprint });
        if (v.email) expect(accepted.indexKeys).toContainEqual({ type: 'email', value: v.email });
        expect(rekordV001.indexKeys(accepted.body)).toEqual(accepted.indexKeys);
        await rekordV001.verifyStored(accepted.body, ctx);
      });

      it('accepts it with a matching data.hash given too, and keeps that hash', async () => {
        const accepted = await rekordV001.accept(proposal(v.format, content, signature, key, { hash: { algorithm: 'sha256', value: sha256Hex(content) } }), ctx);
        expect((accepted.body.spec as { data: unknown }).data).toEqual({ hash: { algorithm: 'sha256', value: sha256Hex(content) } });
      });

      it('throws signature_invalid when one byte of the signature is flipped', async () => {
        const tampered = await tamperedSignature(v.format, signature);
        await expectRejection(() => rekordV001.accept(proposal(v.format, content, tampered, key), ctx), VerificationError, 'signature_invalid');
      });

      it('throws signature_invalid when the content differs by one byte', async () => {
        await expectRejection(() => rekordV001.accept(proposal(v.format, flipByte(content, 0), signature, key), ctx), VerificationError, 'signature_invalid');
      });

      it('throws digest_mismatch when data.hash is not the content\'s sha256', async () => {
        const wrong = { hash: { algorithm: 'sha256', value: sha256Hex(flipByte(content, 0)) } };
        await expectRejection(() => rekordV001.accept(proposal(v.format, content, signature, key, wrong), ctx), VerificationError, 'digest_mismatch');
      });
    });
  }

  describe.each(['bogus_armored.pgp', 'bogus_binary.pgp'])('given the bogus PGP "key" %s', (file) => {
    it('throws public_key_invalid', async () => {
      const p = proposal('pgp', signatureVector(`${HELLO}hello_world.txt`), signatureVector(`${HELLO}hello_world.txt.sig`), signatureVector(`${HELLO}${file}`));
      await expectRejection(() => rekordV001.accept(p, ctx), InputError, 'public_key_invalid');
    });
  });

  describe('given a PGP signature checked against an unrelated PGP key', () => {
    it('throws signature_key_unknown', async () => {
      const p = proposal('pgp', signatureVector(`${HELLO}hello_world.txt`), signatureVector(`${HELLO}hello_world.txt.sig`), signatureVector('openpgp/nodejs-v15.4.0/danielleadams-pubkey.gpg'));
      await expectRejection(() => rekordV001.accept(p, ctx), VerificationError, 'signature_key_unknown');
    });
  });

  describe('given a minisign signature checked against the signify key', () => {
    it('throws signature_invalid', async () => {
      const p = proposal('minisign', signatureVector('minisign/hello_world.txt'), signatureVector('minisign/hello_world.txt.minisig'), signatureVector('signify/signify.pub'));
      await expectRejection(() => rekordV001.accept(p, ctx), VerificationError, 'signature_invalid');
    });
  });

  describe('given a key that is not a key of its format', () => {
    it.each([
      ['minisign', 'minisign/hello_world.txt', 'minisign/hello_world.txt.minisig'],
      ['ssh', 'ssh/hello_world.txt', 'ssh/hello_world.txt.sig'],
      ['x509', 'x509-ecdsa/hello_world.txt', 'x509-ecdsa/hello_world.txt.sig'],
    ])('%s throws public_key_invalid', async (format, content, signature) => {
      const notAKey = signatureVector(signature);
      await expectRejection(() => rekordV001.accept(proposal(format, signatureVector(content), signatureVector(signature), notAKey), ctx), InputError, 'public_key_invalid');
    });
  });

  describe('given a signature that is not a signature of its format', () => {
    it.each(['pgp', 'minisign', 'ssh'])('%s throws signature_malformed', async (format) => {
      const p = proposal(format, signatureVector('ssh/hello_world.txt'), Buffer.from('not a signature\n'), signatureVector('ssh/id_rsa.pub'));
      await expectRejection(() => rekordV001.accept(p, ctx), InputError, 'signature_malformed');
    });
  });

  describe('given an SSH signature made for namespace "git" (fixture ssh-namespace-git)', () => {
    it('throws signature_namespace_mismatch', async () => {
      const c = oracleCases('rekord').find((x) => x.file === 'ssh-namespace-git.json')!;
      await expectRejection(() => rekordV001.accept(c.proposed, ctx), VerificationError, 'signature_namespace_mismatch');
    });
  });

  describe('given content referenced by URL', () => {
    it('throws url_not_supported naming the field', async () => {
      const p: ProposedEntry = { apiVersion: '0.0.1', kind: 'rekord', spec: { data: { url: 'https://example.com/a.txt' }, signature: { format: 'x509', content: 'AA==', publicKey: { content: 'AA==' } } } };
      const error = await expectRejection(() => rekordV001.accept(p, ctx), InputError, 'url_not_supported');
      expect(error.details).toEqual({ problems: [{ pointer: '/data/url', message: 'fetching URLs is not supported' }] });
    });
  });

  describe('given only data.hash (no content)', () => {
    it('throws entry_schema_invalid pointing at /data/content', async () => {
      const p = proposal('x509', new Uint8Array(0), signatureVector('x509-ecdsa/hello_world.txt.sig'), signatureVector('x509-ecdsa/ec.pub'));
      (p.spec as { data: Record<string, unknown> }).data = { hash: { algorithm: 'sha256', value: 'a'.repeat(64) } };
      const error = await expectRejection(() => rekordV001.accept(p, ctx), InputError, 'entry_schema_invalid');
      expect((error.details as { problems: { pointer: string }[] }).problems.map((x) => x.pointer)).toEqual(['/data/content']);
    });
  });

  describe('verifyStored', () => {
    const p = proposal('pgp', signatureVector(`${HELLO}hello_world.txt`), signatureVector(`${HELLO}hello_world.txt.sig`), signatureVector(`${HELLO}valid_binary_public.pgp`));

    it('given a stored body whose key is the uncanonical binary key, throws body_not_canonical', async () => {
      const { body } = await rekordV001.accept(p, ctx);
      const altered = structuredClone(body) as { spec: { signature: { publicKey: { content: string } } } };
      altered.spec.signature.publicKey.content = toBase64(signatureVector(`${HELLO}valid_binary_public.pgp`));
      await expectRejection(() => rekordV001.verifyStored(altered as unknown as Record<string, unknown>, ctx), VerificationError, 'body_not_canonical');
    });

    it('given a stored body whose signature is by a key not stored with it, throws signature_key_unknown', async () => {
      const { body } = await rekordV001.accept(proposal('pgp', signatureVector('openpgp/nodejs-v15.4.0/SHASUMS256.txt'), signatureVector('openpgp/nodejs-v15.4.0/SHASUMS256.txt.sig'), signatureVector('openpgp/nodejs-v15.4.0/danielleadams-pubkey.gpg')), ctx);
      const other = await rekordV001.accept(p, ctx);
      const mixed = structuredClone(body) as { spec: { signature: { content: unknown } } };
      mixed.spec.signature.content = (other.body.spec as { signature: { content: unknown } }).signature.content;
      await expectRejection(() => rekordV001.verifyStored(mixed as unknown as Record<string, unknown>, ctx), VerificationError, 'signature_key_unknown');
    });
  });
});
