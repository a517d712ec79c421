import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../shared/api/index.js';
import { createKindRegistry } from '../../../../../electron/engine/entries/kind-registry.js';
import { BUILTIN_KINDS } from '../../../../../electron/engine/types/builtin/index.js';
import { expectRejection } from '../../../../helpers/assertions.js';

const ctx = { integratedTimeSec: 1_790_000_000 };

describe('BUILTIN_KINDS', () => {
  it('lists Rekor\'s kinds once each, in a registry', () => {
    expect(BUILTIN_KINDS.map((k) => `${k.kind} ${k.apiVersion}`)).toEqual(['hashedrekord 0.0.1', 'hashedrekord 0.0.2', 'rekord 0.0.1', 'dsse 0.0.1', 'dsse 0.0.2', 'intoto 0.0.2']);
    const registry = createKindRegistry(BUILTIN_KINDS);
    expect(() => registry.lookup('intoto', '0.0.1')).toThrow(expect.objectContaining({ code: 'kind_unknown' }));
    expect(() => registry.lookup('helm', '0.0.1')).toThrow(expect.objectContaining({ code: 'kind_unknown' }));
  });

  for (const kind of BUILTIN_KINDS) {
    describe(`given ${kind.kind} ${kind.apiVersion}`, () => {
      it('publishes a JSON Schema of its spec', () => {
        expect(kind.specSchema.$schema).toMatch(/json-schema\.org/);
      });
      it('throws kind_mismatch for an entry of another version', async () => {
        await expectRejection(() => kind.accept({ apiVersion: '9.9.9', kind: kind.kind, spec: {} }, ctx), InputError, 'kind_mismatch');
        expect(() => kind.indexKeys({ apiVersion: '9.9.9', kind: kind.kind, spec: {} })).toThrow(expect.objectContaining({ code: 'kind_mismatch' }));
      });
      it.each([
        ['an empty spec', {}],
        ['a spec that is a string', 'spec'],
        ['a spec that is an array', []],
      ])('throws entry_schema_invalid with problems for %s', async (_, spec) => {
        const error = await expectRejection(() => kind.accept({ apiVersion: kind.apiVersion, kind: kind.kind, spec }, ctx), InputError, 'entry_schema_invalid');
        const problems = (error.details as { problems: { pointer: string; message: string }[] }).problems;
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p.pointer === '' || p.pointer.startsWith('/')).toBe(true);
      });
    });
  }
});
