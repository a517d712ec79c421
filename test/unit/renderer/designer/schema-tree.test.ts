import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eligibleRoles, flattenSchemaTree } from '../../../../renderer/src/views/designer/schema-tree.js';

const EXAMPLES = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'examples', 'layouts');

describe('flattenSchemaTree', () => {
  it('given the release-record example, lists members depth-first with pointers, types and required-ness', () => {
    const layout = JSON.parse(readFileSync(path.join(EXAMPLES, 'release-record-0.0.1.layout.json'), 'utf8')) as { schema: unknown };
    const nodes = flattenSchemaTree(layout.schema);
    expect(nodes.map((n) => [n.pointer, n.depth, n.type, n.required])).toEqual([
      ['/URL', 0, 'string', true],
      ['/SHA', 0, 'string', true],
      ['/PublicKey', 0, 'string', true],
      ['/Signature', 0, 'string', true],
      ['/ExtraData', 0, 'object', false],
      ['/ExtraData/build-system', 1, 'string', false],
      ['/ExtraData/compiler-version', 1, 'string', false],
    ]);
    expect(nodes[1]).toMatchObject({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the release file, lowercase hex' });
  });

  it('given $ref into $defs and allOf, follows them as shared/layout does; anyOf members are left out', () => {
    const schema = {
      type: 'object',
      required: ['subject'],
      $defs: { subject: { type: 'object', required: ['digest'], properties: { digest: { type: 'string' }, 'a/b': { type: 'integer' } } } },
      allOf: [{ properties: { tags: { type: 'array', items: { type: 'string' } } } }],
      anyOf: [{ properties: { hidden: { type: 'string' } } }],
      properties: { subject: { $ref: '#/$defs/subject' } },
    };
    const nodes = flattenSchemaTree(schema);
    expect(nodes.map((n) => n.pointer)).toEqual(['/subject', '/subject/digest', '/subject/a~1b', '/tags']);
    expect(nodes.find((n) => n.pointer === '/subject/digest')).toMatchObject({ required: true, type: 'string' });
    expect(nodes.find((n) => n.pointer === '/tags')).toMatchObject({ type: 'array', itemType: 'string', required: false });
  });

  it('given a self-referencing schema, stops at the depth limit', () => {
    const nodes = flattenSchemaTree({ type: 'object', properties: { next: { $ref: '#' } } });
    expect(nodes.length).toBe(8);
    expect(nodes.at(-1)!.pointer).toBe('/next'.repeat(8));
  });

  it.each([null, 'x', [], { type: 'object' }])('given %j, returns no members', (schema) => {
    expect(flattenSchemaTree(schema)).toEqual([]);
  });
});

describe('eligibleRoles', () => {
  const node = (over: object) => ({ pointer: '/x', name: 'x', depth: 0, type: 'string' as const, itemType: undefined, required: true, description: undefined, enumValues: undefined, pattern: undefined, maxLength: undefined, ...over });
  it('offers digest, signature and key only for strings required at every level', () => {
    expect(eligibleRoles(node({}))).toEqual({ main: true, index: true });
    expect(eligibleRoles(node({ required: false }))).toEqual({ main: false, index: true });
    expect(eligibleRoles(node({ type: 'object' }))).toEqual({ main: false, index: false });
    expect(eligibleRoles(node({ type: 'array', itemType: 'integer' }))).toEqual({ main: false, index: true });
    expect(eligibleRoles(node({ type: 'array', itemType: 'object' }))).toEqual({ main: false, index: false });
  });
});
