/**
 * The plain-JSON shapes of the Remotes, Fork evidence and Audit views' operations (WorkbenchApi
 * `remotes.*`, `forks.*`, `audit.*`, `tasks.*`). Long work (sync, audit) runs as a task: starting it
 * answers at once with the task, progress arrives as `task-progress` events, the end as
 * `task-finished`, and `tasks.get` answers the result or the error.
 */

import type { WorkbenchErrorData } from './errors.js';
import type { CheckpointDto, CheckpointListDto } from './workbench-dto.js';
import type { MonitorTaskDto } from './workbench-monitor-dto.js';

/** The kinds of remote logs the workbench mirrors (the engine's REMOTE_TYPES). */
export const REMOTE_TYPE_NAMES = ['sumdb', 'tiles', 'rekor-v2', 'rekor'] as const;
export type RemoteTypeDto = (typeof REMOTE_TYPE_NAMES)[number];

/** One mirrored remote, as the Remotes view lists it. */
export interface RemoteDto {
  readonly name: string;
  readonly type: RemoteTypeDto;
  readonly url: string;
  /** Empty until the first checkpoint pins it (Rekor v1 with a PEM key). */
  readonly origin: string;
  readonly verifierKeys: readonly string[];
  /** Entries mirrored and verified so far. */
  readonly treeSize: number;
  readonly rootHash: string;
  /** The newest checkpoint the remote showed and the mirror verified (not evidence, not cosigned copies). */
  readonly latestCheckpoint: CheckpointDto | null;
  readonly latestCheckpointAgeSec: number | null;
  /** Ids of stored fork evidence for this remote (`forks.get`). */
  readonly forkIds: readonly number[];
  /** The id of the sync task running for it, or null. */
  readonly syncTask: string | null;
}

export interface RemoteListDto {
  /** The engine's clock (Unix ms): ages are relative to it. */
  readonly nowMs: number;
  readonly remotes: readonly RemoteDto[];
}

export interface AddRemoteInputDto {
  /** 1–64 letters, digits, `.`, `_`, `-`; not `local` or `all`. */
  readonly name: string;
  readonly type: RemoteTypeDto;
  /** http(s)://…, or file://… for tiles logs carried on a disk. */
  readonly url: string;
  /** The log's C2SP verifier key (`name+hash+base64`), or a PEM public key for Rekor v1. */
  readonly key: string;
  /** Defaults to what the type and key fix (see `provwb remote add`). */
  readonly origin?: string | undefined;
}

export interface RemoteNameInput {
  readonly name: string;
}

export interface SyncRemoteInputDto {
  readonly name: string;
  /** Mirror only up to this tree size. */
  readonly toSize?: number | undefined;
}

export interface RemoteCheckpointsInput {
  readonly name: string;
  readonly limit?: number | undefined;
}

/** A remote's checkpoint history, with what the page needs to verify signatures and cosignatures itself. */
export interface RemoteCheckpointsDto extends CheckpointListDto {
  /** The workbench witness's cosignature/v1 verifier key, or null when it never cosigned. */
  readonly witnessKey: string | null;
}

/** One mirrored Rekor entry its own kind rejects (the log included it anyway). */
export interface EntryProblemDto {
  readonly index: number;
  readonly problem: string;
}

export interface SyncResultDto {
  readonly remote: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** Entries downloaded by this run. */
  readonly fetched: number;
  /** The signed size the mirror was checked against. */
  readonly checkpointSize: number;
  readonly upToDate: boolean;
  readonly entryProblems: readonly EntryProblemDto[];
}

/** The witness's cosignature on a remote's latest checkpoint (`remotes.cosign`). */
export interface CosignResultDto {
  readonly remote: string;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** The remote's signed checkpoint with the witness's cosignature/v1 line appended. */
  readonly note: string;
  readonly witnessName: string;
  readonly witnessKey: string;
  readonly timestampSec: number;
}

export interface ForkSummaryDto {
  readonly id: number;
  readonly remote: string;
  readonly origin: string;
  readonly olderSize: number;
  readonly newerSize: number;
  readonly detectedAtMs: number;
}

export interface ForkListDto {
  readonly forks: readonly ForkSummaryDto[];
}

export interface ForkInput {
  readonly id: number;
}

/** What the engine concluded from the evidence with the remote's stored keys (the page re-checks it). */
export interface ForkVerdictDto {
  readonly ok: boolean;
  readonly size: number;
  /** Hex roots for that size: the older signed checkpoint's, and the one per the newer tree. */
  readonly roots: readonly string[];
  readonly reason: string;
}

export interface ForkDetailDto extends ForkSummaryDto {
  /** The `provwb-fork-evidence/v1` document, exactly as stored (what Export saves). */
  readonly evidenceJson: string;
  /** e.g. `gosum-fork-1.json`, as `provwb sync` names the file. */
  readonly fileName: string;
  /** The remote's pinned keys, which the verdict used. */
  readonly verifierKeys: readonly string[];
  /** The engine's verdict, or the error its check raised (e.g. a checkpoint not signed by the keys). */
  readonly verdict: ForkVerdictDto | null;
  readonly verdictError: WorkbenchErrorData | null;
}

export interface AuditInputDto {
  /** `local`, or a remote's name. */
  readonly log: string;
}

/** One problem an audit found: by entry index, or by place (tile, checkpoint, table) when index is null. */
export interface AuditProblemDto {
  readonly index: number | null;
  readonly code: string;
  readonly problem: string;
  readonly where?: Readonly<Record<string, string | number>> | undefined;
}

export interface AuditNoteDto {
  readonly index: number | null;
  readonly code: string;
  readonly note: string;
}

export interface AuditReportDto {
  readonly ok: boolean;
  readonly log: string;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly entriesChecked: number;
  readonly checkpointsChecked: number;
  readonly tilesChecked: number;
  readonly typedEntriesChecked: number;
  readonly problems: readonly AuditProblemDto[];
  /** Problems found beyond those listed. */
  readonly problemsOmitted: number;
  readonly notes: readonly AuditNoteDto[];
}

export type TaskStateDto = 'running' | 'done' | 'failed' | 'cancelled';

export interface TaskProgressDto {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly ratePerSec: number;
  readonly etaSec: number | null;
}

export interface TaskBaseDto {
  readonly id: string;
  /** The remote synced, or the log audited. */
  readonly subject: string;
  readonly state: TaskStateDto;
  readonly startedAtMs: number;
  readonly finishedAtMs: number | null;
  /** The latest progress, or null before the first. */
  readonly progress: TaskProgressDto | null;
  /** Set when state is failed or cancelled. */
  readonly error: WorkbenchErrorData | null;
}

export interface SyncTaskDto extends TaskBaseDto {
  readonly kind: 'sync';
  readonly result: SyncResultDto | null;
}

export interface AuditTaskDto extends TaskBaseDto {
  readonly kind: 'audit';
  readonly result: AuditReportDto | null;
}

export type TaskDto = SyncTaskDto | AuditTaskDto | MonitorTaskDto;

export interface TaskInput {
  readonly id: string;
}

export interface TaskListDto {
  /** Running tasks and the most recent finished ones, newest first. */
  readonly tasks: readonly TaskDto[];
}

/** Longest remote key accepted (a PEM RSA-4096 key is ~800 characters). */
export const MAX_REMOTE_KEY_CHARS = 16 * 1024;
