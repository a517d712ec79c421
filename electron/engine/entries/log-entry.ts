import type { RekorLogEntryDto, RekorLogEntryMap } from '../../../shared/api/index.js';
import { NotFoundError, VerificationError } from '../../../shared/api/index.js';
import { bytesEqual, toBase64, toHex } from '../../../shared/encoding/index.js';
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
  const stored = view.entry(index, head);
  if (!stored || stored.kind === null || stored.integratedTime === null) {
    throw new NotFoundError('entry_not_found', `the local log has no typed entry at index ${index}`, { logIndex: index });
  }
  const { checkpoint } = signedHead(head);
  const proof = view.proveInclusion(index, head.record.treeSize);
  // Never answer for (or sign) a body that is not the one the tree committed to.
  if (!bytesEqual(nodeHasher.hashLeaf(stored.body), proof.leafHash)) {
    throw new VerificationError('entry_corrupt', `the stored body of entry ${index} does not hash to its leaf ${toHex(proof.leafHash)}; run provwb audit local`, { logIndex: index });
  }
  return { stored: stored as ProvenEntry['stored'], proof, checkpoint };
}

/**
 * Returns entry `index` of the local log as Rekor v1 answers it: `{uuid: LogEntry}` with an inclusion
 * proof in the current tree, that tree's signed checkpoint, and the SET. Only typed entries have one.
 */
export function rekorLogEntry(ctx: LogEntryContext, index: number): RekorLogEntryMap {
  const { stored, proof, checkpoint } = provenEntry(ctx, index);
  const base = { body: toBase64(stored.body), integratedTime: stored.integratedTime, logID: ctx.logIdHex, logIndex: index };
  const entry: RekorLogEntryDto = {
    ...base,
    verification: {
      inclusionProof: {
        checkpoint: checkpoint.note,
        hashes: proof.hashes.map(toHex),
        logIndex: index,
        rootHash: toHex(proof.rootHash),
        treeSize: proof.treeSize,
      },
      // The SET signed at integration; entries integrated before SETs were kept get theirs signed
      // now (Ed25519 is deterministic: the same bytes).
      signedEntryTimestamp: toBase64(stored.signedEntryTimestamp ?? ctx.signer.sign(setPayload(base))),
    },
  };
  return { [toHex(proof.leafHash)]: entry };
}
