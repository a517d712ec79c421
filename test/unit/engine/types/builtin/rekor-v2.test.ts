import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ed25519ph } from '@noble/curves/ed25519.js';
import { InputError, VerificationError } from '../../../../../shared/api/index.js';
import { canonicalJson } from '../../../../../shared/canonical/index.js';
import { toBase64, utf8 } from '../../../../../shared/encoding/index.js';
import type { ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { preAuthEncoding } from '../../../../../electron/engine/types/builtin/dsse-envelope.js';
import { dsseV002, hashedRekordV002, proposedFromRekorV2Request } from '../../../../../electron/engine/types/builtin/index.js';
import { expectRejection } from '../../../../helpers/assertions.js';

const ctx = { integratedTimeSec: 1_790_000_000 };
const artefact = utf8('an artefact for Rekor v2\n');
const digest256 = createHash('sha256').update(artefact).digest();

function spkiB64(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

function problemsOf(error: InputError): string[] {
  return (error.details as { problems: { pointer: string }[] }).problems.map((p) => p.pointer);
}

describe('proposedFromRekorV2Request and hashedrekord 0.0.2', () => {
  const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signature = sign('sha256', artefact, k.privateKey);
  const request = { hashedRekordRequestV002: { digest: digest256.toString('base64'), signature: { content: signature.toString('base64'), verifier: { publicKey: { rawBytes: spkiB64(k.publicKey) }, keyDetails: 'PKIX_ECDSA_P256_SHA_256' } } } };

  describe('given a CreateEntryRequest with a DER public key', () => {
    it('proposes hashedrekord 0.0.2 and accepts it with the protojson log entry body', async () => {
      const proposed = proposedFromRekorV2Request(request);
      expect(proposed.kind).toBe('hashedrekord');
      expect(proposed.apiVersion).toBe('0.0.2');
      const accepted = await hashedRekordV002.accept(proposed, ctx);
      expect(accepted.body).toEqual({ apiVersion: '0.0.2', kind: 'hashedrekord', spec: { hashedRekordV002: { data: { algorithm: 'SHA2_256', digest: digest256.toString('base64') }, signature: request.hashedRekordRequestV002.signature } } });
      expect(accepted.indexKeys[0]).toEqual({ type: 'sha256', value: digest256.toString('hex') });
      await hashedRekordV002.verifyStored(accepted.body, ctx);
      expect(hashedRekordV002.indexKeys(accepted.body)).toEqual(accepted.indexKeys);
      const again = await hashedRekordV002.accept(accepted.body as unknown as ProposedEntry, ctx);
      expect(canonicalJson(again.body)).toBe(canonicalJson(accepted.body));
    });

    it('reads proto field names, URL-safe unpadded base64 and enum numbers as protojson does, to the same body', async () => {
      const v = request.hashedRekordRequestV002;
      const variant = { hashed_rekord_request_v002: { digest: digest256.toString('base64url'), signature: { content: signature.toString('base64url'), verifier: { public_key: { raw_bytes: spkiB64(k.publicKey) }, key_details: 5 } } } };
      const a = await hashedRekordV002.accept(proposedFromRekorV2Request(variant), ctx);
      const b = await hashedRekordV002.accept(proposedFromRekorV2Request({ hashedRekordRequestV002: v }), ctx);
      expect(canonicalJson(a.body)).toBe(canonicalJson(b.body));
    });
  });

  describe('given malformed CreateEntryRequests', () => {
    it.each([
      ['an unknown field', { hashedRekordRequestV002: { ...request.hashedRekordRequestV002, extra: 1 } }, ['/hashedRekordRequestV002/extra']],
      ['an unknown nested field', { hashedRekordRequestV002: { ...request.hashedRekordRequestV002, signature: { ...request.hashedRekordRequestV002.signature, verifier: { ...request.hashedRekordRequestV002.signature.verifier, foo: 'x' } } } }, ['/hashedRekordRequestV002/signature/verifier/foo']],
      ['both request kinds', { ...request, dsseRequestV002: {} }, ['/dsseRequestV002']],
      ['a field given twice by both names', { hashedRekordRequestV002: request.hashedRekordRequestV002, hashed_rekord_request_v002: request.hashedRekordRequestV002 }, ['/hashed_rekord_request_v002']],
      ['bytes that are not base64', { hashedRekordRequestV002: { ...request.hashedRekordRequestV002, digest: '***' } }, ['/hashedRekordRequestV002/digest']],
      ['an unknown enum name', { hashedRekordRequestV002: { ...request.hashedRekordRequestV002, signature: { ...request.hashedRekordRequestV002.signature, verifier: { ...request.hashedRekordRequestV002.signature.verifier, keyDetails: 'P256' } } } }, ['/hashedRekordRequestV002/signature/verifier/keyDetails']],
      ['an array', [], ['']],
      ['an empty object', {}, ['']],
    ])('%s throws entry_schema_invalid at the field', (_, json, pointers) => {
      let thrown: unknown;
      try {
        proposedFromRekorV2Request(json);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InputError);
      expect((thrown as InputError).code).toBe('entry_schema_invalid');
      expect(problemsOf(thrown as InputError)).toEqual(pointers);
    });
  });

  describe('given key details and keys outside rekor-tiles\' algorithm registry', () => {
    const withDetails = (keyDetails: string, key = k.publicKey, sig: Uint8Array = signature, digest: Uint8Array = digest256): ProposedEntry =>
      proposedFromRekorV2Request({ hashedRekordRequestV002: { digest: toBase64(digest), signature: { content: toBase64(sig), verifier: { publicKey: { rawBytes: spkiB64(key) }, keyDetails } } } });
    it('throws algorithm_unsupported for a P-256 key declared as P-384/SHA-384', async () => {
      await expectRejection(() => hashedRekordV002.accept(withDetails('PKIX_ECDSA_P384_SHA_384', k.publicKey, signature, createHash('sha384').update(artefact).digest()), ctx), InputError, 'algorithm_unsupported');
    });
    it('throws algorithm_unsupported for pure Ed25519 (only Ed25519ph is allowed)', async () => {
      const ed = generateKeyPairSync('ed25519');
      await expectRejection(() => hashedRekordV002.accept(withDetails('PKIX_ED25519', ed.publicKey), ctx), InputError, 'algorithm_unsupported');
    });
    it('throws algorithm_unsupported for unspecified key details', async () => {
      const p = proposedFromRekorV2Request({ hashedRekordRequestV002: { digest: toBase64(digest256), signature: { content: toBase64(signature), verifier: { publicKey: { rawBytes: spkiB64(k.publicKey) } } } } });
      await expectRejection(() => hashedRekordV002.accept(p, ctx), InputError, 'algorithm_unsupported');
    });
    it('accepts an RSA-4096 key declared as RSA-2048 (the registry matches key and digest, not the declared size)', async () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 4096 });
      await expect(hashedRekordV002.accept(withDetails('PKIX_RSA_PKCS1V15_2048_SHA256', rsa.publicKey, sign('sha256', artefact, rsa.privateKey)), ctx)).resolves.toBeDefined();
    });
    it('accepts Ed25519ph over a SHA-512 digest', async () => {
      const secret = ed25519ph.utils.randomSecretKey();
      const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), ed25519ph.getPublicKey(secret)]).toString('base64');
      const p = proposedFromRekorV2Request({ hashedRekordRequestV002: { digest: createHash('sha512').update(artefact).digest('base64'), signature: { content: toBase64(ed25519ph.sign(artefact, secret)), verifier: { publicKey: { rawBytes: spki }, keyDetails: 'PKIX_ED25519_PH' } } } });
      const accepted = await hashedRekordV002.accept(p, ctx);
      expect((accepted.body.spec as { hashedRekordV002: { data: { algorithm: string } } }).hashedRekordV002.data.algorithm).toBe('SHA2_512');
    });
    it('throws entry_schema_invalid at /digest for a digest of the wrong length', async () => {
      const error = await expectRejection(() => hashedRekordV002.accept(withDetails('PKIX_ECDSA_P256_SHA_256', k.publicKey, signature, digest256.subarray(1)), ctx), InputError, 'entry_schema_invalid');
      expect(problemsOf(error)).toEqual(['/digest']);
    });
    it('throws signature_invalid for a signature over another digest', async () => {
      await expectRejection(() => hashedRekordV002.accept(withDetails('PKIX_ECDSA_P256_SHA_256', k.publicKey, signature, createHash('sha256').update('x').digest()), ctx), VerificationError, 'signature_invalid');
    });
    it('throws entry_schema_invalid naming the missing verifier and digest', async () => {
      const error = await expectRejection(() => hashedRekordV002.accept({ apiVersion: '0.0.2', kind: 'hashedrekord', spec: { signature: { content: toBase64(signature) } } }, ctx), InputError, 'entry_schema_invalid');
      expect(problemsOf(error)).toEqual(['/signature/verifier', '/digest']);
    });
  });

  describe('given a stored body whose data.algorithm disagrees with its key details', () => {
    it('throws entry_schema_invalid at /hashedRekordV002/data/algorithm', async () => {
      const { body } = await hashedRekordV002.accept(proposedFromRekorV2Request(request), ctx);
      const altered = structuredClone(body) as { spec: { hashedRekordV002: { data: { algorithm: string } } } };
      altered.spec.hashedRekordV002.data.algorithm = 'SHA2_512';
      const error = await expectRejection(() => hashedRekordV002.verifyStored(altered as unknown as Record<string, unknown>, ctx), InputError, 'entry_schema_invalid');
      expect(problemsOf(error)).toEqual(['/hashedRekordV002/data/algorithm']);
    });
  });
});

describe('dsse 0.0.2', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const payload = utf8(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'a', digest: { sha256: digest256.toString('hex') } }] }));
  const type = 'application/vnd.in-toto+json';
  const pae = preAuthEncoding(type, payload);
  const sigEc = sign('sha256', pae, ec.privateKey);
  const sigEd = sign(null, pae, ed.privateKey);
  const verifierEc = { publicKey: { rawBytes: spkiB64(ec.publicKey) }, keyDetails: 'PKIX_ECDSA_P256_SHA_256' };
  const verifierEd = { publicKey: { rawBytes: spkiB64(ed.publicKey) }, keyDetails: 'PKIX_ED25519_PH' };
  const requestWith = (signatures: readonly Buffer[], verifiers: readonly object[]) => ({ dsseRequestV002: { envelope: { payload: toBase64(payload), payloadType: type, signatures: signatures.map((s) => ({ sig: s.toString('base64'), keyid: '' })) }, verifiers } });

  describe('given an envelope signed by ECDSA and (pure) Ed25519 keys declared PKIX_ED25519_PH', () => {
    it('stores the payload hash and the signatures sorted by raw bytes, each with its verifier as sent', async () => {
      const accepted = await dsseV002.accept(proposedFromRekorV2Request(requestWith([sigEc, sigEd], [verifierEd, verifierEc])), ctx);
      const signatures = [{ content: sigEc.toString('base64'), verifier: verifierEc, raw: sigEc }, { content: sigEd.toString('base64'), verifier: verifierEd, raw: sigEd }]
        .sort((x, y) => Buffer.compare(x.raw, y.raw))
        .map(({ content, verifier }) => ({ content, verifier }));
      expect(accepted.body).toEqual({ apiVersion: '0.0.2', kind: 'dsse', spec: { dsseV002: { payloadHash: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') }, signatures } } });
      expect(accepted.indexKeys).toContainEqual({ type: 'sha256', value: digest256.toString('hex') });
      await dsseV002.verifyStored(accepted.body, ctx);
      expect(dsseV002.indexKeys(accepted.body)).toHaveLength(3);
    });
  });

  describe('given invalid requests', () => {
    it('throws entry_schema_invalid for a duplicated verifier', async () => {
      const error = await expectRejection(() => dsseV002.accept(proposedFromRekorV2Request(requestWith([sigEc], [verifierEc, verifierEc])), ctx), InputError, 'entry_schema_invalid');
      expect(problemsOf(error)).toEqual(['/verifiers/1']);
    });
    it('throws entry_schema_invalid for eleven signatures', async () => {
      const error = await expectRejection(() => dsseV002.accept(proposedFromRekorV2Request(requestWith(Array.from({ length: 11 }, () => sigEc), [verifierEc])), ctx), InputError, 'entry_schema_invalid');
      expect(problemsOf(error)).toEqual(['/envelope/signatures']);
    });
    it('throws signature_invalid when the first verifier verifies nothing', async () => {
      await expectRejection(() => dsseV002.accept(proposedFromRekorV2Request(requestWith([sigEc], [verifierEd, verifierEc])), ctx), VerificationError, 'signature_invalid');
    });
    it('throws entry_schema_invalid for a stored dsse 0.0.2 spec proposed again', async () => {
      const { body } = await dsseV002.accept(proposedFromRekorV2Request(requestWith([sigEc], [verifierEc])), ctx);
      const error = await expectRejection(() => dsseV002.accept(body as unknown as ProposedEntry, ctx), InputError, 'entry_schema_invalid');
      expect(problemsOf(error)).toEqual(['/dsseV002']);
    });
  });
});
