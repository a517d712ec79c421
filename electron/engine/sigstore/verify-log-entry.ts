import { VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import { canonicalJsonBytes } from '../../../shared/canonical/index.js';
import { bytesEqual, toBase64, toHex } from '../../../shared/encoding/index.js';
import { verifyInclusion } from '../../../shared/merkle/index.js';
import { nodeHasher } from '../crypto/index.js';
import { decodeLogEntry, type DecodedLogEntry } from './log-entry-json.js';
import { logIdOf, publicKeyFromPem, verifyLogSignature } from './log-key.js';
import { openRekorCheckpoint } from './rekor-checkpoint.js';

/** The input of verifyLogEntryOffline. */
export interface VerifyLogEntryInput {
  /** A Rekor v1 `LogEntry` answer or a Rekor v2 `TransparencyLogEntry`, parsed JSON. */
  readonly entryJson: unknown;
  /** The log's public key, PEM SPKI: ECDSA (Rekor v1) or Ed25519 (Rekor v2, our log). */
  readonly publicKeyPem: string;
}

/** What verifyLogEntryOffline checked; `skip` where the entry has nothing to check. */
export interface LogEntryChecks {
  /** Rekor v1: the map key is the leaf hash (optionally after a 16-hex-digit tree ID). */
  readonly uuid: 'pass' | 'skip';
  readonly set: 'pass' | 'skip';
  readonly inclusion_proof: 'pass';
  readonly checkpoint: 'pass';
  readonly log_id: 'pass';
}

/** The result of verifyLogEntryOffline (it throws instead of returning a failure). */
export interface VerifyLogEntryResult {
  readonly ok: true;
  readonly format: DecodedLogEntry['format'];
  readonly logIndex: number;
  /** Lowercase hex RFC 6962 leaf hash of the body. */
  readonly leafHash: string;
  readonly logId: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** The checkpoint's origin. */
  readonly origin: string;
  readonly checks: LogEntryChecks;
}

function fail(check: keyof LogEntryChecks, code: string, message: string, details: Record<string, unknown> = {}, cause?: unknown): VerificationError {
  return new VerificationError(code, message, { check, ...details }, cause === undefined ? {} : { cause });
}

function checkUuid(entry: DecodedLogEntry, leafHash: string): 'pass' | 'skip' {
  if (entry.uuid === undefined) return 'skip';
  // Rekor v1 shards prefix the leaf hash with the 8-byte tree ID.
  if ((entry.uuid.length === 64 || entry.uuid.length === 80) && entry.uuid.endsWith(leafHash)) return 'pass';
  throw fail('uuid', 'uuid_mismatch', `entry uuid ${entry.uuid} does not end with the body's leaf hash ${leafHash}`, { uuid: entry.uuid, leafHash });
}

/**
 * Returns what a Rekor log entry proves, checked offline with only the log's public key: the uuid
 * (v1), the SET over canonical {body, integratedTime, logID, logIndex} when there is one (always in
 * v1, never in v2), the RFC 6962 inclusion proof of the body's leaf hash against rootHash, the
 * checkpoint — signed by the key (Rekor v1: key hint = logID[:4], ECDSA over the note text; Ed25519:
 * the C2SP note signature), its origin the log's, its size and root the proof's — and that the
 * logID derives from the key. Throws VerificationError naming the failed check in `details.check`
 * (`uuid_mismatch`, `set_invalid`, `inclusion_proof_invalid`, `checkpoint_invalid`,
 * `log_id_mismatch`), InputError `entry_malformed` or `key_invalid`.
 */
export function verifyLogEntryOffline(input: VerifyLogEntryInput): VerifyLogEntryResult {
  const key = publicKeyFromPem(input.publicKeyPem);
  const entry = decodeLogEntry(input.entryJson);
  const leafHash = nodeHasher.hashLeaf(entry.body);
  const leafHashHex = toHex(leafHash);
  const uuid = checkUuid(entry, leafHashHex);

  let set: 'pass' | 'skip' = 'skip';
  if (entry.signedEntryTimestamp !== undefined) {
    const payload = canonicalJsonBytes({ body: toBase64(entry.body), integratedTime: entry.integratedTime ?? 0, logID: toHex(entry.logId), logIndex: entry.logIndex });
    if (!verifyLogSignature(key, payload, entry.signedEntryTimestamp)) {
      throw fail('set', 'set_invalid', `the SET of entry ${entry.logIndex} does not verify with the given log key`, { logIndex: entry.logIndex });
    }
    set = 'pass';
  }

  const proof = entry.inclusionProof;
  try {
    verifyInclusion(proof.logIndex, proof.treeSize, leafHash, proof.hashes, proof.rootHash, nodeHasher);
  } catch (error) {
    throw fail('inclusion_proof', 'inclusion_proof_invalid', `entry ${entry.logIndex}: ${isWorkbenchError(error) ? error.message : String(error)}`, isWorkbenchError(error) ? { ...error.details } : {}, error);
  }

  let opened: ReturnType<typeof openRekorCheckpoint>;
  try {
    opened = openRekorCheckpoint(proof.checkpoint, key);
  } catch (error) {
    throw fail('checkpoint', 'checkpoint_invalid', isWorkbenchError(error) ? error.message : String(error), isWorkbenchError(error) ? { ...error.details } : {}, error);
  }
  const { checkpoint } = opened;
  if (checkpoint.size !== proof.treeSize || !bytesEqual(checkpoint.rootHash, proof.rootHash)) {
    throw fail('checkpoint', 'checkpoint_invalid', `the checkpoint is for size ${checkpoint.size} with root ${toHex(checkpoint.rootHash)}, the proof for size ${proof.treeSize} with root ${toHex(proof.rootHash)}`, {
      checkpointSize: checkpoint.size,
      treeSize: proof.treeSize,
    });
  }

  const derived = logIdOf(key, opened.keyName);
  if (!bytesEqual(derived, entry.logId)) {
    throw fail('log_id', 'log_id_mismatch', `log ID ${toHex(entry.logId)} of the entry is not ${toHex(derived)}, the log ID of the given key${key.asymmetricKeyType === 'ed25519' ? ` named ${opened.keyName}` : ''}`, {
      logID: toHex(entry.logId),
      expectedLogID: toHex(derived),
    });
  }

  return {
    ok: true,
    format: entry.format,
    logIndex: entry.logIndex,
    leafHash: leafHashHex,
    logId: toHex(entry.logId),
    treeSize: proof.treeSize,
    rootHash: toHex(proof.rootHash),
    origin: checkpoint.origin,
    checks: { uuid, set, inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass' },
  };
}
