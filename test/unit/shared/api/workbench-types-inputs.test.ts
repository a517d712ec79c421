import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_JSON_CHARS, MAX_LAYOUT_JSON_CHARS, parseApiInput, validateApiInput } from '../../../../shared/api/index.js';

describe('types.* and entries.add input schemas', () => {
  describe('given valid inputs', () => {
    it('passes them through unchanged', () => {
      expect(parseApiInput('types.list', {})).toEqual({});
      expect(parseApiInput('types.validateLayout', { layoutJson: '{' })).toEqual({ layoutJson: '{' });
      expect(parseApiInput('types.validateEntry', { layoutJson: '{}', entryJson: '[]' })).toEqual({ layoutJson: '{}', entryJson: '[]' });
      expect(parseApiInput('types.signEntry', { layoutJson: '{}', entryJson: '{}', keyName: 'release', passphrase: 'p' })).toMatchObject({ keyName: 'release' });
      expect(parseApiInput('types.publish', { layoutJson: 'x'.repeat(MAX_LAYOUT_JSON_CHARS) }).layoutJson).toHaveLength(MAX_LAYOUT_JSON_CHARS);
      expect(parseApiInput('entries.add', { entryJson: '{}' })).toEqual({ entryJson: '{}' });
    });
  });

  describe('given bad inputs', () => {
    it('reports every problem with its pointer', () => {
      // Documents travel as JSON text: an object where text is expected is refused, not re-serialised.
      expect(validateApiInput('types.validateLayout', { layoutJson: { kind: 'x' } }).map((p) => p.pointer)).toEqual(['/layoutJson']);
      expect(validateApiInput('types.validateLayout', { layoutJson: '' }).map((p) => p.pointer)).toEqual(['/layoutJson']);
      expect(validateApiInput('types.publish', { layoutJson: 'x'.repeat(MAX_LAYOUT_JSON_CHARS + 1) }).map((p) => p.pointer)).toEqual(['/layoutJson']);
      expect(validateApiInput('entries.add', { entryJson: 'x'.repeat(MAX_ENTRY_JSON_CHARS + 1) }).map((p) => p.pointer)).toEqual(['/entryJson']);
      expect(validateApiInput('types.validateEntry', { layoutJson: '{}' }).map((p) => p.pointer)).toEqual(['/entryJson']);
      expect(validateApiInput('types.signEntry', { layoutJson: '{}', entryJson: '{}', keyName: '../k', passphrase: '', extra: 1 }).map((p) => p.pointer).sort()).toEqual(['/extra', '/keyName', '/passphrase']);
      expect(() => parseApiInput('entries.add', {})).toThrow(expect.objectContaining({ code: 'input_invalid' }));
    });
  });
});
