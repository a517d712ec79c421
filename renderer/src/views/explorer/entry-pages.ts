import { MAX_PAGE_ROWS, type EntryRowDto } from '../../../../shared/api/index.js';

/** Rows per request: a screenful or two, cheap for the engine (one or two entry bundles). */
export const PAGE_ROWS = 200;

/** Pages one request may carry (the engine answers at most MAX_PAGE_ROWS rows per call). */
const MAX_PAGES_PER_LOAD = Math.floor(MAX_PAGE_ROWS / PAGE_ROWS);

/** Rows asked for beyond each end of the visible range, so a steady scroll finds its next page loaded. */
export const READ_AHEAD_ROWS = PAGE_ROWS / 2;

/**
 * Returns the rows to load for a visible range [first, last] of a list of `count` rows: the range
 * and `READ_AHEAD_ROWS` either side, within the list. Rows that arrive while on screen render twice
 * (placeholder, then data); read ahead, a scroll's next rows are there before they show.
 */
export function rowsToLoad(first: number, last: number, count: number): { first: number; last: number } {
  return { first: Math.max(0, first - READ_AHEAD_ROWS), last: Math.max(0, Math.min(count - 1, last + READ_AHEAD_ROWS)) };
}

/**
 * The explorer's rows, fetched by page as the list scrolls (consecutive missing pages in one
 * request): only pages near the visible range are requested (the latest range wins while scrolling fast), at most `maxPages` are kept
 * (least recently used go first). Entries never change once logged, so only the last, partial
 * page is dropped when the log grows.
 */
export class EntryPages {
  private readonly pages = new Map<number, readonly EntryRowDto[]>();
  private readonly inflight = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private wanted: { first: number; last: number } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: unknown;
  private changes = 0;

  constructor(
    private readonly load: (start: number, count: number) => Promise<readonly EntryRowDto[]>,
    private readonly options: { maxPages?: number; delayMs?: number } = {},
  ) {}

  /** Returns the row at `index` when its page is loaded. */
  row(index: number): EntryRowDto | undefined {
    const page = this.pages.get(Math.floor(index / PAGE_ROWS));
    return page?.[index - Math.floor(index / PAGE_ROWS) * PAGE_ROWS];
  }

  /** Returns a number that grows whenever loaded rows change (a snapshot for useSyncExternalStore). */
  version(): number {
    return this.changes;
  }

  /** The last load error, until a later load succeeds. */
  error(): unknown {
    return this.failure;
  }

  /** Asks for rows [first, last] (inclusive); loads start after a short delay, for the latest range asked. */
  ensure(first: number, last: number): void {
    this.wanted = { first, last };
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), this.options.delayMs ?? 30);
  }

  /** Drops the range asked for if its loads have not started: the list skimmed past it. */
  withdraw(): void {
    this.wanted = undefined;
  }

  /** Forgets the page holding `index` and all after it (the log grew past a partial page). */
  invalidateFrom(index: number): void {
    const firstPage = Math.floor(index / PAGE_ROWS);
    for (const key of [...this.pages.keys()]) if (key >= firstPage) this.pages.delete(key);
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private emit(): void {
    this.changes++;
    for (const l of this.listeners) l();
  }

  private flush(): void {
    this.timer = undefined;
    const wanted = this.wanted;
    if (!wanted) return;
    let run: number[] = [];
    const loadRun = () => {
      if (run.length > 0) this.loadPages(run);
      run = [];
    };
    for (let page = Math.floor(wanted.first / PAGE_ROWS); page <= Math.floor(wanted.last / PAGE_ROWS); page++) {
      const cached = this.pages.get(page);
      if (cached) {
        // Touch: Map order is the LRU order.
        this.pages.delete(page);
        this.pages.set(page, cached);
        loadRun();
        continue;
      }
      if (this.inflight.has(page)) {
        loadRun();
        continue;
      }
      run.push(page);
      if (run.length === MAX_PAGES_PER_LOAD) loadRun();
    }
    loadRun();
  }

  /** Loads consecutive pages with one request: one round trip, and one re-render when they arrive. */
  private loadPages(pages: readonly number[]): void {
    for (const page of pages) this.inflight.add(page);
    const first = pages[0]!;
    this.load(first * PAGE_ROWS, pages.length * PAGE_ROWS).then(
      (rows) => {
        this.failure = undefined;
        for (const page of pages) {
          this.inflight.delete(page);
          this.pages.set(page, rows.slice((page - first) * PAGE_ROWS, (page - first + 1) * PAGE_ROWS));
        }
        const max = this.options.maxPages ?? 300;
        while (this.pages.size > max) this.pages.delete(this.pages.keys().next().value!);
        this.emit();
      },
      (error: unknown) => {
        for (const page of pages) this.inflight.delete(page);
        this.failure = error;
        this.emit();
      },
    );
  }
}
