import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ROWS, type EntryRowDto } from '../../../shared/api/index.js';
import { EntryPages, PAGE_ROWS, READ_AHEAD_ROWS, rowsToLoad } from '../../../renderer/src/views/explorer/entry-pages.js';

function rows(start: number, count: number): EntryRowDto[] {
  return Array.from({ length: count }, (_, i) => ({ logIndex: start + i, uuid: '', kind: null, apiVersion: null, integratedTime: null, sizeBytes: 1, preview: `entry ${start + i}` }));
}

function settle(): Promise<void> {
  return new Promise((r) => setTimeout(r, 20));
}

describe('EntryPages', () => {
  it('loads only the pages of the latest range asked for, once each, and forgets the least recently used', async () => {
    const loads: number[] = [];
    const pages = new EntryPages(async (start, count) => (loads.push(start), rows(start, count)), { delayMs: 1, maxPages: 2 });
    // A fast scroll asks for many ranges before the loader runs: only the last one loads.
    for (let i = 0; i < 50; i++) pages.ensure(i * 10_000, i * 10_000 + 30);
    await settle();
    expect(loads).toEqual([490_000 - (490_000 % PAGE_ROWS)]);
    expect(pages.row(490_010)?.preview).toBe('entry 490010');
    pages.ensure(0, 250);
    await settle();
    expect(loads).toEqual([490_000, 0]);
    expect(pages.row(490_010)).toBeUndefined();
    pages.ensure(0, 10);
    await settle();
    expect(loads).toHaveLength(2);
  });

  it('loads consecutive missing pages in one request of at most MAX_PAGE_ROWS rows, and splits it into pages', async () => {
    const loads: Array<[number, number]> = [];
    const pages = new EntryPages(async (start, count) => (loads.push([start, count]), rows(start, count)), { delayMs: 1 });
    pages.ensure(PAGE_ROWS, 2 * PAGE_ROWS);
    await settle();
    expect(loads).toEqual([[PAGE_ROWS, 2 * PAGE_ROWS]]);
    // Pages 0 and 3..8 are missing, 1 and 2 are loaded: a request for page 0, one for 3..7 (the cap), one for 8.
    pages.ensure(0, 9 * PAGE_ROWS - 1);
    await settle();
    expect(loads.slice(1)).toEqual([
      [0, PAGE_ROWS],
      [3 * PAGE_ROWS, MAX_PAGE_ROWS],
      [8 * PAGE_ROWS, PAGE_ROWS],
    ]);
    for (const index of [0, PAGE_ROWS - 1, 2 * PAGE_ROWS + 5, 3 * PAGE_ROWS, 7 * PAGE_ROWS + PAGE_ROWS - 1, 8 * PAGE_ROWS + 7]) {
      expect(pages.row(index)?.logIndex).toBe(index);
    }
  });

  it('drops the partial last page when the log grows, and reports load errors', async () => {
    let fail = false;
    const pages = new EntryPages(async (start, count) => {
      if (fail) throw new Error('engine gone');
      return rows(start, Math.min(count, 250 - start));
    }, { delayMs: 1 });
    pages.ensure(200, 260);
    await settle();
    expect(pages.row(249)).toBeDefined();
    pages.invalidateFrom(200);
    expect(pages.row(249)).toBeUndefined();
    fail = true;
    pages.ensure(200, 260);
    await settle();
    expect(pages.error()).toBeInstanceOf(Error);
  });

  it('loads nothing for a range withdrawn before its loads start (the list skimmed past it), and the next range asked for as usual', async () => {
    const loads: number[] = [];
    const pages = new EntryPages(async (start, count) => (loads.push(start), rows(start, count)), { delayMs: 1 });
    pages.ensure(40 * PAGE_ROWS, 40 * PAGE_ROWS + 30);
    pages.withdraw();
    await settle();
    expect(loads).toEqual([]);
    pages.ensure(90 * PAGE_ROWS, 90 * PAGE_ROWS + 30);
    await settle();
    expect(loads).toEqual([90 * PAGE_ROWS]);
  });

  it('counts each change of the loaded rows, so a list re-renders once per answer', async () => {
    const pages = new EntryPages(async (start, count) => rows(start, count), { delayMs: 1 });
    let heard = 0;
    pages.subscribe(() => heard++);
    expect(pages.version()).toBe(0);
    pages.ensure(0, PAGE_ROWS + 10);
    await settle();
    pages.ensure(10 * PAGE_ROWS, 10 * PAGE_ROWS);
    await settle();
    expect(heard).toBe(2);
    expect(pages.version()).toBe(2);
    pages.invalidateFrom(PAGE_ROWS);
    expect(pages.version()).toBe(3);
  });
});

describe('rowsToLoad', () => {
  it('given a visible range mid-log, adds the read-ahead on both sides', () => {
    expect(rowsToLoad(5_000, 5_030, 1_000_000)).toEqual({ first: 5_000 - READ_AHEAD_ROWS, last: 5_030 + READ_AHEAD_ROWS });
  });

  it('given a range at either end, stays within the list', () => {
    expect(rowsToLoad(0, 30, 1_000_000)).toEqual({ first: 0, last: 30 + READ_AHEAD_ROWS });
    expect(rowsToLoad(999_970, 999_999, 1_000_000)).toEqual({ first: 999_970 - READ_AHEAD_ROWS, last: 999_999 });
    expect(rowsToLoad(0, 2, 3)).toEqual({ first: 0, last: 2 });
  });
});
