import { describe, expect, it } from 'vitest';
import { withValueAtPointer } from '../../../../shared/layout/index.js';

describe('withValueAtPointer', () => {
  it('given a nested pointer, returns a copy with the value and the objects on the way', () => {
    const doc = { spec: { a: 1 } };
    expect(withValueAtPointer(doc, '/spec/b~1c/d', 'x')).toEqual({ spec: { a: 1, 'b/c': { d: 'x' } } });
    expect(doc).toEqual({ spec: { a: 1 } });
  });

  it('given undefined, removes the member or array element', () => {
    expect(withValueAtPointer({ a: 1, b: 2 }, '/a', undefined)).toEqual({ b: 2 });
    expect(withValueAtPointer({ a: [1, 2, 3] }, '/a/1', undefined)).toEqual({ a: [1, 3] });
  });

  it('given "__proto__", writes an own member and never the prototype', () => {
    const out = withValueAtPointer({}, '/__proto__/polluted', true) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['', 'the whole document'],
    ['a', 'not a pointer'],
    ['/s/x', 'through a string'],
    ['/list/x', 'a non-index into an array'],
  ])('given %j (%s), returns undefined', (pointer) => {
    expect(withValueAtPointer({ s: 'text', list: [] }, pointer, 1)).toBeUndefined();
  });
});
