import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../../electron/engine/store/lru-map.js';

describe('LruMap', () => {
  it('drops the least recently used first when the cost bound is passed', () => {
    const map = new LruMap<number, string>(3);
    map.set(1, 'a');
    map.set(2, 'b');
    map.set(3, 'c');
    expect(map.get(1)).toBe('a'); // 2 is now the oldest
    map.set(4, 'd');
    expect([1, 2, 3, 4].map((k) => map.get(k))).toEqual(['a', undefined, 'c', 'd']);
    expect(map.size).toBe(3);
  });

  it('counts costs, replaces a key in place, and keeps nothing that alone is over the bound', () => {
    const map = new LruMap<string, string>(10);
    map.set('x', 'x', 6);
    map.set('y', 'y', 4);
    map.set('x', 'x2', 5); // replaces x: 5 + 4 fit
    expect([map.get('x'), map.get('y')]).toEqual(['x2', 'y']);
    map.set('z', 'z', 3); // 5 + 4 + 3 > 10: x (oldest now) goes
    expect([map.get('x'), map.get('y'), map.get('z')]).toEqual([undefined, 'y', 'z']);
    map.set('huge', 'h', 11);
    expect(map.get('huge')).toBeUndefined();
    expect(new LruMap<number, number>(0).size).toBe(0);
  });
});
