/**
 * What `provwb audit` reports (CLI.md): every problem by entry index, or by tile / checkpoint / table
 * when it is not an entry, as one clear sentence with a snake_case code. DTOs are plain JSON.
 */

import type { AuditNoteDto, AuditProblemDto, AuditReportDto } from '../../../shared/api/index.js';

export type AuditProblemCode =
  | 'database_unreadable'
  | 'database_corrupt'
  | 'schema_altered'
  | 'foreign_key_broken'
  | 'rows_of_missing_log'
  | 'log_row_invalid'
  | 'signer_key_mismatch'
  | 'entry_bundle_missing'
  | 'entry_bundle_malformed'
  | 'entry_bundle_width_wrong'
  | 'entry_bundle_beyond_tree'
  | 'entry_altered'
  | 'leaf_hash_mismatch'
  | 'tile_missing'
  | 'tile_malformed'
  | 'tile_unexpected'
  | 'tile_node_altered'
  | 'tree_head_mismatch'
  | 'checkpoint_invalid'
  | 'checkpoint_row_mismatch'
  | 'checkpoint_root_mismatch'
  | 'checkpoints_disagree'
  | 'checkpoint_beyond_tree'
  | 'checkpoint_missing'
  | 'entry_meta_beyond_tree'
  | 'entry_meta_mismatch'
  | 'integrated_time_implausible'
  | 'entry_timestamp_invalid'
  | 'entry_timestamp_unexpected'
  | 'entry_unverified'
  | 'kind_unknown'
  | 'layouts_unreadable'
  | 'leaf_index_mismatch'
  | 'leaf_index_missing'
  | 'leaf_index_beyond_tree'
  | 'index_key_missing'
  | 'index_key_extra'
  | 'index_key_altered'
  | 'check_failed';

/** Where a problem sits when it is not (only) an entry: the table and the row's key. */
export type AuditPlace = Readonly<{ table: string } & Record<string, string | number>>;

/** A problem as the wire gives it (AuditProblemDto), with its code and place typed. */
export interface AuditProblem extends AuditProblemDto {
  /** The entry index the problem is about, or null (a tile, a checkpoint, a table, the file). */
  readonly index: number | null;
  readonly code: AuditProblemCode;
  /** One sentence naming the place and the values. */
  readonly problem: string;
  readonly where?: AuditPlace;
}

export type AuditNoteCode = 'kind_unknown' | 'checkpoint_beyond_tree' | 'fork_evidence';

/** Something the audit could not check, or evidence kept on purpose: reported, but not a failure. */
export interface AuditNote extends AuditNoteDto {
  readonly code: AuditNoteCode;
}

/**
 * The report as the wire gives it (AuditReportDto: `rootHash` is the recomputed root of the stored
 * entries, as far as they could be read; `problemsOmitted` counts those beyond MAX_REPORTED_PROBLEMS),
 * with problems and notes typed.
 */
export interface AuditReport extends AuditReportDto {
  readonly problems: readonly AuditProblem[];
  readonly notes: readonly AuditNote[];
}

/** Progress of one audit, for a progress line or bar: entries hashed so far. */
export interface AuditProgress {
  readonly log: string;
  readonly done: number;
  readonly total: number;
  /** Entries per second so far, when a clock was given. */
  readonly ratePerSec?: number;
  readonly etaSec?: number;
}

/** A flood of problems (every node above a bad tile) would drown the first, useful ones. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** Collects problems and notes as the checks run. */
export class AuditFindings {
  readonly problems: AuditProblem[] = [];
  readonly notes: AuditNote[] = [];
  omitted = 0;

  problem(code: AuditProblemCode, index: number | null, problem: string, where?: AuditPlace): void {
    if (this.problems.length >= MAX_REPORTED_PROBLEMS) {
      this.omitted++;
      return;
    }
    this.problems.push(where === undefined ? { index, code, problem } : { index, code, problem, where });
  }

  note(code: AuditNoteCode, index: number | null, note: string): void {
    this.notes.push({ index, code, note });
  }

  get count(): number {
    return this.problems.length + this.omitted;
  }

  /**
   * Runs one check; anything it throws (SQLite's "database disk image is malformed", a bug) becomes a
   * check_failed problem, so an audit that could not finish can never read as clean.
   */
  guard<T>(what: string, check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      this.problem('check_failed', null, `${what} could not finish: ${errorText(error)}`, { table: 'sqlite' });
      return undefined;
    }
  }

  async guardAsync<T>(what: string, check: () => Promise<T>): Promise<T | undefined> {
    try {
      return await check();
    } catch (error) {
      this.problem('check_failed', null, `${what} could not finish: ${errorText(error)}`, { table: 'sqlite' });
      return undefined;
    }
  }
}

/** Returns an error's message as one line. */
export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
