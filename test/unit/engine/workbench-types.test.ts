import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InputError, VerificationError, type WorkbenchApi } from '../../../shared/api/index.js';
import { createWorkbenchApi } from '../../../electron/engine/workbench-api.js';
import { exampleMinisign } from '../../../examples/layouts/example-signers.mjs';
import type { Workbench } from '../../../electron/engine/open-workbench.js';
import { expectRejection } from '../../helpers/assertions.js';
import { tempWorkbench } from '../../helpers/temp-workbench.js';

const EXAMPLES = path.resolve(import.meta.dirname, '..', '..', '..', 'examples', 'layouts');
const read = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');
const PASSPHRASE = 'correct horse battery staple';

/** A proposed entry's spec with the signature and key removed: what a designer starts signing from. */
function unsigned(entryJson: string, drop: readonly string[]): string {
  const entry = JSON.parse(entryJson) as { spec: Record<string, unknown> };
  for (const name of drop) delete entry.spec[name];
  return JSON.stringify(entry);
}

describe('types.* and entries.add', () => {
  let workbench: Workbench;
  let api: WorkbenchApi;
  let cleanup: () => void;

  beforeEach(() => {
    ({ workbench, cleanup } = tempWorkbench());
    api = createWorkbenchApi(workbench);
  });
  afterEach(() => cleanup());

  const treeSize = () => workbench.localLog().record().treeSize;

  describe('types.validateLayout', () => {
    it('given an example layout, answers ok and not yet published', async () => {
      const result = await api.types.validateLayout({ layoutJson: read('release-record-0.0.1.layout.json') });
      expect(result).toEqual({ ok: true, problems: [], kind: 'release-record', version: '0.0.1', published: false });
    });

    it('given text that is not JSON, answers json_invalid at the root', async () => {
      const result = await api.types.validateLayout({ layoutJson: '{"kind": ' });
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ pointer: '', code: 'json_invalid' })]);
    });

    it('given a layout with several faults, lists each at its pointer', async () => {
      const layout = JSON.parse(read('release-record-0.0.1.layout.json')) as Record<string, any>;
      layout['kind'] = 'rekord';
      layout['roles'].digest.pointer = '/ExtraData';
      delete layout['roles'].publicKey;
      const result = await api.types.validateLayout({ layoutJson: JSON.stringify(layout) });
      expect(result.problems.map((p) => [p.pointer, p.code])).toEqual(
        expect.arrayContaining([
          ['/kind', 'kind_reserved'],
          ['/roles/publicKey', 'missing_member'],
          ['/roles/digest/pointer', 'pointer_not_required'],
          ['/roles/digest/pointer', 'pointer_wrong_type'],
        ]),
      );
    });
  });

  describe('types.validateEntry', () => {
    it('given a signed example, verifies it and gives the leaf hash the log then gives it', async () => {
      const layoutJson = read('build-provenance-0.0.1.layout.json');
      const entryJson = read('build-provenance-0.0.1.entry.json');
      const result = await api.types.validateEntry({ layoutJson, entryJson });
      expect(result.layoutProblems).toEqual([]);
      expect(result.entryProblems).toEqual([]);
      expect(result.signature.status).toBe('verified');
      expect(result.canonicalBody).not.toBeNull();
      expect(result.leafHash).toBe(createHash('sha256').update(Buffer.from([0])).update(result.canonicalBody!).digest('hex'));
      expect(result.indexKeys.some((k) => k.type === 'key_fingerprint' && k.value === result.signature.keyFingerprint)).toBe(true);

      await api.types.publish({ layoutJson });
      const logged = await api.entries.add({ entryJson });
      expect(logged).toMatchObject({ kind: 'build-provenance', apiVersion: '0.0.1', logIndex: 1, uuid: result.leafHash });
    });

    it('given a broken sample, names the failing rule of each member and checks no signature', async () => {
      const entry = JSON.parse(read('release-record-0.0.1.entry.json')) as { spec: Record<string, unknown> };
      entry.spec['SHA'] = 'ABC';
      delete entry.spec['URL'];
      const result = await api.types.validateEntry({ layoutJson: read('release-record-0.0.1.layout.json'), entryJson: JSON.stringify(entry) });
      expect(result.entryProblems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ pointer: '/spec/SHA', code: 'schema_violation', message: expect.stringContaining('must match pattern') }),
          expect.objectContaining({ pointer: '/spec/SHA', code: 'digest_malformed' }),
          expect.objectContaining({ pointer: '/spec/URL', code: 'schema_violation', message: expect.stringContaining('is required') }),
        ]),
      );
      expect(result.signature.status).toBe('not-checked');
      expect(result.leafHash).toBeNull();
      expect(result.roles.find((r) => r.role === 'digest')).toEqual({ role: 'digest', pointer: '/spec/SHA', format: 'sha256', value: 'ABC' });
    });

    it('given a valid entry under another signature, says the signature does not verify', async () => {
      const entry = JSON.parse(read('release-record-0.0.1.entry.json')) as { spec: Record<string, unknown> };
      entry.spec['SHA'] = 'f'.repeat(64);
      const result = await api.types.validateEntry({ layoutJson: read('release-record-0.0.1.layout.json'), entryJson: JSON.stringify(entry) });
      expect(result.entryProblems).toEqual([]);
      expect(result.signature).toMatchObject({ status: 'invalid', keyFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(result.leafHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('given an invalid layout, judges no entry', async () => {
      const result = await api.types.validateEntry({ layoutJson: '{}', entryJson: read('release-record-0.0.1.entry.json') });
      expect(result.layoutProblems.length).toBeGreaterThan(0);
      expect(result.entryProblems).toEqual([]);
      expect(result.signature.status).toBe('not-checked');
    });
  });

  describe('types.signEntry', () => {
    it.each([
      ['sbom-attestation-0.0.1', 'ed25519'],
      ['build-provenance-0.0.1', 'ecdsa-p256'],
      ['identity-record-0.0.1', 'ecdsa-p256'],
    ] as const)('given %s and a %s keyring key, writes a key and signature that verify', async (example, type) => {
      const layoutJson = read(`${example}.layout.json`);
      const layout = JSON.parse(layoutJson) as { roles: { signature: { pointer: string }; publicKey: { pointer: string } } };
      const drop = [layout.roles.signature.pointer.slice(1), layout.roles.publicKey.pointer.slice(1)];
      await api.keys.generate({ type, name: 'signer', passphrase: PASSPHRASE });
      const signed = await api.types.signEntry({ layoutJson, entryJson: unsigned(read(`${example}.entry.json`), drop), keyName: 'signer', passphrase: PASSPHRASE });
      const result = await api.types.validateEntry({ layoutJson, entryJson: signed.entryJson });
      expect(result.entryProblems).toEqual([]);
      expect(result.signature.status).toBe('verified');
      expect(result.signature.keyFingerprint).toBe(signed.keyFingerprint);
    });

    it.each(['release-record-0.0.1', 'release-record-0.0.2'])('given %s and an imported minisign key, writes a .minisig that verifies', async (example) => {
      const key = exampleMinisign('provwb designer test');
      await api.keys.import({ name: 'mini', keyBase64: Buffer.from(key.secretFile()).toString('base64'), passphrase: PASSPHRASE });
      const layoutJson = read(`${example}.layout.json`);
      const signed = await api.types.signEntry({ layoutJson, entryJson: unsigned(read(`${example}.entry.json`), ['Signature', 'PublicKey']), keyName: 'mini', passphrase: PASSPHRASE });
      expect(JSON.parse(signed.entryJson).spec.PublicKey).toBe(key.publicKeyFile);
      const result = await api.types.validateEntry({ layoutJson, entryJson: signed.entryJson });
      expect(result.entryProblems).toEqual([]);
      expect(result.signature.status).toBe('verified');
    });

    it('given a key that cannot make the format, refuses with key_type_unsuited', async () => {
      await api.keys.generate({ type: 'ecdsa-p256', name: 'p256', passphrase: PASSPHRASE });
      const layoutJson = read('sbom-attestation-0.0.1.layout.json');
      await expectRejection(api.types.signEntry({ layoutJson, entryJson: read('sbom-attestation-0.0.1.entry.json'), keyName: 'p256', passphrase: PASSPHRASE }), InputError, 'key_type_unsuited');
    });

    it('given the wrong passphrase, signs nothing', async () => {
      await api.keys.generate({ type: 'ed25519', name: 'ed', passphrase: PASSPHRASE });
      const layoutJson = read('sbom-attestation-0.0.1.layout.json');
      await expectRejection(api.types.signEntry({ layoutJson, entryJson: read('sbom-attestation-0.0.1.entry.json'), keyName: 'ed', passphrase: 'wrong' }), VerificationError, 'passphrase_incorrect');
    });
  });

  describe('types.publish and types.list', () => {
    it('lists built-in kinds, then the published layout with its log index and text', async () => {
      const layoutJson = read('release-record-0.0.1.layout.json');
      const published = await api.types.publish({ layoutJson });
      expect(published).toMatchObject({ log: 'local', logIndex: 0, kind: 'layout', apiVersion: '0.0.1' });
      const { types } = await api.types.list();
      expect(types).toContainEqual(expect.objectContaining({ kind: 'hashedrekord', version: '0.0.1', source: 'built-in', logIndex: null, layoutJson: null }));
      const custom = types.find((t) => t.kind === 'release-record')!;
      expect(custom).toMatchObject({ version: '0.0.1', source: 'layout', logIndex: 0 });
      expect(JSON.parse(custom.layoutJson!)).toEqual(JSON.parse(layoutJson));
      expect((await api.types.validateLayout({ layoutJson })).published).toBe(true);
    });

    it('refuses a second layout for the same kind and version and stores nothing', async () => {
      const layoutJson = read('release-record-0.0.1.layout.json');
      await api.types.publish({ layoutJson });
      const changed = JSON.parse(layoutJson) as Record<string, unknown>;
      changed['description'] = 'another layout under the same name';
      await expectRejection(api.types.publish({ layoutJson: JSON.stringify(changed) }), ConflictError, 'already_exists');
      expect(treeSize()).toBe(1);
    });

    it('refuses an invalid layout with every problem and stores nothing', async () => {
      const error = await expectRejection(api.types.publish({ layoutJson: '{"layoutVersion": 1}' }), InputError, 'layout_invalid');
      expect((error.details?.['problems'] as unknown[]).length).toBeGreaterThan(1);
      await expectRejection(api.types.publish({ layoutJson: 'nope' }), InputError, 'layout_json_invalid');
      expect(treeSize()).toBe(0);
    });
  });

  describe('entries.add', () => {
    it('refuses an entry whose signature does not verify, and stores nothing', async () => {
      await api.types.publish({ layoutJson: read('release-record-0.0.1.layout.json') });
      const entry = JSON.parse(read('release-record-0.0.1.entry.json')) as { spec: Record<string, unknown> };
      entry.spec['SHA'] = 'f'.repeat(64);
      await expectRejection(api.entries.add({ entryJson: JSON.stringify(entry) }), VerificationError, 'signature_invalid');
      await expectRejection(api.entries.add({ entryJson: '[' }), InputError, 'entry_json_invalid');
      expect(treeSize()).toBe(1);
    });
  });
});
