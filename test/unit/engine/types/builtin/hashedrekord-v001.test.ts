import { describe, expect, it } from 'vitest';
import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ed25519ph } from '@noble/curves/ed25519.js';
import { InputError, VerificationError } from '../../../../../shared/api/index.js';
import { toBase64, utf8 } from '../../../../../shared/encoding/index.js';
import type { ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { createKindRegistry } from '../../../../../electron/engine/entries/kind-registry.js';
import { BUILTIN_KINDS, hashedRekordV001 } from '../../../../../electron/engine/types/builtin/index.js';
import { expectRejection } from '../../../../helpers/assertions.js';
import { certificatePem, oracleCases, sigstoreCases } from './builtin-test-helpers.js';

const ctx = { integratedTimeSec: 1_790_000_000 };
const artefact = utf8('an artefact\n');

function pem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }) as string;
}

function proposal(hash: string, digestHex: string, signature: Uint8Array, keyPem: string): ProposedEntry {
  return { apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: hash, value: digestHex } }, signature: { content: toBase64(signature), publicKey: { content: toBase64(utf8(keyPem)) } } } };
}

function signed(hash: 'sha256' | 'sha384' | 'sha512', privateKey: KeyObject, options: { dsaEncoding?: 'der' | 'ieee-p1363' } = {}): { digest: string; signature: Uint8Array } {
  return { digest: createHash(hash).update(artefact).digest('hex'), signature: sign(hash, artefact, { key: privateKey, ...options }) };
}

function problemsOf(error: InputError): { pointer: string; message: string }[] {
  return (error.details as { problems: { pointer: string; message: string }[] }).problems;
}

describe('hashedrekord 0.0.1', () => {
  describe('given an ECDSA P-256 signature in IEEE P1363 (r‖s) form', () => {
    it('accepts it, as sigstore\'s ECDSA verifier does', async () => {
      const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const { digest, signature } = signed('sha256', k.privateKey, { dsaEncoding: 'ieee-p1363' });
      const accepted = await hashedRekordV001.accept(proposal('sha256', digest, signature, pem(k.publicKey)), ctx);
      expect(accepted.indexKeys[0]).toEqual({ type: 'sha256', value: digest });
    });
  });

  describe('given an Ed25519ph signature over a sha512 digest', () => {
    it('accepts it and indexes no sha256 (the digest is sha512)', async () => {
      const secret = ed25519ph.utils.randomSecretKey();
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(ed25519ph.getPublicKey(secret)).toString('base64url') }, format: 'jwk' });
      const digest = createHash('sha512').update(artefact).digest('hex');
      const accepted = await hashedRekordV001.accept(proposal('sha512', digest, ed25519ph.sign(artefact, secret), pem(key)), ctx);
      expect(accepted.indexKeys.map((k) => k.type)).toEqual(['key_fingerprint']);
    });
  });

  describe('given a key and digest pair outside Rekor\'s algorithm registry', () => {
    it.each([
      ['ECDSA P-256 with sha512', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'sha512'],
      ['RSA-2048 with sha384', () => generateKeyPairSync('rsa', { modulusLength: 2048 }), 'sha384'],
      ['RSA-1024 with sha256', () => generateKeyPairSync('rsa', { modulusLength: 1024 }), 'sha256'],
      ['Ed25519 with sha256', () => generateKeyPairSync('ed25519'), 'sha256'],
    ] as const)('%s throws algorithm_unsupported', async (_, keys, hash) => {
      const k = keys();
      const { digest, signature } = k.privateKey.asymmetricKeyType === 'ed25519' ? { digest: createHash('sha256').update(artefact).digest('hex'), signature: new Uint8Array(64) } : signed(hash, k.privateKey);
      await expectRejection(() => hashedRekordV001.accept(proposal(hash, digest, signature, pem(k.publicKey)), ctx), InputError, 'algorithm_unsupported');
    });
  });

  describe('given a signature over a different digest', () => {
    it('throws signature_invalid', async () => {
      const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const { signature } = signed('sha256', k.privateKey);
      const other = createHash('sha256').update('another artefact').digest('hex');
      await expectRejection(() => hashedRekordV001.accept(proposal('sha256', other, signature, pem(k.publicKey)), ctx), VerificationError, 'signature_invalid');
    });
  });

  describe('given the expired Fulcio certificate of a 2023 entry, integrated in 2026', () => {
    it('accepts it: certificate validity is for verifiers to judge at the integrated time', async () => {
      const { bundle } = sigstoreCases().find(({ c }) => c.name === 'happy-path-v0.3')!;
      const body = JSON.parse(Buffer.from(bundle.verificationMaterial.tlogEntries[0]!.canonicalizedBody, 'base64').toString('utf8')) as ProposedEntry;
      await expect(hashedRekordV001.accept(body, { integratedTimeSec: 1_790_000_000 })).resolves.toBeDefined();
    });
  });

  describe('given a certificate chain whose last certificate did not issue the leaf', () => {
    it('throws certificate_chain_invalid', async () => {
      const c = oracleCases('hashedrekord').find((x) => x.file === 'certificate-chain.json')!;
      const spec = structuredClone(c.proposed.spec) as { signature: { publicKey: { content: string } } };
      const chain = Buffer.from(spec.signature.publicKey.content, 'base64').toString('utf8');
      const leaf = chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + 26);
      const stranger = certificatePem(sigstoreCases()[0]!.bundle.verificationMaterial.certificate!.rawBytes);
      spec.signature.publicKey.content = toBase64(utf8(`${leaf}${stranger}`));
      await expectRejection(() => hashedRekordV001.accept({ ...c.proposed, spec }, ctx), VerificationError, 'certificate_chain_invalid');
    });
  });

  describe('given a certificate with email, URI, DNS and IP SANs (fixture certificate-chain)', () => {
    it('indexes the email lowercased and the other SANs as identities', async () => {
      const c = oracleCases('hashedrekord').find((x) => x.file === 'certificate-chain.json')!;
      const { indexKeys } = await hashedRekordV001.accept(c.proposed, ctx);
      expect(indexKeys.filter((k) => k.type === 'email' || k.type === 'identity')).toEqual([
        { type: 'email', value: 'leaf.signer@example.com' },
        { type: 'identity', value: 'builder.example.com' },
        { type: 'identity', value: '192.0.2.7' },
        { type: 'identity', value: '2001:db8::1' },
        { type: 'identity', value: 'https://example.com/workflow@refs/heads/main' },
      ]);
    });
  });

  describe('given malformed specs', () => {
    const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { digest, signature } = signed('sha256', k.privateKey);
    const good = proposal('sha256', digest, signature, pem(k.publicKey));
    const spec = good.spec as { data: { hash: Record<string, unknown> }; signature: Record<string, unknown> };
    it.each([
      ['no signature', { data: spec.data }, [['/signature', 'is required']]],
      ['a numeric signature content', { ...spec, signature: { ...spec.signature, content: 42 } }, [['/signature/content', 'must be string']]],
      ['signature content that is not base64', { ...spec, signature: { ...spec.signature, content: 'not base64!' } }, [['/signature/content', 'must be standard base64 (RFC 4648 §4, padded)']]],
      ['an md5 hash', { ...spec, data: { hash: { ...spec.data.hash, algorithm: 'md5' } } }, [['/data/hash/algorithm', 'must be one of ["sha256","sha384","sha512"]']]],
      ['a short hash value', { ...spec, data: { hash: { ...spec.data.hash, value: 'abcd' } } }, [['/data/hash/value', 'invalid value for hash: must be 64 hex digits for sha256']]],
      ['no public key content', { ...spec, signature: { content: spec.signature.content, publicKey: {} } }, [['/signature/publicKey/content', 'is required']]],
      ['neither data nor signature', {}, [['/signature', 'is required'], ['/data', 'is required']]],
    ] as const)('%s throws entry_schema_invalid naming every problem', async (_, badSpec, problems) => {
      const error = await expectRejection(() => hashedRekordV001.accept({ ...good, spec: badSpec }, ctx), InputError, 'entry_schema_invalid');
      expect(problemsOf(error).map((p) => [p.pointer, p.message])).toEqual(problems);
    });

    it('throws public_key_invalid for a key that is not PEM', async () => {
      const bad = proposal('sha256', digest, signature, 'not a key');
      await expectRejection(() => hashedRekordV001.accept(bad, ctx), InputError, 'public_key_invalid');
    });
  });

  describe('given an entry of another version', () => {
    it('accept throws kind_mismatch, and the registry has no hashedrekord 0.0.3 (kind_unknown)', async () => {
      await expectRejection(() => hashedRekordV001.accept({ apiVersion: '0.0.2', kind: 'hashedrekord', spec: {} }, ctx), InputError, 'kind_mismatch');
      const registry = createKindRegistry(BUILTIN_KINDS);
      expect(() => registry.lookup('hashedrekord', '0.0.3')).toThrow(expect.objectContaining({ code: 'kind_unknown' }));
      expect(registry.lookup('hashedrekord', '0.0.2').apiVersion).toBe('0.0.2');
    });
  });

  describe('verifyStored', () => {
    it('throws signature_invalid for a stored body whose digest was changed, and body_not_canonical for a re-wrapped key', async () => {
      const k = generateKeyPairSync('ec', { namedCurve: 'P-384' });
      const { digest, signature } = signed('sha384', k.privateKey);
      const { body } = await hashedRekordV001.accept(proposal('sha384', digest, signature, pem(k.publicKey)), ctx);
      await hashedRekordV001.verifyStored(body, ctx);
      const changed = structuredClone(body) as { spec: { data: { hash: { value: string } }; signature: { publicKey: { content: string } } } };
      changed.spec.data.hash.value = createHash('sha384').update('x').digest('hex');
      await expectRejection(() => hashedRekordV001.verifyStored(changed as unknown as Record<string, unknown>, ctx), VerificationError, 'signature_invalid');
      const rewrapped = structuredClone(body) as typeof changed;
      rewrapped.spec.signature.publicKey.content = toBase64(utf8(`\n${pem(k.publicKey).replace(/\n/g, '\r\n')}`));
      await expectRejection(() => hashedRekordV001.verifyStored(rewrapped as unknown as Record<string, unknown>, ctx), VerificationError, 'body_not_canonical');
    });
  });
});
