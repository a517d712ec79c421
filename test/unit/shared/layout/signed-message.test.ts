import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { canonicalJsonBytes } from '../../../../shared/canonical/index.js';
import { fromHex, toBase64 } from '../../../../shared/encoding/index.js';
import { deriveIndexKeys, messageToSign, verifyEntrySignature, type Layout } from '../../../../shared/layout/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { cloneJson, readExample } from './layout-test-helpers.js';

const ed = ed25519.keygen(new Uint8Array(32).fill(3));
const ec = { secretKey: new Uint8Array(32).fill(4) };
const sbomLayout = readExample<Layout>('sbom-attestation-0.0.1.layout.json');
const sbomEntry = readExample<{ apiVersion: string; kind: string; spec: Record<string, any> }>('sbom-attestation-0.0.1.entry.json');

describe('messageToSign', () => {
  describe('given a layout that signs the statement', () => {
    it('is the RFC 8785 body without the signature member, with or without it present', () => {
      const unsigned = cloneJson(sbomEntry);
      delete unsigned.spec.signature;
      const want = canonicalJsonBytes({ apiVersion: '0.0.1', kind: 'sbom-attestation', spec: unsigned.spec });
      expect(messageToSign(sbomLayout, unsigned)).toEqual(want);
      expect(messageToSign(sbomLayout, sbomEntry)).toEqual(want);
    });
    it('lets a tool sign a new entry that then verifies', () => {
      const fresh = cloneJson(sbomEntry);
      fresh.spec.publicKey = toBase64(ed.publicKey);
      fresh.spec.subject.name = 'another-binary';
      fresh.spec.signature = toBase64(ed25519.sign(messageToSign(sbomLayout, fresh), ed.secretKey));
      expect(verifyEntrySignature(sbomLayout, fresh).format).toBe('ed25519');
      expect(deriveIndexKeys(sbomLayout, fresh)).toContainEqual({ type: 'field', value: 'subject=another-binary' });
    });
  });

  describe('given a layout that signs the digest', () => {
    const layout = readExample<Layout>('release-record-0.0.1.layout.json');
    const entry = readExample<{ apiVersion: string; kind: string; spec: Record<string, string> }>('release-record-0.0.1.entry.json');
    it('is the 32 raw digest bytes, not the hex text', () => {
      expect(messageToSign(layout, entry)).toEqual(fromHex(entry.spec['SHA']!));
    });
    it('throws entry_invalid for a malformed digest', () => {
      expectWorkbenchError(() => messageToSign(layout, { ...entry, spec: { ...entry.spec, SHA: 'xyz' } }), InputError, 'entry_invalid');
    });
  });

  describe('given an ECDSA layout', () => {
    it('signs SHA-256(message): a WebCrypto-style r ‖ s signature made with noble verifies', () => {
      const layout = readExample<Layout>('identity-record-0.0.1.layout.json');
      const entry = cloneJson(readExample<{ apiVersion: string; kind: string; spec: Record<string, any> }>('identity-record-0.0.1.entry.json'));
      const spki = new Uint8Array([...fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200'), ...p256.getPublicKey(ec.secretKey, false)]);
      entry.spec.publicKey = `-----BEGIN PUBLIC KEY-----\n${toBase64(spki)}\n-----END PUBLIC KEY-----\n`;
      entry.spec.signature = toBase64(p256.sign(messageToSign(layout, entry), ec.secretKey, { prehash: true, format: 'compact' }));
      expect(verifyEntrySignature(layout, entry).format).toBe('ecdsa-p256-sha256-raw');
    });
  });
});
