import { describe, expect, it } from 'vitest';
import { fieldText, fieldValue, formFields, setField } from '../../../../renderer/src/views/designer/spec-form.js';
import { flattenSchemaTree } from '../../../../renderer/src/views/designer/schema-tree.js';

const schema = {
  type: 'object',
  required: ['name', 'size', 'sig'],
  properties: {
    name: { type: 'string', maxLength: 40, description: 'artefact name' },
    notes: { type: 'string', maxLength: 2000 },
    size: { type: 'integer' },
    final: { type: 'boolean' },
    channel: { enum: ['stable', 'beta'] },
    sig: { type: 'string' },
    meta: { type: 'object', properties: { builder: { type: 'string' } } },
  },
};

describe('formFields', () => {
  const fields = formFields(flattenSchemaTree(schema), ['/sig']);

  it('makes one field per scalar member at any depth, typed by the schema', () => {
    expect(fields.map((f) => [f.pointer, f.input, f.required, f.filledBySigning])).toEqual([
      ['/name', 'text', true, false],
      ['/notes', 'textarea', false, false],
      ['/size', 'number', true, false],
      ['/final', 'checkbox', false, false],
      ['/channel', 'select', false, false],
      ['/sig', 'text', true, true],
      ['/meta/builder', 'text', false, false],
    ]);
    expect(fields.find((f) => f.pointer === '/channel')!.options).toEqual(['stable', 'beta']);
    expect(fields[0]!.hint).toBe('artefact name');
  });

  it('reads and writes the sample entry under /spec, typed, and removes emptied optional members', () => {
    const size = fields.find((f) => f.pointer === '/size')!;
    const builder = fields.find((f) => f.pointer === '/meta/builder')!;
    const notes = fields.find((f) => f.pointer === '/notes')!;
    let entry: unknown = { apiVersion: '0.0.1', kind: 'k', spec: { notes: 'n' } };
    entry = setField(entry, size, '42');
    entry = setField(entry, builder, 'ci');
    entry = setField(entry, notes, '');
    expect(entry).toEqual({ apiVersion: '0.0.1', kind: 'k', spec: { size: 42, meta: { builder: 'ci' } } });
    expect(fieldText(entry, size)).toBe('42');
    expect(fieldText(entry, notes)).toBe('');
    // Text that is no number stays text, so the log's validation names the rule it breaks.
    expect(fieldValue(size, '4x')).toBe('4x');
    expect(fieldValue(fields.find((f) => f.pointer === '/final')!, 'true')).toBe(true);
  });
});
