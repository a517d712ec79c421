import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ForkError, InputError, VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import { toHex } from '../../../shared/encoding/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { Workbench } from '../open-workbench.js';
import type { FetchLimits } from '../remote/fetch-bytes.js';
import { openLogCheckpoint } from '../remote/log-verifier.js';
import { remoteByName, type RemoteType } from '../remote/remotes.js';
import { createTileSource } from '../remote/tile-source.js';
import { MirrorStore, type LogRecord } from '../store/index.js';
import { checkNewCheckpoint, type CheckpointConflict, type RemoteTreeView } from './checkpoint-check.js';
import { buildForkEvidence } from './fork-evidence.js';
import { MirrorLog } from './mirror-log.js';
import { syncRekorEntries, openRekorRemote } from './rekor-sync.js';
import { typedEntryOf, type EntryProblem } from './typed-entry.js';
import { openRemoteTree, remoteTreeView, syncTileEntries } from './tile-sync.js';

export interface SyncProgress {
  readonly phase: 'checkpoint' | 'entries';
  readonly done: number;
  readonly total: number;
}

export interface SyncOptions {
  /** Mirror only up to this size (≤ the remote's signed size). */
  readonly toSize?: number | undefined;
  /** Downloads in flight at once. */
  readonly parallel?: number | undefined;
  /** Entries per transaction. */
  readonly commitEntries?: number | undefined;
  readonly limits?: Partial<FetchLimits> | undefined;
  readonly onProgress?: ((p: SyncProgress) => void) | undefined;
  /** Cancels between committed batches (error `sync_cancelled`); the committed entries stay. */
  readonly signal?: AbortSignal | undefined;
}

export interface SyncResult {
  readonly remote: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** Entries downloaded by this run. */
  readonly fetched: number;
  readonly verified: true;
  /** The signed size the mirror was checked against. */
  readonly checkpointSize: number;
  /** Set when the remote showed nothing new. */
  readonly upToDate: boolean;
  /** Mirrored Rekor entries their own kind rejects (the log included them anyway). */
  readonly entryProblems: readonly EntryProblem[];
}

/** What a sync needs from the remote, whatever its protocol. */
interface RemoteSession {
  readonly note: string;
  readonly checkpoint: Checkpoint;
  readonly view: RemoteTreeView;
  /** Downloads, verifies and appends entries up to `target`; returns how many were fetched. */
  syncEntries(mirror: MirrorLog, target: number): Promise<number>;
}

/**
 * Mirrors the remote `name`: verifies its signed checkpoint with the pinned key, checks it against
 * every checkpoint stored before (a conflict stores fork evidence and throws ForkError), stores it,
 * then downloads and authenticates the missing entries and appends them. Resumable: every commit
 * holds only authenticated entries, so a killed sync continues where it stopped.
 */
export async function syncRemote(workbench: Workbench, name: string, options: SyncOptions = {}): Promise<SyncResult> {
  const { store, clock } = workbench;
  const log = remoteByName(store, name);
  const mirror = new MirrorLog(store, log.id, nodeHasher);
  options.onProgress?.({ phase: 'checkpoint', done: 0, total: 1 });
  const problems: EntryProblem[] = [];
  const session = await openSession(workbench, log, options, problems);
  const { checkpoint, note } = session;
  const check = await checkNewCheckpoint({ note, checkpoint, stored: store.checkpoints(log.id), mirror, remote: session.view });
  if (check.kind === 'fork') throw recordFork(workbench, log, check);
  if (check.kind === 'stale') throw new VerificationError('checkpoint_stale', check.message, { remote: name, size: checkpoint.size });
  store.transaction(() => {
    if (log.origin === '') new MirrorStore(store.db).setOrigin(log.id, checkpoint.origin);
    mirror.recordCheckpoint(note, checkpoint, clock.nowMs());
  });
  const target = options.toSize === undefined ? checkpoint.size : options.toSize;
  if (!Number.isSafeInteger(target) || target < 0 || target > checkpoint.size) {
    throw new InputError('size_out_of_range', `--to-size ${target} is beyond the remote's signed size ${checkpoint.size}`, { toSize: target, size: checkpoint.size });
  }
  const before = mirror.record().treeSize;
  const fetched = check.kind === 'behind' || before >= target ? 0 : await session.syncEntries(mirror, target);
  const after = mirror.record();
  if (after.treeSize === checkpoint.size && toHex(after.rootHash) !== toHex(checkpoint.rootHash)) {
    throw new Error(`bug: mirror ${name} root differs from the checkpoint it was authenticated against`);
  }
  return { remote: name, treeSize: after.treeSize, rootHash: toHex(after.rootHash), fetched, verified: true, checkpointSize: checkpoint.size, upToDate: fetched === 0 && after.treeSize === before, entryProblems: problems };
}

async function openSession(workbench: Workbench, log: LogRecord, options: SyncOptions, problems: EntryProblem[]): Promise<RemoteSession> {
  const type = log.remoteType as RemoteType;
  const parallel = options.parallel ?? 16;
  const commitEntries = options.commitEntries ?? 4096;
  const progress = (done: number, total: number) => options.onProgress?.({ phase: 'entries', done, total });
  if (type === 'rekor') {
    const rekor = await openRekorRemote(log, options.limits ?? {});
    return {
      ...rekor,
      syncEntries: (mirror, target) => syncRekorEntries(rekor, mirror, target, { parallel, commitEntries, onProgress: (p) => progress(p.done, p.total), kinds: workbench.kinds(), problems, signal: options.signal }),
    };
  }
  const source = createTileSource(type === 'sumdb' ? 'sumdb' : 'c2sp', log.url!, options.limits ?? {});
  const note = await source.checkpoint();
  const checkpoint = openLogCheckpoint({ origin: log.origin, verifierKeys: log.verifierKeys }, note);
  const tree = openRemoteTree(source, checkpoint, nodeHasher, parallel);
  const kinds = type === 'rekor-v2' ? workbench.kinds() : undefined;
  return {
    note,
    checkpoint,
    view: remoteTreeView(tree, nodeHasher),
    syncEntries: (mirror, target) =>
      syncTileEntries(source, tree, mirror, target, nodeHasher, {
        parallel,
        commitEntries,
        onProgress: (p) => progress(p.done, p.total),
        typeEntry: kinds && ((body, index) => typedEntryOf(kinds, body, index, undefined, problems)),
        signal: options.signal,
      }),
  };
}

/** Stores fork evidence (forks table, the conflicting checkpoint, a file in the data dir) and returns the error to throw. */
export function recordFork(workbench: Workbench, log: LogRecord, conflict: CheckpointConflict): ForkError {
  const now = workbench.clock.nowMs();
  const evidence = buildForkEvidence({ log, olderNote: conflict.olderNote, newerNote: conflict.newerNote, ...(conflict.proof ? { proof: conflict.proof } : {}), detectedAtMs: now });
  const text = `${JSON.stringify(evidence, null, 2)}\n`;
  const older = openLogCheckpoint(log, conflict.olderNote);
  const newer = openLogCheckpoint(log, conflict.newerNote);
  const fork = workbench.store.transaction(() => {
    for (const [note, cp] of [[conflict.olderNote, older], [conflict.newerNote, newer]] as const) {
      workbench.store.insertCheckpoint({ logId: log.id, treeSize: cp.size, rootHash: cp.rootHash, note, source: 'evidence', createdAt: now });
    }
    return new MirrorStore(workbench.store.db).insertFork({ logId: log.id, olderSize: older.size, newerSize: newer.size, evidence: text, detectedAt: now });
  });
  const dir = path.join(workbench.dataDir, 'evidence');
  const file = path.join(dir, `${log.name}-fork-${fork.id}.json`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, text, { mode: 0o644 });
  } catch (error) {
    return new ForkError('fork_detected', `${log.name}: ${conflict.message}. Evidence stored in the workbench (fork ${fork.id}); writing ${file} failed: ${isWorkbenchError(error) ? error.message : String(error)}`, { remote: log.name, forkId: fork.id });
  }
  return new ForkError('fork_detected', `${log.name}: ${conflict.message}. Evidence: ${file} (check it with \`provwb verify evidence\`)`, { remote: log.name, forkId: fork.id, evidenceFile: file }, { hint: 'do not trust this log until its operator explains the two trees; share the evidence file' });
}
