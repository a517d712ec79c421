/** Opening signed checkpoints: a signed note (openNote) whose text is a C2SP tlog-checkpoint. */

import { VerificationError } from '../api/errors.js';
import { parseCheckpoint, type Checkpoint } from './checkpoint.js';
import type { NoteSignature, NoteVerifier, VerifiedSignature } from './note-types.js';
import { openNote } from './open-note.js';

/** A checkpoint whose note verified. */
export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The note text the signatures cover. */
  readonly text: string;
  /** Verified signatures (type, and the timestamp of cosignatures and RFC 6962 signatures). */
  readonly signatures: readonly VerifiedSignature[];
  readonly unverifiedSignatures: readonly NoteSignature[];
}

/** Options of openCheckpoint. */
export interface OpenCheckpointOptions {
  /** When set, the origin line must equal it. */
  readonly origin?: string;
}

/**
 * Returns the checkpoint in a signed note after openNote verified it with `verifiers` (so at least
 * one listed key signed it), then parsed its text (C2SP tlog-checkpoint). Throws openNote's errors,
 * then malformed_checkpoint / checkpoint_size_unsupported (InputError), then origin_mismatch
 * (VerificationError) when `options.origin` is set and differs. Which keys must have signed (the
 * log's, how many witnesses) is the caller's policy, read from `signatures`.
 */
export function openCheckpoint(note: Uint8Array | string, verifiers: readonly NoteVerifier[], options: OpenCheckpointOptions = {}): OpenedCheckpoint {
  const opened = openNote(note, verifiers);
  const checkpoint = parseCheckpoint(opened.text);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new VerificationError(
      'origin_mismatch',
      `checkpoint origin ${JSON.stringify(checkpoint.origin)} is not the expected ${JSON.stringify(options.origin)}`,
      { origin: checkpoint.origin, expectedOrigin: options.origin, size: checkpoint.size },
      { hint: 'the checkpoint is from another log; check the log URL and its key' },
    );
  }
  return { checkpoint, text: opened.text, signatures: opened.signatures, unverifiedSignatures: opened.unverifiedSignatures };
}
