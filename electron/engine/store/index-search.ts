import type Database from 'better-sqlite3';
import type { Db } from './database.js';

/** One search filter: entries having this index key. */
export interface IndexKeyFilter {
  readonly type: string;
  /** Exact value, or a pattern with `*` wildcards when `wildcard` is set (`?`, `[` and `]` are literal). */
  readonly value: string;
  readonly wildcard?: boolean;
}

export interface IndexMatch {
  readonly logId: number;
  readonly index: number;
}

export interface IndexSearchOptions {
  /** Only this log, or every log when undefined. */
  readonly logId?: number | undefined;
  /** Only entries integrated at or after / at or before these times (Unix seconds). */
  readonly sinceSec?: number | undefined;
  readonly untilSec?: number | undefined;
  readonly limit: number;
}

/**
 * How the first filter's rows are read:
 * - `by-key`: the primary key (key_type, key, log, index). An exact key's rows come in (log, index)
 *   order; a wildcard's matching keys are read whole and their rows sorted (~0.2 µs a row).
 * - `in-log-order`: index_keys_by_type (key_type, log, index, key), each row's key tested against the
 *   pattern until `limit` match (~0.05 µs a row): no sort, cheap when matches are dense. Matches
 *   that cluster late in the log make it read further than the spread that chose it.
 */
export type SeedPlan = 'by-key' | 'in-log-order';

const PRIMARY_KEY = 'sqlite_autoindex_index_keys_1';
const BY_TYPE = 'index_keys_by_type';
/** Filters are counted up to this many rows to pick the most selective as the seed. */
const SELECTIVITY_COUNT_CAP = 10_000;
/** A row sorted by key costs about this many rows read in log order (measured at 1 M entries). */
const SORT_COST_IN_ROWS = 4;

type Row = [logId: number, index: number];
type Statement = Database.Statement<unknown[], Row>;

/** Returns a `*` pattern as a GLOB pattern that matches its other characters literally. */
export function globOf(pattern: string): string {
  return pattern.replace(/[[\]?]/g, (c) => `[${c}]`);
}

function condition(f: IndexKeyFilter, alias: string): string {
  return `${alias}.key_type = ? AND ${alias}.key ${f.wildcard ? 'GLOB' : '='} ?`;
}

function params(f: IndexKeyFilter): string[] {
  return [f.type, f.wildcard ? globOf(f.value) : f.value];
}

/**
 * All SQL of index searches (AND of index keys, in (log, index) order). Statements are prepared
 * once per query shape: a search's shape is its filters' kinds (exact or wildcard), the log clause
 * and the plan, so a handful exist.
 */
export class IndexSearch {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  /**
   * Returns the entries matching every filter (AND), optionally only in one log and integrated in
   * a time window (applied before the limit), in (log, index) order, at most `limit`, each once.
   * The most selective filter (counted through the primary key, up to 10 000 rows) is read first
   * and the others are checked per row. Cost for one wildcard filter with M matching rows among T
   * entries: min(~4·M, ~limit·T/M) rows read, see `seedPlan`.
   */
  search(filters: readonly IndexKeyFilter[], options: IndexSearchOptions): IndexMatch[] {
    if (filters.length === 0 || options.limit <= 0) return [];
    const [seed, ...rest] = filters.length === 1 ? filters : this.bySelectivity(filters, options.logId);
    const plan = this.seedPlan(seed!, rest, options);
    const matches: IndexMatch[] = [];
    let after: Row | undefined;
    // Two wildcard keys of one entry both match: its rows are adjacent in (log, index) order, so it
    // is dropped here and the next page starts after the last row read.
    for (;;) {
      const want = options.limit - matches.length;
      const rows = this.page(plan, seed!, rest, options, after, want);
      for (const [logId, index] of rows) {
        const last = matches[matches.length - 1];
        if (last?.logId !== logId || last.index !== index) matches.push({ logId, index });
      }
      if (rows.length < want || matches.length >= options.limit) return matches;
      after = rows[rows.length - 1];
    }
  }

  /**
   * Returns the plan for the first filter. An exact key, or a filter with others to check, is read
   * by key. A lone wildcard is read in log order when it has no literal prefix (by key, every row of
   * its type would be read and sorted), or when its matching rows are at least √(limit·T/4) — T the
   * entries of the logs searched — since reading ~limit·T/M rows in order then costs less than
   * sorting M; the count stops there, so it reads at most that many rows.
   */
  seedPlan(seed: IndexKeyFilter, rest: readonly IndexKeyFilter[], options: IndexSearchOptions): SeedPlan {
    if (!seed.wildcard || rest.length > 0) return 'by-key';
    if (seed.value.startsWith('*')) return 'in-log-order';
    const denseFrom = Math.max(1, Math.ceil(Math.sqrt((options.limit * this.entryCount(options.logId)) / SORT_COST_IN_ROWS)));
    return this.count(seed, options.logId, denseFrom) >= denseFrom ? 'in-log-order' : 'by-key';
  }

  /** Returns the filters, fewest rows first. Exact keys are counted first, each count capped at the fewest so far. */
  private bySelectivity(filters: readonly IndexKeyFilter[], logId: number | undefined): IndexKeyFilter[] {
    let fewest = SELECTIVITY_COUNT_CAP;
    return [...filters]
      .sort((a, b) => Number(a.wildcard ?? false) - Number(b.wildcard ?? false))
      .map((f) => {
        const n = this.count(f, logId, fewest);
        fewest = Math.min(fewest, n);
        return { f, n };
      })
      .sort((a, b) => a.n - b.n)
      .map((c) => c.f);
  }

  /** Returns the rows of one filter, counted through the primary key up to `cap`. */
  private count(f: IndexKeyFilter, logId: number | undefined, cap: number): number {
    const sql = `SELECT count(*) FROM (SELECT 1 FROM index_keys AS m INDEXED BY ${PRIMARY_KEY} WHERE ${condition(f, 'm')}${logId === undefined ? '' : ' AND m.log_id = ?'} LIMIT ?)`;
    return this.statement(sql, (s) => s.pluck()).get(...params(f), ...(logId === undefined ? [] : [logId]), cap) as number;
  }

  private entryCount(logId: number | undefined): number {
    const sql = `SELECT coalesce(sum(tree_size), 0) FROM logs${logId === undefined ? '' : ' WHERE id = ?'}`;
    return this.statement(sql, (s) => s.pluck()).get(...(logId === undefined ? [] : [logId])) as number;
  }

  /** Returns up to `want` rows (duplicates included) after `after`, in (log, index) order. */
  private page(plan: SeedPlan, seed: IndexKeyFilter, rest: readonly IndexKeyFilter[], options: IndexSearchOptions, after: Row | undefined, want: number): Row[] {
    const { logId, sinceSec, untilSec } = options;
    const timed = sinceSec !== undefined || untilSec !== undefined;
    const where = [
      logId === undefined ? '' : ' AND m.log_id = ?',
      after === undefined ? '' : ' AND (m.log_id, m.idx) > (?, ?)',
      // One entry_meta lookup per candidate (raw entries have no time, so never match a window).
      timed ? ' AND (SELECT e.integrated_time FROM entry_meta AS e WHERE e.log_id = m.log_id AND e.idx = m.idx) BETWEEN ? AND ?' : '',
    ].join('');
    const whereParams = [...(logId === undefined ? [] : [logId]), ...(after ?? []), ...(timed ? [sinceSec ?? Number.MIN_SAFE_INTEGER, untilSec ?? Number.MAX_SAFE_INTEGER] : [])];
    if (plan === 'in-log-order') {
      const sql = `SELECT m.log_id, m.idx FROM index_keys AS m INDEXED BY ${BY_TYPE} WHERE m.key_type = ?${where} AND m.key GLOB ? ORDER BY m.log_id, m.idx LIMIT ?`;
      return this.rows(sql).all(seed.type, ...whereParams, globOf(seed.value), want);
    }
    // Built from a fixed shape: one EXISTS per further filter, every value bound as a parameter.
    const exists = rest.map((f) => ` AND EXISTS (SELECT 1 FROM index_keys AS k WHERE k.log_id = m.log_id AND k.idx = m.idx AND ${condition(f, 'k')})`).join('');
    const sql = `SELECT m.log_id, m.idx FROM index_keys AS m INDEXED BY ${PRIMARY_KEY} WHERE ${condition(seed, 'm')}${where}${exists} ORDER BY m.log_id, m.idx LIMIT ?`;
    return this.rows(sql).all(...params(seed), ...whereParams, ...rest.flatMap(params), want);
  }

  private rows(sql: string): Statement {
    return this.statement(sql, (s) => s.raw()) as Statement;
  }

  private statement(sql: string, mode: (s: Database.Statement) => Database.Statement): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = mode(this.db.prepare(sql));
      this.statements.set(sql, s);
    }
    return s;
  }
}
