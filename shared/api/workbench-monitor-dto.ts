/**
 * The plain-JSON shapes of the Monitor view's and the witness's operations (WorkbenchApi
 * `monitor.*`, `witness.*`): the same watches, alerts, allow-list and webhook as `provwb monitor`,
 * and the key of `provwb witness key`. A check runs as a task (kind `monitor`) like a sync.
 */

import type { TaskBaseDto } from './workbench-remote-dto.js';

/** What a watch looks for (the index's key types). */
export const WATCH_TYPE_NAMES = ['sha256', 'key_fingerprint', 'email', 'field'] as const;
export type WatchTypeDto = (typeof WATCH_TYPE_NAMES)[number];

export const ALERT_STATE_NAMES = ['new', 'acknowledged', 'suppressed'] as const;
export type AlertStateDto = (typeof ALERT_STATE_NAMES)[number];

export interface WatchDto {
  readonly id: number;
  readonly type: WatchTypeDto;
  /** Normalised as the search index stores it (lowercase hex, lowercase email). */
  readonly value: string;
  /** The remote watched, or null for every mirrored remote. */
  readonly remote: string | null;
  readonly createdAtMs: number;
  /** How far the watch has looked in each log: entries below nextIndex were checked. */
  readonly checked: ReadonlyArray<{ readonly remote: string; readonly nextIndex: number }>;
}

export interface WatchListDto {
  readonly watches: readonly WatchDto[];
}

export interface AddWatchInputDto {
  readonly type: WatchTypeDto;
  /** sha256: 64 hex digits; key_fingerprint: hex or SHA256:…; email: `*` is a wildcard; field: NAME=VALUE. */
  readonly value: string;
  /** A remote's name; absent watches every mirrored remote. */
  readonly remote?: string | undefined;
}

export interface AddWatchResultDto {
  readonly watch: WatchDto;
  /** False when the same watch already existed (it is returned unchanged). */
  readonly created: boolean;
}

export interface AlertDto {
  readonly id: number;
  readonly kind: 'entry' | 'fork';
  /** The watch that matched (entry alerts), null for a fork. */
  readonly watch: number | null;
  readonly key: { readonly type: WatchTypeDto; readonly value: string } | null;
  readonly remote: string;
  /** The matching entry in the remote's mirror (entry alerts): the explorer opens it. */
  readonly logIndex: number | null;
  readonly uuid: string | null;
  /** Fork alerts: the evidence (`forks.get`) and the two conflicting sizes. */
  readonly fork: { readonly id: number; readonly olderSize: number; readonly newerSize: number } | null;
  readonly state: AlertStateDto;
  readonly createdAtMs: number;
}

export interface AlertsInput {
  /** Only alerts in this state; absent lists all. */
  readonly state?: AlertStateDto | undefined;
  /** The newest `limit` of them (default DEFAULT_ALERT_LIMIT). */
  readonly limit?: number | undefined;
}

export interface AlertListDto {
  /** Newest first. */
  readonly alerts: readonly AlertDto[];
  /** How many alerts are in each state (all of them, not just those listed). */
  readonly counts: Readonly<Record<AlertStateDto, number>>;
  /** More alerts matched than `limit`. */
  readonly truncated: boolean;
}

export interface AlertInput {
  readonly id: number;
}

export interface SignerInput {
  /** Hex SHA-256 of the key (as `provwb keys list` shows), or SHA256:… for SSH keys. */
  readonly fingerprint: string;
}

export interface SignerListDto {
  /** Normalised fingerprints, sorted. */
  readonly signers: readonly string[];
}

export interface AllowSignerResultDto {
  readonly fingerprint: string;
  readonly created: boolean;
}

export interface WebhookInput {
  /** http:// or https:// */
  readonly url: string;
}

/** The webhook and its outbox: what the last delivery attempt did and what still waits. */
export interface WebhookStatusDto {
  /** null when no webhook is set. */
  readonly url: string | null;
  /** Alerts queued and not yet acknowledged by a 2xx (retried on the next check). */
  readonly pending: number;
  readonly delivered: number;
  /** The most recent attempt to deliver any alert, or null before the first. */
  readonly lastAttempt: {
    readonly alertId: number;
    readonly atMs: number;
    readonly ok: boolean;
    /** Why it failed (HTTP status or network error); null on success. */
    readonly error: string | null;
  } | null;
}

export interface MonitorCheckInputDto {
  /** Check only what is already mirrored, without syncing first. */
  readonly offline?: boolean | undefined;
}

export interface MonitorCheckResultDto {
  /** Alerts this check raised, oldest first; earlier ones are never repeated. */
  readonly alerts: readonly AlertDto[];
  readonly synced: ReadonlyArray<{ readonly remote: string; readonly treeSize: number; readonly fetched: number }>;
  /** Remotes that could not be synced (their mirrored entries were still checked). */
  readonly syncErrors: ReadonlyArray<{ readonly remote: string; readonly code: string; readonly message: string }>;
  readonly webhook: { readonly url: string; readonly delivered: number; readonly pending: number; readonly lastError: string | null } | null;
}

/** `monitor.check` as a task: progress while it syncs the watched remotes, then its result. */
export interface MonitorTaskDto extends TaskBaseDto {
  readonly kind: 'monitor';
  readonly result: MonitorCheckResultDto | null;
}

/** The workbench witness (C2SP tlog-cosignature): what verifiers configure to check its cosignatures. */
export interface WitnessKeyDto {
  readonly name: string;
  /** The cosignature/v1 verifier key (name+hash+base64). */
  readonly verifierKey: string;
  readonly keyId: string;
}

export const DEFAULT_ALERT_LIMIT = 500;
export const MAX_ALERT_LIMIT = 5000;
/** The subject of every monitor task (one check at a time for the whole workbench). */
export const MONITOR_TASK_SUBJECT = 'monitors';
