import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { canonicalJson } from '../../../../shared/canonical/index.js';
import { fromBase64, toBase64 } from '../../../../shared/encoding/index.js';
import {
  deriveCanonicalBody,
  deriveIndexKeys,
  identityMatchKey,
  selectLayout,
  validateEntry,
  validateLayout,
  verifyEntrySignature,
  type EntryDocument,
  type Layout,
} from '../../../../shared/layout/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { cloneJson, readExample } from './layout-test-helpers.js';

const EXAMPLES = ['release-record-0.0.1', 'release-record-0.0.2', 'build-provenance-0.0.1', 'sbom-attestation-0.0.1', 'identity-record-0.0.1'] as const;

function example(name: string): { layout: Layout; entry: EntryDocument & { spec: Record<string, unknown> } } {
  return { layout: readExample<Layout>(`${name}.layout.json`), entry: readExample(`${name}.entry.json`) };
}

/** Returns the entry with one bit of its signature flipped (inside the Ed25519/ECDSA signature bytes). */
function flipSignatureBit(layout: Layout, entry: EntryDocument & { spec: Record<string, unknown> }): EntryDocument {
  const out = cloneJson(entry);
  const member = layout.roles.signature.pointer.slice(1);
  const text = out.spec[member] as string;
  if (layout.roles.signature.format === 'minisign') {
    const lines = text.split('\n');
    const bytes = fromBase64(lines[1]!);
    bytes[40]! ^= 0x01; // inside the 64-byte Ed25519 signature (after "ED" and the key ID)
    lines[1] = toBase64(bytes);
    out.spec[member] = lines.join('\n');
  } else {
    const bytes = fromBase64(text);
    bytes[bytes.length - 2]! ^= 0x01;
    out.spec[member] = toBase64(bytes);
  }
  return out;
}

describe('examples/layouts', () => {
  describe.each(EXAMPLES.map((n) => [n] as const))('given %s', (name) => {
    const { layout, entry } = example(name);
    it('the layout is valid', () => {
      expect(validateLayout(layout)).toEqual([]);
    });
    it('the entry validates and its signature verifies', () => {
      expect(validateEntry(layout, entry)).toEqual([]);
      const body = deriveCanonicalBody(layout, entry);
      expect(body.kind).toBe(layout.kind);
      expect(body.apiVersion).toBe(layout.version);
      // All of the spec is kept.
      expect(canonicalJson(body.spec)).toBe(canonicalJson(entry.spec));
      expect(verifyEntrySignature(layout, body).format).toBe(layout.roles.signature.format);
    });
    it('a flipped signature bit throws signature_invalid', () => {
      const flipped = flipSignatureBit(layout, entry);
      expect(validateEntry(layout, flipped)).toEqual([]);
      expectWorkbenchError(() => verifyEntrySignature(layout, deriveCanonicalBody(layout, flipped)), VerificationError, 'signature_invalid');
    });
  });

  describe('given release-record 0.0.1 and a 0.0.2 with different rules', () => {
    const v1 = example('release-record-0.0.1');
    const v2 = example('release-record-0.0.2');
    const layouts = [v2.layout, v1.layout];

    it('0.0.2 really differs: it requires ExtraData.compiler-version and signs the statement', () => {
      expect(v2.layout.roles.signature.signs).toBe('statement');
      expect(v1.layout.roles.signature.signs).toBe('digest');
      const noCompiler = cloneJson(v2.entry);
      delete (noCompiler.spec['ExtraData'] as Record<string, unknown>)['compiler-version'];
      expect(validateEntry(v2.layout, noCompiler)).toEqual([expect.objectContaining({ pointer: '/spec/ExtraData/compiler-version', code: 'schema_violation' })]);
    });
    it('the 0.0.1 entry selects the 0.0.1 layout and still verifies', () => {
      const layout = selectLayout(layouts, v1.entry)!;
      expect(layout.version).toBe('0.0.1');
      expect(verifyEntrySignature(layout, deriveCanonicalBody(layout, v1.entry)).format).toBe('minisign');
    });
    it('the 0.0.2 entry selects and verifies under 0.0.2', () => {
      const layout = selectLayout(layouts, v2.entry)!;
      expect(layout.version).toBe('0.0.2');
      verifyEntrySignature(layout, deriveCanonicalBody(layout, v2.entry));
    });
    it('the 0.0.1 entry is not judged by 0.0.2: its apiVersion does not match', () => {
      expect(validateEntry(v2.layout, v1.entry)).toEqual([expect.objectContaining({ pointer: '/apiVersion', code: 'api_version_mismatch' })]);
    });
    it('relabelled as 0.0.2, the 0.0.1 entry does not verify (its signature covers only the digest)', () => {
      const relabelled = { ...cloneJson(v1.entry), apiVersion: '0.0.2' };
      expectWorkbenchError(() => verifyEntrySignature(v2.layout, relabelled), VerificationError, 'signature_invalid');
    });
    it('no layout is found for an unknown version (never "the latest")', () => {
      expect(selectLayout(layouts, { kind: 'release-record', apiVersion: '0.0.3' })).toBeUndefined();
    });
  });

  describe('given the identity record of alice@example.org', () => {
    const { layout, entry } = example('identity-record-0.0.1');
    const salt = (entry.spec['signer'] as Record<string, string>)['salt']!;
    const keys = deriveIndexKeys(layout, deriveCanonicalBody(layout, entry));
    it('stores no email, only the salted hash and the salt', () => {
      expect(JSON.stringify(entry)).not.toMatch(/alice|example\.org/i);
    });
    it('her monitor finds the entry with identityMatchKey(email, salt)', () => {
      expect(keys).toContainEqual(identityMatchKey('alice@example.org', salt));
      expect(keys).toContainEqual(identityMatchKey('  Alice@Example.ORG ', salt));
    });
    it('another email or another salt does not match', () => {
      expect(keys).not.toContainEqual(identityMatchKey('bob@example.org', salt));
      expect(keys).not.toContainEqual(identityMatchKey('alice@example.org', '00'.repeat(32)));
    });
    it('changing the stored hash breaks the signature (the identity claim is signed)', () => {
      const other = cloneJson(entry);
      (other.spec['signer'] as Record<string, string>)['emailHash'] = '0'.repeat(64);
      expectWorkbenchError(() => verifyEntrySignature(layout, other), VerificationError, 'signature_invalid');
    });
  });

  describe('given the build-provenance record', () => {
    const { layout, entry } = example('build-provenance-0.0.1');
    it('indexes builder, repository and commit', () => {
      const keys = deriveIndexKeys(layout, entry);
      expect(keys).toContainEqual({ type: 'field', value: 'builder=https://ci.example.org/builders/hermetic-linux@v3' });
      expect(keys).toContainEqual({ type: 'field', value: 'commit=4f1c3a9e8b7d6c5b4a392817f6e5d4c3b2a19080' });
    });
    it('a changed builder id fails verification (the statement is signed)', () => {
      const other = cloneJson(entry);
      (other.spec['builder'] as Record<string, string>)['id'] = 'https://evil.example/builder';
      expectWorkbenchError(() => verifyEntrySignature(layout, other), VerificationError, 'signature_invalid');
    });
    it('a commit that is not hex is a schema problem at its pointer', () => {
      const other = cloneJson(entry);
      (other.spec['source'] as Record<string, string>)['commit'] = 'main';
      expect(validateEntry(layout, other)).toEqual([expect.objectContaining({ pointer: '/spec/source/commit', code: 'schema_violation' })]);
      expectWorkbenchError(() => deriveCanonicalBody(layout, other), InputError, 'entry_invalid');
    });
  });
});
