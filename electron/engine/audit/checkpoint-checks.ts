import { bytesEqual, toHex } from '../../../shared/encoding/index.js';
import type { Hash } from '../../../shared/merkle/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import type { CheckpointRecord, LogRecord } from '../store/index.js';
import { errorText, type AuditFindings } from './audit-report.js';
import { createCheckpointOpener } from './checkpoint-opener.js';

/** A stored checkpoint whose note verified with the log's keys. */
export interface VerifiedCheckpoint {
  readonly record: CheckpointRecord;
  readonly checkpoint: Checkpoint;
}

function place(record: CheckpointRecord) {
  return { table: 'checkpoints', id: record.id, treeSize: record.treeSize, source: record.source };
}

function named(record: CheckpointRecord): string {
  return `checkpoint id ${record.id} (tree size ${record.treeSize}, ${record.source})`;
}

/**
 * Verifies every stored checkpoint's note with the log's keys and origin (as openLogCheckpoint) and
 * checks that the row's tree size and root columns are the note's. Returns the verified ones; the
 * rest are reported. A checkpoint beyond the tree size is a problem for the local log (it signs only
 * what it holds) and a note for a mirror (a sync may have stopped short of it).
 */
export function verifyCheckpoints(log: LogRecord, records: readonly CheckpointRecord[], findings: AuditFindings): VerifiedCheckpoint[] {
  const verified: VerifiedCheckpoint[] = [];
  const open = createCheckpointOpener({ origin: log.origin, verifierKeys: log.verifierKeys });
  for (const record of records) {
    let checkpoint: Checkpoint;
    try {
      checkpoint = open(record.note);
    } catch (error) {
      findings.problem('checkpoint_invalid', null, `${named(record)} does not verify with the log's keys: ${errorText(error)}`, place(record));
      continue;
    }
    if (checkpoint.size !== record.treeSize || !bytesEqual(checkpoint.rootHash, record.rootHash)) {
      findings.problem('checkpoint_row_mismatch', null, `${named(record)} has columns tree size ${record.treeSize}, root ${toHex(record.rootHash)}, but its signed note says size ${checkpoint.size}, root ${toHex(checkpoint.rootHash)}`, place(record));
    }
    if (checkpoint.size > log.treeSize && record.source !== 'evidence') {
      const text = `${named(record)} signs size ${checkpoint.size}, beyond the ${log.treeSize} entries stored`;
      if (log.role === 'local') findings.problem('checkpoint_beyond_tree', null, text, place(record));
      else findings.note('checkpoint_beyond_tree', null, `${text}; its root is not checked`);
    }
    verified.push({ record, checkpoint });
  }
  return verified;
}

/** Returns the tree sizes whose recomputed roots `checkCheckpointRoots` needs. */
export function checkpointSizes(log: LogRecord, verified: readonly VerifiedCheckpoint[]): number[] {
  return [...new Set(verified.map((v) => v.checkpoint.size).filter((size) => size <= log.treeSize))].sort((a, b) => a - b);
}

/**
 * Compares each verified checkpoint's root with the root recomputed from the entries at its size
 * (which also proves every pair of checkpoints consistent), reports two signed checkpoints of one size
 * that disagree, and — for the local log — a tree size no checkpoint signs. Runs of consecutive
 * checkpoints that disagree (every checkpoint after an altered entry) are reported as one problem.
 */
export function checkCheckpointRoots(log: LogRecord, verified: readonly VerifiedCheckpoint[], roots: ReadonlyMap<number, Hash>, findings: AuditFindings): void {
  const bySize = new Map<number, VerifiedCheckpoint[]>();
  for (const v of verified) bySize.set(v.checkpoint.size, [...(bySize.get(v.checkpoint.size) ?? []), v]);
  for (const [size, group] of bySize) {
    const distinct = new Map(group.map((v) => [toHex(v.checkpoint.rootHash), v]));
    if (distinct.size > 1) {
      const list = [...distinct].map(([root, v]) => `${root} (id ${v.record.id}, ${v.record.source})`).join(' and ');
      const text = `${distinct.size} signed checkpoints of tree size ${size} disagree: roots ${list}`;
      if (group.some((v) => v.record.source === 'evidence')) findings.note('fork_evidence', null, `${text}; kept as fork evidence`);
      else findings.problem('checkpoints_disagree', null, text, { table: 'checkpoints', treeSize: size });
    }
  }
  let run: Array<{ v: VerifiedCheckpoint; root: Hash }> = [];
  const flush = () => {
    if (run.length === 1) {
      const { v, root } = run[0]!;
      findings.problem('checkpoint_root_mismatch', null, `${named(v.record)} signs root ${toHex(v.checkpoint.rootHash)}, but the stored entries give ${toHex(root)} at that size`, place(v.record));
    } else if (run.length > 1) {
      const { v, root } = run[0]!;
      const last = run[run.length - 1]!.v;
      findings.problem(
        'checkpoint_root_mismatch',
        null,
        `${run.length} signed checkpoints from tree size ${v.checkpoint.size} to ${last.checkpoint.size} sign roots the stored entries do not give (at size ${v.checkpoint.size}: signed ${toHex(v.checkpoint.rootHash)}, entries ${toHex(root)})`,
        { table: 'checkpoints', id: v.record.id, treeSize: v.checkpoint.size, lastId: last.record.id, lastTreeSize: last.checkpoint.size, count: run.length },
      );
    }
    run = [];
  };
  const ordered = [...verified].sort((a, b) => a.checkpoint.size - b.checkpoint.size || a.record.id - b.record.id);
  for (const v of ordered) {
    const root = roots.get(v.checkpoint.size);
    if (!root) continue;
    if (bytesEqual(root, v.checkpoint.rootHash)) {
      flush();
      continue;
    }
    if (v.record.source === 'evidence') {
      findings.note('fork_evidence', null, `${named(v.record)} is kept as fork evidence: it signs root ${toHex(v.checkpoint.rootHash)}, the mirrored entries give ${toHex(root)}`);
      continue;
    }
    run.push({ v, root });
  }
  flush();
  if (log.role === 'local' && !verified.some((v) => v.checkpoint.size === log.treeSize && v.record.source !== 'evidence')) {
    findings.problem('checkpoint_missing', null, `no valid checkpoint signs the local log's tree size ${log.treeSize}`, { table: 'checkpoints', treeSize: log.treeSize });
  }
}
