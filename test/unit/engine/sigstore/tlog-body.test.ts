import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { parseTlogBody, tlogBodyKind } from '../../../../electron/engine/sigstore/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { firstTlogEntry, publicCases } from '../../../fixtures/sigstore/public-cases.js';

const cases = publicCases();
const A_TXT_SHA256 = 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf';

function bodyOf(name: string): Uint8Array {
  return Buffer.from(firstTlogEntry(cases.find((c) => c.spec.name === name)!.bundleJson).canonicalizedBody, 'base64');
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

describe('parseTlogBody', () => {
  describe('given public-good bodies of every kind the cases carry', () => {
    it('reads hashedrekord 0.0.1 (certificate), 0.0.1 (public key), 0.0.2 and dsse 0.0.1', () => {
      const v1 = parseTlogBody(bodyOf('happy-path-v0.3'));
      expect(v1).toMatchObject({ kind: 'hashedrekord', apiVersion: '0.0.1', canonical: true, digestOf: 'artifact', verifiers: [{ type: 'certificate' }] });
      expect(Buffer.from(v1.digest.value).toString('hex')).toBe(A_TXT_SHA256);
      expect(parseTlogBody(bodyOf('managed-key-happy-path'))).toMatchObject({ verifiers: [{ type: 'public_key' }] });
      const v2 = parseTlogBody(bodyOf('rekor2-happy-path'));
      expect(v2).toMatchObject({ kind: 'hashedrekord', apiVersion: '0.0.2', canonical: true, digest: { algorithm: 'sha256' }, verifiers: [{ type: 'certificate' }] });
      expect(Buffer.from(v2.digest.value).toString('hex')).toBe(A_TXT_SHA256);
      const dsse = parseTlogBody(bodyOf('happy-path-intoto-in-dsse-v3'));
      expect(dsse).toMatchObject({ kind: 'dsse', apiVersion: '0.0.1', canonical: true, digestOf: 'dsse_payload' });
      const payload = Buffer.from((cases.find((c) => c.spec.name === 'happy-path-intoto-in-dsse-v3')!.bundleJson.dsseEnvelope as { payload: string }).payload, 'base64');
      expect(Buffer.from(dsse.digest.value).toString('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
    });
  });

  describe('given the same JSON re-serialised with spaces', () => {
    it('reports canonical: false', () => {
      const text = JSON.stringify(JSON.parse(Buffer.from(bodyOf('happy-path-v0.3')).toString()), null, 2);
      expect(parseTlogBody(new TextEncoder().encode(text)).canonical).toBe(false);
    });
  });

  describe('given dsse 0.0.2 and intoto 0.0.2 bodies', () => {
    it('reads signatures, payload digests and verifiers (intoto double-base64 signatures)', () => {
      const sig = Buffer.from('signature bytes');
      const pem = Buffer.from('-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAPn+AREHoBaZ7wgS1zBqpxmLSGnyhxXj4lFxSdWVB8o8=\n-----END PUBLIC KEY-----\n');
      const dsse2 = parseTlogBody(json({ apiVersion: '0.0.2', kind: 'dsse', spec: { dsseV002: { payloadHash: { algorithm: 'SHA2_256', digest: Buffer.alloc(32, 1).toString('base64') }, signatures: [{ content: sig.toString('base64'), verifier: { keyDetails: 'PKIX_ED25519', publicKey: { rawBytes: Buffer.alloc(44, 2).toString('base64') } } }] } } }));
      expect(dsse2).toMatchObject({ digestOf: 'dsse_payload', verifiers: [{ type: 'public_key' }] });
      expect(Buffer.from(dsse2.signatures[0]!).equals(sig)).toBe(true);
      const intoto = parseTlogBody(json({ apiVersion: '0.0.2', kind: 'intoto', spec: { content: { envelope: { signatures: [{ sig: Buffer.from(sig.toString('base64')).toString('base64'), publicKey: pem.toString('base64') }] }, payloadHash: { algorithm: 'sha256', value: '00'.repeat(32) } } } }));
      expect(Buffer.from(intoto.signatures[0]!).equals(sig)).toBe(true);
      expect(intoto.verifiers).toEqual([{ type: 'public_key', der: expect.any(Uint8Array) }]);
    });
  });

  describe('given malformed or unsupported bodies', () => {
    it('throws tlog_body_unsupported for other kinds and tlog_body_malformed for broken ones', () => {
      expectWorkbenchError(() => parseTlogBody(json({ apiVersion: '0.0.1', kind: 'rekord', spec: {} })), InputError, 'tlog_body_unsupported');
      expectWorkbenchError(() => parseTlogBody(new TextEncoder().encode('{')), InputError, 'tlog_body_malformed');
      expectWorkbenchError(() => parseTlogBody(json({ apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: 'md5', value: 'aa' } } } })), InputError, 'tlog_body_malformed');
      expectWorkbenchError(
        () => parseTlogBody(json({ apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: 'sha256', value: 'aa' } }, signature: { content: 'AA==', publicKey: { content: Buffer.from('not pem').toString('base64') } } } })),
        InputError,
        'tlog_body_malformed',
      );
      expectWorkbenchError(() => parseTlogBody(json({ apiVersion: '0.0.1', kind: 'dsse', spec: { signatures: [] } })), InputError, 'tlog_body_malformed');
    });
  });
});

describe('tlogBodyKind', () => {
  it('returns kind and apiVersion of a body, or undefined', () => {
    expect(tlogBodyKind(bodyOf('rekor2-happy-path'))).toEqual({ kind: 'hashedrekord', apiVersion: '0.0.2' });
    expect(tlogBodyKind(new TextEncoder().encode('[]'))).toBeUndefined();
  });
});
