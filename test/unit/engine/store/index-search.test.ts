import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexSearch, globOf, type IndexKeyFilter, type IndexMatch } from '../../../../electron/engine/store/index-search.js';
import { Store, openDatabase, type Db } from '../../../../electron/engine/store/index.js';
import { tempDir } from '../../../helpers/temp-dir.js';

type Keys = ReadonlyArray<{ type: string; value: string }>;

/** Entries are integrated at this time plus their index. */
const BASE_TIME_SEC = 1_700_000_000;

/** The answer by brute force: every entry whose keys satisfy all filters, in (log, index) order. */
function reference(entries: ReadonlyArray<{ logId: number; index: number; keys: Keys }>, filters: readonly IndexKeyFilter[], limit: number, logId?: number, window?: { sinceSec: number; untilSec: number }): IndexMatch[] {
  const matches = (f: IndexKeyFilter, k: { type: string; value: string }) =>
    k.type === f.type && (f.wildcard ? new RegExp(`^${f.value.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's').test(k.value) : k.value === f.value);
  return entries
    .filter((e) => (logId === undefined || e.logId === logId) && filters.every((f) => e.keys.some((k) => matches(f, k))))
    .filter((e) => window === undefined || (BASE_TIME_SEC + e.index >= window.sinceSec && BASE_TIME_SEC + e.index <= window.untilSec))
    .sort((a, b) => a.logId - b.logId || a.index - b.index)
    .slice(0, limit)
    .map((e) => ({ logId: e.logId, index: e.index }));
}

describe('IndexSearch', () => {
  let db: Db;
  let store: Store;
  let search: IndexSearch;
  let cleanup: () => void;
  const stored: Array<{ logId: number; index: number; keys: Keys }> = [];

  /** Appends typed entries with these keys to a log (bundles, metadata and index keys, as an append writes them). */
  function append(logId: number, keysOfEach: readonly Keys[]): void {
    const first = store.logById(logId)!.treeSize;
    store.transaction(() => {
      store.insertEntries(
        logId,
        first,
        keysOfEach.map((indexKeys, i) => ({ body: new TextEncoder().encode(`entry ${logId}/${first + i}`), kind: 'test', apiVersion: '0.0.1', integratedTime: BASE_TIME_SEC + first + i, indexKeys })),
        new Uint8Array(32 * keysOfEach.length).map((_, i) => (i * 7 + first) & 255),
      );
      store.setTreeHead(logId, first + keysOfEach.length, new Uint8Array(32));
    });
    keysOfEach.forEach((keys, i) => stored.push({ logId, index: first + i, keys }));
  }

  function newLog(name: string): number {
    return store.createLog({ name, role: 'local', origin: `test/${name}`, verifierKeys: [], emptyRoot: new Uint8Array(32), createdAt: 0 }).id;
  }

  let a: number;
  let b: number;
  beforeEach(() => {
    ({ cleanup } = (() => {
      const t = tempDir();
      db = openDatabase(t.dir);
      return { cleanup: () => (db.close(), t.cleanup()) };
    })());
    store = new Store(db);
    search = new IndexSearch(db);
    stored.length = 0;
    a = newLog('a');
    b = newLog('b');
    // 2 000 entries in log a: the email of entry i is user<i mod 500>@d<i mod 7>.test, so `user1*`
    // matches 444 of them (dense) and `user49*` 44 (sparse); every 10th entry has a second email
    // that `user1*` also matches, and every entry has a fingerprint of 1 in 3.
    append(
      a,
      Array.from({ length: 2000 }, (_, i) => [
        { type: 'email', value: `user${i % 500}@d${i % 7}.test` },
        ...(i % 10 === 0 ? [{ type: 'email', value: `user1-alias${i}@d.test` }] : []),
        { type: 'key_fingerprint', value: `fp${i % 3}` },
      ]),
    );
    // Log b: the same shapes, so per-log filters and (log, index) order across logs show.
    append(b, Array.from({ length: 300 }, (_, i) => [{ type: 'email', value: `user${i % 500}@d${i % 7}.test` }, { type: 'key_fingerprint', value: `fp${i % 3}` }]));
  });
  afterEach(() => cleanup());

  describe('given one wildcard whose matches are dense', () => {
    const filters = [{ type: 'email', value: 'user1*', wildcard: true }];
    it('reads it in log order', () => {
      expect(search.seedPlan(filters[0]!, [], { limit: 10 })).toBe('in-log-order');
    });
    it('returns the first matches in (log, index) order, each entry once, up to the limit', () => {
      for (const limit of [1, 10, 101, 5000]) expect(search.search(filters, { limit })).toEqual(reference(stored, filters, limit));
      expect(search.search(filters, { limit: 50, logId: b })).toEqual(reference(stored, filters, 50, b));
    });
  });

  describe('given one wildcard whose matches are sparse', () => {
    const filters = [{ type: 'email', value: 'user49*', wildcard: true }];
    it('reads it by key', () => {
      expect(search.seedPlan(filters[0]!, [], { limit: 10 })).toBe('by-key');
    });
    it('returns the first matches in (log, index) order, up to the limit', () => {
      for (const limit of [1, 10, 1000]) expect(search.search(filters, { limit })).toEqual(reference(stored, filters, limit));
      expect(search.search(filters, { limit: 1000, logId: a })).toEqual(reference(stored, filters, 1000, a));
    });
  });

  describe('given a wildcard by key that two keys of one entry match', () => {
    it('returns each entry once and still fills the limit', () => {
      const filters = [{ type: 'email', value: 'user1*', wildcard: true }];
      // A limit of 2 000 makes the dense threshold (√(limit·T/4) = 1 072 rows) exceed the 755 matching rows.
      expect(search.seedPlan(filters[0]!, [], { limit: 2000 })).toBe('by-key');
      const found = search.search(filters, { limit: 2000 });
      expect(found).toEqual(reference(stored, filters, 2000));
      const paged = search.search(filters, { limit: 20, logId: a });
      expect(paged).toHaveLength(20);
      expect(paged).toEqual(reference(stored, filters, 20, a));
    });
  });

  describe('given a wildcard with no literal prefix', () => {
    it('reads it in log order and returns what a full match returns', () => {
      const filters = [{ type: 'email', value: '*@d3.test', wildcard: true }];
      expect(search.seedPlan(filters[0]!, [], { limit: 1000 })).toBe('in-log-order');
      expect(search.search(filters, { limit: 1000 })).toEqual(reference(stored, filters, 1000));
    });
  });

  describe('given several filters', () => {
    it('returns the entries matching all of them (AND) in (log, index) order, up to the limit', () => {
      const cases: IndexKeyFilter[][] = [
        [{ type: 'key_fingerprint', value: 'fp1' }, { type: 'email', value: 'user1*', wildcard: true }],
        [{ type: 'email', value: 'user12@d5.test' }, { type: 'key_fingerprint', value: 'fp0' }],
        [{ type: 'email', value: 'user4*', wildcard: true }, { type: 'email', value: '*@d2.test', wildcard: true }, { type: 'key_fingerprint', value: 'fp2' }],
        [{ type: 'key_fingerprint', value: 'fp1' }, { type: 'key_fingerprint', value: 'fp2' }],
      ];
      for (const filters of cases) {
        expect(search.search(filters, { limit: 1000 })).toEqual(reference(stored, filters, 1000));
        expect(search.search(filters, { limit: 7, logId: b })).toEqual(reference(stored, filters, 7, b));
      }
    });
  });

  describe('given an integrated-time window', () => {
    it('applies it before the limit, with every plan', () => {
      const window = { sinceSec: BASE_TIME_SEC + 1500, untilSec: BASE_TIME_SEC + 1899 };
      const cases: IndexKeyFilter[][] = [
        [{ type: 'email', value: 'user1*', wildcard: true }],
        [{ type: 'email', value: 'user49*', wildcard: true }],
        [{ type: 'key_fingerprint', value: 'fp1' }],
        [{ type: 'key_fingerprint', value: 'fp1' }, { type: 'email', value: 'user1*', wildcard: true }],
      ];
      for (const filters of cases) {
        const found = search.search(filters, { limit: 10, ...window });
        expect(found.length).toBeGreaterThan(0);
        expect(found).toEqual(reference(stored, filters, 10, undefined, window));
      }
      expect(search.search([{ type: 'key_fingerprint', value: 'fp1' }], { limit: 10, sinceSec: BASE_TIME_SEC + 5000 })).toEqual([]);
    });
  });

  describe('given keys holding [, ] and ?', () => {
    beforeEach(() => append(a, [[{ type: 'field', value: 'a?b' }], [{ type: 'field', value: 'axb' }], [{ type: 'field', value: 'a[x]b' }], [{ type: 'field', value: 'a[x]bc' }]]));
    it('matches them literally, with * the only wildcard', () => {
      const indexesOf = (value: string) => search.search([{ type: 'field', value, wildcard: true }], { limit: 10 }).map((m) => m.index);
      expect(indexesOf('a?b')).toEqual([2000]);
      expect(indexesOf('a[x]*')).toEqual([2002, 2003]);
      expect(indexesOf('*]b')).toEqual([2002]);
      expect(indexesOf('a*b')).toEqual([2000, 2001, 2002]);
      expect(globOf('a[?]*')).toBe('a[[][?][]]*');
    });
  });

  describe('given no filter or a limit of 0', () => {
    it('returns nothing', () => {
      expect(search.search([], { limit: 10 })).toEqual([]);
      expect(search.search([{ type: 'email', value: 'user1*', wildcard: true }], { limit: 0 })).toEqual([]);
    });
  });
});

describe('Store.indexKeysOfLog', () => {
  it('returns every key of that log only, by key type then entry', () => {
    const t = tempDir();
    const db = openDatabase(t.dir);
    try {
      const store = new Store(db);
      const ids = ['x', 'y'].map((name) => store.createLog({ name, role: 'local', origin: `test/${name}`, verifierKeys: [], emptyRoot: new Uint8Array(32), createdAt: 0 }).id);
      store.transaction(() => {
        for (const id of ids) {
          store.insertEntries(id, 0, [0, 1].map((i) => ({ body: new Uint8Array([id, i]), kind: 'test', indexKeys: [{ type: 'sha256', value: `s${id}${i}` }, { type: 'email', value: `e${id}${i}` }] })), new Uint8Array(64).fill(id));
        }
      });
      expect(store.indexKeysOfLog(ids[1]!)).toEqual([
        { type: 'email', value: `e${ids[1]}0`, index: 0 },
        { type: 'email', value: `e${ids[1]}1`, index: 1 },
        { type: 'sha256', value: `s${ids[1]}0`, index: 0 },
        { type: 'sha256', value: `s${ids[1]}1`, index: 1 },
      ]);
    } finally {
      db.close();
      t.cleanup();
    }
  });
});
