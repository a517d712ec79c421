import type { RekorLogEntryDto, RekorLogEntryMap } from '../../../shared/api/index.js';
import { NotFoundError, VerificationError } from '../../../shared/api/index.js';
import { toHex } from '../../../shared/encoding/index.js';
import { HASH_SIZE } from '../../../shared/merkle/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { NoteSigner } from '../../../shared/note/index.js';
import { LogReadView, setPayload, signedHead, type InclusionProof, type LocalLog } from '../log/index.js';
import type { CheckpointRecord, Store, StoredEntry } from '../store/index.js';

/** What building a Rekor LogEntry needs from the workbench. */
export interface LogEntryContext {
  readonly store: Store;
  readonly log: LocalLog;
  /** The log's Ed25519 note signer: it also signs SETs. */
  readonly signer: NoteSigner;
  readonly logIdHex: string;
  /** Where reads go; a server keeps one with its caches (default: a fresh view, straight to SQLite). */
  readonly view?: LogReadView;
}

/** A typed entry with its inclusion proof in the current tree and that tree's signed checkpoint. */
export interface ProvenEntry {
  readonly stored: StoredEntry & { readonly kind: string; readonly integratedTime: number };
  readonly proof: InclusionProof;
  readonly checkpoint: CheckpointRecord;
}

/**
 * Returns typed entry `index` of the local log with its inclusion proof in the current tree and
 * that tree's checkpoint, after checking the stored body still hashes to its leaf. Throws
 * NotFoundError for an untyped or absent entry, VerificationError('entry_corrupt').
 */
export function provenEntry(ctx: LogEntryContext, index: number): ProvenEntry {
  const view = ctx.view ?? new LogReadView({ store: ctx.store, log: ctx.log, hasher: nodeHasher });
  const head = view.head();
  const checked = view.checkedEntry(index, head);
  if (!checked || checked.stored.kind === null || checked.stored.integratedTime === null) {
    throw new NotFoundError('entry_not_found', `the local log has no typed entry at index ${index}`, { logIndex: index });
  }
  const { stored } = checked;
  const { checkpoint } = signedHead(head);
  // Never answer for (or sign) a body that is not the one the tree committed to.
  if (!checked.matchesLeaf) {
    throw new VerificationError('entry_corrupt', `the stored body of entry ${index} does not hash to its leaf ${toHex(checked.leafHash)}; run provwb audit local`, { logIndex: index });
  }
  const proof = view.proveInclusion(index, head.record.treeSize);
  return { stored: stored as ProvenEntry['stored'], proof, checkpoint };
}

/** A Rekor LogEntry's values, as the strings and numbers its JSON holds. */
interface LogEntryParts {
  readonly uuid: string;
  readonly body: string;
  readonly integratedTime: number;
  readonly logID: string;
  readonly logIndex: number;
  readonly checkpoint: string;
  readonly hashes: readonly string[];
  readonly rootHash: string;
  readonly treeSize: number;
  readonly signedEntryTimestamp: string;
}

function logEntryParts(ctx: LogEntryContext, index: number): LogEntryParts {
  const { stored, proof, checkpoint } = provenEntry(ctx, index);
  const hex = hexOfHashes([proof.leafHash, proof.rootHash, ...proof.hashes]);
  const body = base64Of(stored.body);
  // The SET signed at integration; entries integrated before SETs were kept get theirs signed now
  // (Ed25519 is deterministic: the same bytes).
  const set = stored.signedEntryTimestamp ?? ctx.signer.sign(setPayload({ body, integratedTime: stored.integratedTime, logID: ctx.logIdHex, logIndex: index }));
  return {
    uuid: hex[0]!,
    body,
    integratedTime: stored.integratedTime,
    logID: ctx.logIdHex,
    logIndex: index,
    checkpoint: checkpoint.note,
    hashes: hex.slice(2),
    rootHash: hex[1]!,
    treeSize: proof.treeSize,
    signedEntryTimestamp: base64Of(set),
  };
}

/**
 * Returns entry `index` of the local log as Rekor v1 answers it: `{uuid: LogEntry}` with an inclusion
 * proof in the current tree, that tree's signed checkpoint, and the SET. Only typed entries have one.
 */
export function rekorLogEntry(ctx: LogEntryContext, index: number): RekorLogEntryMap {
  const p = logEntryParts(ctx, index);
  const entry: RekorLogEntryDto = {
    body: p.body,
    integratedTime: p.integratedTime,
    logID: p.logID,
    logIndex: p.logIndex,
    verification: {
      inclusionProof: { checkpoint: p.checkpoint, hashes: p.hashes, logIndex: p.logIndex, rootHash: p.rootHash, treeSize: p.treeSize },
      signedEntryTimestamp: p.signedEntryTimestamp,
    },
  };
  return { [p.uuid]: entry };
}

/**
 * Returns `JSON.stringify(rekorLogEntry(ctx, index))`, written directly: a server answers it
 * thousands of times a second, and all its strings but the checkpoint are hex or base64 (nothing to
 * escape).
 */
export function rekorLogEntryJson(ctx: LogEntryContext, index: number): string {
  const p = logEntryParts(ctx, index);
  return (
    `{"${p.uuid}":{"body":"${p.body}","integratedTime":${p.integratedTime},"logID":"${p.logID}","logIndex":${p.logIndex},` +
    `"verification":{"inclusionProof":{"checkpoint":${JSON.stringify(p.checkpoint)},"hashes":[${p.hashes.length === 0 ? '' : `"${p.hashes.join('","')}"`}],` +
    `"logIndex":${p.logIndex},"rootHash":"${p.rootHash}","treeSize":${p.treeSize}},"signedEntryTimestamp":"${p.signedEntryTimestamp}"}}}`
  );
}

/** Returns standard base64 of `bytes` (node's native encoder: ~3× the pure one on entry bodies). */
function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Returns the lowercase hex of each 32-byte hash, encoded in one native call. */
function hexOfHashes(hashes: readonly Uint8Array[]): string[] {
  const all = Buffer.allocUnsafe(hashes.length * HASH_SIZE);
  for (let i = 0; i < hashes.length; i++) all.set(hashes[i]!, i * HASH_SIZE);
  const hex = all.toString('hex');
  const out = new Array<string>(hashes.length);
  for (let i = 0; i < hashes.length; i++) out[i] = hex.slice(i * 2 * HASH_SIZE, (i + 1) * 2 * HASH_SIZE);
  return out;
}
