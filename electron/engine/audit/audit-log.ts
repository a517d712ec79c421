import { NotFoundError } from '../../../shared/api/index.js';
import { bytesEqual, toHex } from '../../../shared/encoding/index.js';
import type { MerkleHasher } from '../../../shared/merkle/index.js';
import { formatVerifierKey, logIdOfVerifier, parseSignerKey, parseVerifierKey } from '../../../shared/note/index.js';
import { createKindRegistry, verifyLogIndex, type KindRegistry } from '../entries/index.js';
import type { Clock } from '../log/index.js';
import type { LogRecord, Store } from '../store/index.js';
import { BUILTIN_KINDS, layoutEntryKind, loadKinds, type EntryKind } from '../types/index.js';
import { AuditFindings, errorText, type AuditProgress, type AuditReport } from './audit-report.js';
import { checkCheckpointRoots, checkpointSizes, verifyCheckpoints, type VerifiedCheckpoint } from './checkpoint-checks.js';
import { checkDatabase } from './database-checks.js';
import { checkTree, type TreeCheckResult } from './tree-check.js';
import { withNodeEd25519 } from './checkpoint-opener.js';
import { TypedEntryChecks, type EntryTimestampVerifier } from './typed-entry-checks.js';

export interface AuditLogInput {
  readonly store: Store;
  readonly logName: string;
  readonly hasher: MerkleHasher;
  /** Gives progress events a rate and an ETA. */
  readonly clock?: Clock;
  readonly onProgress?: (progress: AuditProgress) => void;
}

/**
 * Returns the offline audit of one stored log (local or mirror): the database file, every entry and
 * tile node against the tree recomputed from the entries, the tree head, every checkpoint, the typed
 * entries, the leaf index and the search index. Only reads. NotFoundError('log_not_found') when no log
 * has that name; every other fault, however deep, is a problem in the report.
 */
export async function auditLog(input: AuditLogInput): Promise<AuditReport> {
  const { store, hasher } = input;
  const findings = new AuditFindings();
  const log = findLog(store, input.logName, findings);
  checkDatabase(store, findings);
  if (!log) return report(input.logName, undefined, undefined, findings, { checkpoints: 0, typed: 0 });

  if (log.role === 'local') findings.guard('the signer key check', () => checkSignerKey(store, log, findings));
  const records = findings.guard('reading the checkpoints', () => store.checkpoints(log.id)) ?? [];
  const verified = verifyCheckpoints(log, records, findings);
  const registry = kindsOf(store, log, findings);
  const kindOf = (kind: string, apiVersion: string): EntryKind | undefined => {
    try {
      return registry.lookup(kind, apiVersion);
    } catch {
      return undefined;
    }
  };
  const window = log.role === 'local' ? integratedWindows(verified) : undefined;
  const entryTimestamps = log.role === 'local' ? findings.guard("reading the local log's key", () => localEntryTimestamps(log)) : undefined;
  const typed = findings.guard('reading the typed entries', () =>
    new TypedEntryChecks({
      store,
      log,
      findings,
      kindOf,
      firstSignedSec: (index) => firstSignedSec(verified, index),
      ...(window ? { integratedWindow: window } : {}),
      ...(entryTimestamps ? { entryTimestamps } : {}),
    }),
  );
  const startedMs = input.clock?.nowMs();
  const tree = await findings.guardAsync('the tree check', () =>
    checkTree(store, log, hasher, findings, {
      rootSizes: checkpointSizes(log, verified),
      onChunk: (chunk) => typed?.checkChunk(chunk),
      onProgress: (done) => input.onProgress?.(progress(log, done, startedMs, input.clock)),
    }),
  );
  if (tree) {
    if (!bytesEqual(tree.rootHash, log.rootHash)) {
      findings.problem('tree_head_mismatch', null, `the logs row says the root of tree size ${log.treeSize} is ${toHex(log.rootHash)}, but the stored entries give ${toHex(tree.rootHash)}`, { table: 'logs', name: log.name });
    }
    checkCheckpointRoots(log, verified, tree.roots, findings);
  }
  typed?.finish();
  findings.guard('the search index check', () => {
    const index = verifyLogIndex(store, log, { kindOf, onUnreadable: () => {} });
    const where = (d: { logIndex: number; type: string }) => ({ table: 'index_keys', index: d.logIndex, keyType: d.type });
    for (const d of index.missing) findings.problem('index_key_missing', d.logIndex, `entry ${d.logIndex} should be found by ${d.type} ${d.value}, but the search index lacks that key`, where(d));
    for (const d of index.extra) findings.problem('index_key_extra', d.logIndex, `the search index finds entry ${d.logIndex} by ${d.type} ${d.value}, which the entry does not have`, where(d));
    for (const d of index.altered) findings.problem('index_key_altered', d.logIndex, `the search index holds ${d.type} ${d.value} for entry ${d.logIndex}, which is not the entry's ${d.type}`, where(d));
  });
  return report(log.name, log, tree, findings, { checkpoints: records.length, typed: typed?.checked ?? 0 });
}

function findLog(store: Store, name: string, findings: AuditFindings): LogRecord | undefined {
  let log: LogRecord | undefined;
  try {
    log = store.logByName(name);
  } catch (error) {
    findings.problem('log_row_invalid', null, `the logs row of ${name} cannot be read: ${errorText(error)}`, { table: 'logs', name });
    return undefined;
  }
  if (!log) throw new NotFoundError('log_not_found', `no log named ${name} in this workbench`, { log: name }, { hint: 'use `local` or the name of a mirrored remote' });
  return log;
}

/** The local log signs with the key in log_signers: it must be the one its checkpoints are verified with. */
function checkSignerKey(store: Store, log: LogRecord, findings: AuditFindings): void {
  const skey = store.signer(log.id);
  const where = { table: 'log_signers', logId: log.id };
  if (skey === undefined) {
    findings.problem('signer_key_mismatch', null, `the local log has no signer key`, where);
    return;
  }
  let vkey: string;
  try {
    vkey = formatVerifierKey(parseSignerKey(skey).verifier);
  } catch (error) {
    findings.problem('signer_key_mismatch', null, `the local log's signer key cannot be read: ${errorText(error)}`, where);
    return;
  }
  if (!log.verifierKeys.includes(vkey)) {
    findings.problem('signer_key_mismatch', null, `the local log's signer key belongs to verifier key ${vkey}, which is not among the log's verifier keys`, where);
  }
}

/** Returns the check of the local log's SETs: Ed25519 with its verifier key, over its log ID. */
function localEntryTimestamps(log: LogRecord): EntryTimestampVerifier {
  const verifier = withNodeEd25519(parseVerifierKey(log.verifierKeys[0] ?? ''));
  return { logIdHex: toHex(logIdOfVerifier(verifier)), verify: (payload, signature) => verifier.verify(payload, signature) };
}

/** Built-in kinds plus the layouts the audited log itself holds (a mirror brings its own types). */
function kindsOf(store: Store, log: LogRecord, findings: AuditFindings): KindRegistry {
  try {
    return createKindRegistry(loadKinds(store, log.id));
  } catch (error) {
    findings.problem('layouts_unreadable', null, `the custom type layouts of log ${log.name} cannot be loaded, so only built-in kinds are re-verified: ${errorText(error)}`, { table: 'entry_meta', kind: layoutEntryKind.kind });
    return createKindRegistry([...BUILTIN_KINDS, layoutEntryKind]);
  }
}

function firstSignedSec(verified: readonly VerifiedCheckpoint[], index: number): number | undefined {
  let best: VerifiedCheckpoint | undefined;
  for (const v of verified) if (v.checkpoint.size > index && (!best || v.checkpoint.size < best.checkpoint.size)) best = v;
  return best && Math.floor(best.record.createdAt / 1000);
}

/**
 * Entries may be prepared (and their time taken) this long before the append that stores them takes
 * the write lock, while other appends commit: the lower bound of an integrated time allows for it.
 */
const PREPARE_SLACK_SEC = 300;

/**
 * Returns, for the local log, the window an entry's integrated time must lie in: not after the
 * checkpoint issued by the append that stored it (same clock, later in the same append), not long
 * before the checkpoint of the append before. Only a change that leaves the window shows; nothing
 * signs the integrated time itself (the SET is made on demand).
 */
function integratedWindows(verified: readonly VerifiedCheckpoint[]): (index: number) => { notBeforeSec: number; notAfterSec: number } | undefined {
  const issued = verified.filter((v) => v.record.source === 'issued').sort((a, b) => a.checkpoint.size - b.checkpoint.size);
  return (index) => {
    let lo = 0;
    let hi = issued.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (issued[mid]!.checkpoint.size > index) hi = mid;
      else lo = mid + 1;
    }
    const after = issued[lo];
    const before = issued[lo - 1];
    if (!after) return undefined;
    return { notBeforeSec: before ? Math.floor(before.record.createdAt / 1000) - PREPARE_SLACK_SEC : 0, notAfterSec: Math.ceil(after.record.createdAt / 1000) };
  };
}

function progress(log: LogRecord, done: number, startedMs: number | undefined, clock: Clock | undefined): AuditProgress {
  if (startedMs === undefined || !clock) return { log: log.name, done, total: log.treeSize };
  const seconds = Math.max((clock.nowMs() - startedMs) / 1000, 1e-3);
  const ratePerSec = done / seconds;
  return { log: log.name, done, total: log.treeSize, ratePerSec: Math.round(ratePerSec), etaSec: ratePerSec > 0 ? Math.ceil((log.treeSize - done) / ratePerSec) : 0 };
}

function report(name: string, log: LogRecord | undefined, tree: TreeCheckResult | undefined, findings: AuditFindings, counts: { checkpoints: number; typed: number }): AuditReport {
  return {
    ok: findings.count === 0,
    log: name,
    origin: log?.origin ?? '',
    treeSize: log?.treeSize ?? 0,
    rootHash: tree ? toHex(tree.rootHash) : '',
    entriesChecked: tree?.entriesChecked ?? 0,
    checkpointsChecked: counts.checkpoints,
    tilesChecked: tree?.tilesChecked ?? 0,
    typedEntriesChecked: counts.typed,
    problems: findings.problems,
    problemsOmitted: findings.omitted,
    notes: findings.notes,
  };
}
