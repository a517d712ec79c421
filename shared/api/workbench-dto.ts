/**
 * The plain-JSON shapes the UI's operations exchange (WorkbenchApi): strings, numbers, booleans and
 * arrays only, so IPC's structured clone and HTTP's JSON carry them alike. Hashes and bytes are
 * lowercase hex, times Unix seconds (`…Sec`) or milliseconds (`…Ms`) as named.
 */

import type { ConsistencyProofDto, InclusionProofDto } from './proof-dto.js';

/** Which log an operation is about: a name from `log.info` (`local` is the workbench's own log). */
export interface LogSelector {
  /** Defaults to `local`. */
  readonly log?: string | undefined;
}

/** One signed checkpoint as stored (issued by the local log, or fetched from a remote). */
export interface CheckpointDto {
  readonly treeSize: number;
  readonly rootHash: string;
  /** The signed note text, exactly as stored: the renderer verifies it itself. */
  readonly note: string;
  readonly source: string;
  readonly createdAtMs: number;
}

/** One log on the dashboard. */
export interface LogSummaryDto {
  readonly name: string;
  readonly role: string;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** C2SP verifier keys (`name+keyid+base64`) the log's checkpoints are checked with. */
  readonly verifierKeys: readonly string[];
  /** Hex log ID of the first Ed25519 verifier key, or null when the log has none. */
  readonly logID: string | null;
  readonly remoteType: string | null;
  readonly url: string | null;
  readonly latestCheckpoint: CheckpointDto | null;
  /** Seconds since the latest checkpoint was stored, by the engine's clock. */
  readonly latestCheckpointAgeSec: number | null;
  /** Open (unacknowledged) monitor alerts on this log. */
  readonly alerts: number;
}

export interface WorkbenchInfoDto {
  readonly dataDir: string;
  /** The engine's clock when it answered (Unix ms): ages are relative to it. */
  readonly nowMs: number;
  readonly logs: readonly LogSummaryDto[];
}

export interface ListEntriesInput extends LogSelector {
  /** First log index of the page (0-based). */
  readonly start: number;
  /** At most MAX_PAGE_ROWS. */
  readonly count: number;
}

/** One row of the explorer's list. */
export interface EntryRowDto {
  readonly logIndex: number;
  /** Hex leaf hash, as the log's tiles commit to it (Rekor's uuid). */
  readonly uuid: string;
  /** Null for raw (untyped) entries. */
  readonly kind: string | null;
  readonly apiVersion: string | null;
  readonly integratedTime: number | null;
  readonly sizeBytes: number;
  /** The body's first characters when it is printable text (display only), else null. */
  readonly preview: string | null;
}

export interface EntryPageDto {
  readonly log: string;
  /** The log's tree size when the page was read. */
  readonly treeSize: number;
  readonly start: number;
  readonly rows: readonly EntryRowDto[];
}

export interface SearchInput extends LogSelector {
  /** SHA-256 digest of an artefact (hex, optionally `sha256:`). */
  readonly sha256?: string | undefined;
  /** Key fingerprint (hex, or OpenSSH `SHA256:…`). */
  readonly keyFingerprint?: string | undefined;
  /** Email or identity, `*` wildcards allowed. */
  readonly email?: string | undefined;
  /** Custom layout index fields, `name=value` each. */
  readonly fields?: readonly string[] | undefined;
  /** An entry's uuid (64 hex digits, or 80 with Rekor's tree ID prefix). */
  readonly uuid?: string | undefined;
  readonly limit?: number | undefined;
}

export interface SearchMatchDto extends EntryRowDto {
  readonly log: string;
}

export interface SearchResultDto {
  readonly matches: readonly SearchMatchDto[];
  /** True when more entries matched than `limit`. */
  readonly truncated: boolean;
}

export interface GetEntryInput extends LogSelector {
  /** Exactly one of logIndex and uuid. */
  readonly logIndex?: number | undefined;
  readonly uuid?: string | undefined;
  /** The tree the inclusion proof is for; defaults to the current tree size. */
  readonly treeSize?: number | undefined;
}

/** One search key of an entry, as its kind computes it. */
export interface IndexKeyDto {
  readonly type: string;
  readonly value: string;
}

/** Everything the entry detail and proof viewer show, and what the renderer re-verifies. */
export interface EntryDetailDto {
  readonly log: string;
  readonly origin: string;
  readonly logIndex: number;
  /** The leaf hash the log's tiles hold (hex); the renderer recomputes it from `body`. */
  readonly uuid: string;
  readonly kind: string | null;
  readonly apiVersion: string | null;
  readonly integratedTime: number | null;
  /** The exact leaf bytes, hex. */
  readonly body: string;
  /** Search keys of a typed entry, computed by its kind; empty for raw entries or unknown kinds. */
  readonly indexKeys: readonly IndexKeyDto[];
  /** True when the workbench knows the entry's kind (kind + apiVersion). */
  readonly kindKnown: boolean;
  readonly inclusionProof: InclusionProofDto;
  /** The signed checkpoint at the proof's tree size, or null when none was stored at that size. */
  readonly checkpoint: CheckpointDto | null;
  readonly verifierKeys: readonly string[];
  /** Hex log ID (typed entries' SET covers it). */
  readonly logID: string | null;
  /** Rekor v1 SET (base64 Ed25519 over canonical {body, integratedTime, logID, logIndex}); typed entries only. */
  readonly signedEntryTimestamp: string | null;
  /** True when the log should have given a SET (a typed entry of our own log; mirrors store none). */
  readonly setExpected: boolean;
}

export interface CheckpointsInput extends LogSelector {
  /** The newest `limit` checkpoints (default DEFAULT_CHECKPOINT_LIMIT). */
  readonly limit?: number | undefined;
}

export interface CheckpointListDto {
  readonly log: string;
  readonly origin: string;
  readonly verifierKeys: readonly string[];
  /** How many checkpoints the log has in all. */
  readonly total: number;
  /** Ascending by tree size. */
  readonly checkpoints: readonly CheckpointDto[];
}

export interface ConsistencyInput extends LogSelector {
  /** The older tree size, ≥ 1. */
  readonly first: number;
  /** The newer tree size, ≥ first. */
  readonly second: number;
}

export interface ConsistencyDto {
  readonly log: string;
  readonly origin: string;
  readonly verifierKeys: readonly string[];
  readonly proof: ConsistencyProofDto;
  readonly firstCheckpoint: CheckpointDto | null;
  readonly secondCheckpoint: CheckpointDto | null;
}

/** Page and list bounds every implementation enforces (schemas check them at the boundary). */
export const MAX_PAGE_ROWS = 1000;
export const MAX_SEARCH_RESULTS = 1000;
export const DEFAULT_SEARCH_LIMIT = 200;
export const MAX_CHECKPOINT_LIMIT = 10_000;
export const DEFAULT_CHECKPOINT_LIMIT = 2000;
