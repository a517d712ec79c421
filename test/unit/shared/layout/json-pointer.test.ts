import { describe, expect, it } from 'vitest';
import { formatPointer, parsePointer, valueAtPointer } from '../../../../shared/layout/index.js';

// RFC 6901 §5's example document and pointers.
const RFC_DOC = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };
const RFC_CASES: ReadonlyArray<readonly [string, unknown]> = [
  ['', RFC_DOC],
  ['/foo', ['bar', 'baz']],
  ['/foo/0', 'bar'],
  ['/', 0],
  ['/a~1b', 1],
  ['/c%d', 2],
  ['/e^f', 3],
  ['/g|h', 4],
  ['/i\\j', 5],
  ['/k"l', 6],
  ['/ ', 7],
  ['/m~0n', 8],
];

describe('valueAtPointer', () => {
  describe('given the RFC 6901 §5 examples', () => {
    it.each(RFC_CASES.map(([p, v]) => [p, v] as const))('%j finds its value', (pointer, value) => {
      expect(valueAtPointer(RFC_DOC, pointer)).toEqual(value);
    });
  });
  describe('given pointers to nothing', () => {
    it.each(['/nope', '/foo/2', '/foo/01', '/foo/-', '/foo/0/x', '/__proto__', '/constructor', '/toString'])('%j gives undefined', (pointer) => {
      expect(valueAtPointer(RFC_DOC, pointer)).toBeUndefined();
    });
  });
});

describe('parsePointer', () => {
  it.each(['a', 'a/b', '/~2', '/a~', '/~a'])('rejects %j', (pointer) => {
    expect(parsePointer(pointer)).toBeUndefined();
  });
  it('decodes ~01 as "~1", not "/" (RFC 6901 §4 order)', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
  });
  it.each(RFC_CASES.map(([p]) => [p] as const))('round-trips %j through formatPointer', (pointer) => {
    expect(formatPointer(parsePointer(pointer)!)).toBe(pointer);
  });
});
