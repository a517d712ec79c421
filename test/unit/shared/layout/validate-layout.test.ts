import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { assertValidLayout, parsePointer, validateLayout, valueAtPointer, type Layout } from '../../../../shared/layout/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { cloneJson, loadLayoutVectors, readExample } from './layout-test-helpers.js';

const base = readExample<Layout>('build-provenance-0.0.1.layout.json');
function mutated(mutate: (l: Record<string, any>) => void): unknown {
  const l = cloneJson(base) as Record<string, any>;
  mutate(l);
  return l;
}
const codes = (doc: unknown) => validateLayout(doc).map((p) => `${p.pointer} ${p.code}`);

describe('validateLayout', () => {
  describe('given any problem of the vectors', () => {
    it('points at a place in the layout: the member itself, or the parent of a missing one', () => {
      for (const v of loadLayoutVectors().filter((x) => x.wantLayoutProblems)) {
        for (const p of validateLayout(v.layout)) {
          const tokens = parsePointer(p.pointer)!;
          const here = valueAtPointer(v.layout, p.pointer);
          const parent = valueAtPointer(v.layout, tokens.length === 0 ? '' : p.pointer.slice(0, p.pointer.lastIndexOf('/')));
          expect(here !== undefined || (p.code === 'missing_member' && parent !== undefined), `${v.file}: ${p.pointer}`).toBe(true);
          expect(p.message.length).toBeGreaterThan(10);
        }
      }
    });
  });

  describe('given values that are not layouts at all', () => {
    it.each([null, 1, 'layout', [], true])('%j gives not_object and never throws', (doc) => {
      expect(codes(doc)).toEqual([' not_object']);
    });
    it.each([
      { schema: null, roles: [], index: [] },
      { layoutVersion: 1, kind: 3, version: null, schema: [], roles: { digest: 'x', signature: [], publicKey: null, extraData: {} } },
      { roles: { extraData: [1, '/a'] }, index: { a: {} } },
    ])('%j lists problems and never throws', (doc) => {
      expect(validateLayout(doc).length).toBeGreaterThan(3);
    });
  });

  describe('given a schema that cannot be used', () => {
    it('reports a $ref to another document (layouts are self-contained)', () => {
      expect(codes(mutated((l) => (l.schema.properties.buildType = { $ref: 'https://example.org/other.json' })))).toEqual(['/schema schema_invalid']);
    });
    it('reports a pattern that is not a valid regular expression', () => {
      expect(codes(mutated((l) => (l.schema.properties.buildType.pattern = '(')))).toContain('/schema schema_invalid');
    });
    it('accepts "format": in 2020-12 it is an annotation, not asserted', () => {
      expect(codes(mutated((l) => (l.schema.properties.buildType.format = 'uri')))).toEqual([]);
    });
  });

  describe('given role pointers declared in other ways', () => {
    it('follows local $ref and allOf', () => {
      expect(
        codes(
          mutated((l) => {
            l.schema.$defs = { hex: { type: 'string' } };
            l.schema.properties.artifact.properties.sha256 = { $ref: '#/$defs/hex' };
          }),
        ),
      ).toEqual([]);
    });
    it('does not follow anyOf: a member declared only in one branch may be absent', () => {
      expect(
        codes(
          mutated((l) => {
            l.schema.anyOf = [{ properties: { extra: { type: 'string' } } }];
            l.index.extra = '/extra';
          }),
        ),
      ).toEqual(['/index/extra pointer_unresolved']);
    });
    it('reports a role pointer whose member has several types', () => {
      expect(codes(mutated((l) => (l.schema.properties.signature = { type: ['string', 'null'] })))).toEqual(['/roles/signature/pointer pointer_wrong_type']);
    });
  });

  describe('given hostile schema shapes', () => {
    it('resolves pointers through self-references and allOf fan-out in linear time', () => {
      const doc = mutated((l) => {
        l.schema.$defs = { loop: { allOf: Array.from({ length: 40 }, () => ({ $ref: '#/$defs/loop' })).concat([{ $ref: '#' }]) } };
        l.schema.allOf = [{ $ref: '#/$defs/loop' }, { $ref: '#/$defs/loop' }];
      });
      const started = Date.now();
      expect(codes(doc)).toEqual([]);
      expect(Date.now() - started).toBeLessThan(2000);
    });
    it('reports a schema nested 20000 deep as schema_invalid instead of throwing', () => {
      const doc = mutated((l) => {
        let deep: unknown = { type: 'string' };
        for (let i = 0; i < 20000; i++) deep = { items: deep };
        l.schema.properties.buildType = deep;
      });
      expect(codes(doc)).toEqual(['/schema schema_invalid']);
    });
    it('follows a chain of 5000 $refs without overflowing the stack', () => {
      const doc = mutated((l) => {
        const defs: Record<string, unknown> = { d4999: { type: 'string' } };
        for (let i = 0; i < 4999; i++) defs[`d${i}`] = { $ref: `#/$defs/d${i + 1}` };
        l.schema.$defs = defs;
        l.schema.properties.signature = { $ref: '#/$defs/d0' };
      });
      expect(validateLayout(doc).filter((p) => p.pointer.startsWith('/roles'))).toEqual([]);
    });
  });

  describe('given two layouts whose schemas share an $id', () => {
    it('checks each on its own', () => {
      const a = mutated((l) => (l.schema.$id = 'https://example.org/spec.json'));
      const b = mutated((l) => {
        l.schema.$id = 'https://example.org/spec.json';
        l.kind = 'other-kind';
      });
      expect(validateLayout(a)).toEqual([]);
      expect(validateLayout(b)).toEqual([]);
    });
  });
});

describe('assertValidLayout', () => {
  it('returns a valid layout as it is', () => {
    expect(assertValidLayout(base)).toBe(base);
  });
  it('throws one layout_invalid holding every problem and naming the first', () => {
    const doc = mutated((l) => {
      l.kind = 'dsse';
      l.roles.signature.format = 'rsa';
    });
    const error = expectWorkbenchError(() => assertValidLayout(doc), InputError, 'layout_invalid');
    expect(error.details?.['problems']).toEqual(validateLayout(doc));
    expect(error.message).toContain('2 problems');
    expect(error.message).toContain('/kind');
    expect(error.hint).toBeDefined();
  });
});
