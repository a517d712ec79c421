import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../../shared/api/index.js';
import { canonicalJson } from '../../../../../shared/canonical/index.js';
import type { Layout } from '../../../../../shared/layout/index.js';
import { createLayoutKind, layoutEntryKind } from '../../../../../electron/engine/types/custom/index.js';
import type { EntryKind, ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { expectRejection, expectWorkbenchError } from '../../../../helpers/assertions.js';
import { cloneJson, readExample } from '../../../shared/layout/layout-test-helpers.js';

const ctx = { integratedTimeSec: 1_750_000_000 };
const NAMES = ['release-record-0.0.1', 'release-record-0.0.2', 'build-provenance-0.0.1', 'sbom-attestation-0.0.1', 'identity-record-0.0.1'];

/** A registry as the engine keeps one: kind@version → EntryKind, built from layout entries. */
async function registryFromLayoutEntries(names: readonly string[]): Promise<Map<string, EntryKind>> {
  const kinds = new Map<string, EntryKind>();
  for (const name of names) {
    const accepted = await layoutEntryKind.accept({ apiVersion: '0.0.1', kind: 'layout', spec: readExample(`${name}.layout.json`) }, ctx);
    const kind = createLayoutKind(accepted.body['spec']);
    kinds.set(`${kind.kind}@${kind.apiVersion}`, kind);
  }
  return kinds;
}

describe('createLayoutKind', () => {
  describe('given the example layouts, each recorded as a layout entry first', () => {
    it('accepts every example entry with the kind of its exact version', async () => {
      const kinds = await registryFromLayoutEntries(NAMES);
      for (const name of NAMES) {
        const entry = readExample<ProposedEntry>(`${name}.entry.json`);
        const kind = kinds.get(`${entry.kind}@${entry.apiVersion}`)!;
        const accepted = await kind.accept(entry, ctx);
        expect(accepted.body['apiVersion']).toBe(entry.apiVersion);
        expect(accepted.indexKeys.some((k) => k.type === 'key_fingerprint')).toBe(true);
      }
    });
  });

  describe('given a stored release-record 0.0.1 entry and a later 0.0.2 layout', () => {
    it('the stored 0.0.1 body still passes verifyStored with the 0.0.1 kind', async () => {
      const first = await registryFromLayoutEntries(['release-record-0.0.1']);
      const stored = await first.get('release-record@0.0.1')!.accept(readExample<ProposedEntry>('release-record-0.0.1.entry.json'), ctx);
      const bytes = canonicalJson(stored.body);
      const later = await registryFromLayoutEntries(['release-record-0.0.1', 'release-record-0.0.2']);
      const reread = JSON.parse(bytes) as Record<string, unknown>;
      await expect(later.get('release-record@0.0.1')!.verifyStored(reread, ctx)).resolves.toBeUndefined();
      expect(later.get('release-record@0.0.1')!.indexKeys(reread)).toEqual(stored.indexKeys);
      // The 0.0.2 kind refuses it as an entry of another version, whatever its rules.
      await expectRejection(later.get('release-record@0.0.2')!.verifyStored(reread, ctx), InputError, 'entry_invalid');
    });
  });

  describe('given a proposed entry', () => {
    it('never modifies it, and the body is a detached copy', async () => {
      const entry = readExample<ProposedEntry>('build-provenance-0.0.1.entry.json');
      const before = JSON.stringify(entry);
      const kind = createLayoutKind(readExample('build-provenance-0.0.1.layout.json'));
      const accepted = await kind.accept(entry, ctx);
      expect(JSON.stringify(entry)).toBe(before);
      (accepted.body['spec'] as Record<string, unknown>)['buildType'] = 'changed';
      expect(JSON.stringify(entry)).toBe(before);
    });
    it('rejects a flipped signature bit with signature_invalid', async () => {
      const entry = cloneJson(readExample<ProposedEntry & { spec: Record<string, string> }>('sbom-attestation-0.0.1.entry.json'));
      const sig = entry.spec['signature']!;
      entry.spec['signature'] = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
      await expectRejection(createLayoutKind(readExample('sbom-attestation-0.0.1.layout.json')).accept(entry, ctx), VerificationError, 'signature_invalid');
    });
  });

  describe('given an invalid layout', () => {
    it('throws layout_invalid with every problem', () => {
      const layout = cloneJson(readExample<Layout & { kind: string }>('release-record-0.0.1.layout.json'));
      (layout as { kind: string }).kind = 'rekord';
      (layout.roles.digest as { pointer: string }).pointer = '/Nope';
      const error = expectWorkbenchError(() => createLayoutKind(layout), InputError, 'layout_invalid');
      expect((error.details?.['problems'] as Array<{ pointer: string }>).map((p) => p.pointer)).toEqual(['/kind', '/roles/digest/pointer']);
    });
  });
});

describe('layoutEntryKind', () => {
  it('is layout 0.0.1 with the layout document schema', () => {
    expect(layoutEntryKind.kind).toBe('layout');
    expect(layoutEntryKind.apiVersion).toBe('0.0.1');
    expect(layoutEntryKind.specSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });
  it.each(NAMES.map((n) => [n]))('records %s with index key layout=<kind>@<version>', async (name) => {
    const layout = readExample<Layout>(`${name}.layout.json`);
    const accepted = await layoutEntryKind.accept({ apiVersion: '0.0.1', kind: 'layout', spec: layout }, ctx);
    expect(accepted.indexKeys).toEqual([{ type: 'field', value: `layout=${layout.kind}@${layout.version}` }]);
    expect(canonicalJson(accepted.body)).toBe(canonicalJson({ apiVersion: '0.0.1', kind: 'layout', spec: layout }));
  });
  it('rejects a stored body whose layout was tampered with', async () => {
    const body = { apiVersion: '0.0.1', kind: 'layout', spec: cloneJson(readExample<Record<string, unknown>>('identity-record-0.0.1.layout.json')) };
    (body.spec['roles'] as Record<string, Record<string, string>>)['signature']!['format'] = 'rsa';
    await expectRejection(layoutEntryKind.verifyStored(body, ctx), InputError, 'layout_invalid');
  });
});
