import { VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import { openLogCheckpoint } from '../remote/log-verifier.js';
import { decodeLogEntry, verifyLogEntryOffline } from '../sigstore/index.js';
import type { LogRecord } from '../store/index.js';
import type { PublishApi } from './publication-request.js';
import { remotePublicKeyPem } from './remote-log-key.js';

/** A remote's answer that verified: the entry is in the tree the signed checkpoint commits to. */
export interface VerifiedPublication {
  /** The entry's index in the remote log (Rekor v1: global, across shards). */
  readonly logIndex: number;
  readonly treeSize: number;
  readonly note: string;
  readonly checkpoint: Checkpoint;
}

function rejected(remote: LogRecord, message: string, cause?: unknown): VerificationError {
  return new VerificationError('publication_invalid', `${remote.name}: ${message}`, { remote: remote.name }, cause === undefined ? {} : { cause });
}

/**
 * Returns what the remote's answer proves after verifying it offline with the remote's pinned key:
 * it is the answer shape of the API used, the entry's leaf hash is `uuid` (the remote logged exactly
 * our body), SET (v1), inclusion proof, checkpoint signature and log ID all check, and the checkpoint
 * is the remote's (its key and origin, as sync checks them). VerificationError `publication_invalid`.
 */
export function verifyPublication(remote: LogRecord, api: PublishApi, answer: unknown, uuid: string): VerifiedPublication {
  let checked: ReturnType<typeof verifyLogEntryOffline>;
  let decoded: ReturnType<typeof decodeLogEntry>;
  try {
    decoded = decodeLogEntry(answer);
    checked = verifyLogEntryOffline({ entryJson: answer, publicKeyPem: remotePublicKeyPem(remote) });
  } catch (error) {
    throw rejected(remote, `the log's answer does not verify: ${isWorkbenchError(error) ? error.message : String(error)}`, error);
  }
  const expected = api === 'rekor-v1' ? 'rekor_v1' : 'transparency_log_entry';
  if (decoded.format !== expected || (api === 'rekor-v1' && decoded.uuid === undefined)) {
    throw rejected(remote, `the answer is not a ${api === 'rekor-v1' ? 'Rekor v1 {uuid: LogEntry} map' : 'Rekor v2 TransparencyLogEntry'}`);
  }
  if (checked.leafHash !== uuid) throw rejected(remote, `the log answered with entry ${checked.leafHash}, not the submitted ${uuid}`);
  let checkpoint: Checkpoint;
  try {
    checkpoint = openLogCheckpoint(remote, decoded.inclusionProof.checkpoint);
  } catch (error) {
    throw rejected(remote, `the checkpoint is not the remote's: ${isWorkbenchError(error) ? error.message : String(error)}`, error);
  }
  return { logIndex: checked.logIndex, treeSize: checked.treeSize, note: decoded.inclusionProof.checkpoint, checkpoint };
}
