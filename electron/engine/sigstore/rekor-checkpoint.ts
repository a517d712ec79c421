import type { KeyObject } from 'node:crypto';
import { VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import { bytesEqual, fromBase64, toHex, utf8 } from '../../../shared/encoding/index.js';
import { parseCheckpoint, parseNote, type Checkpoint } from '../../../shared/note/index.js';
import { logIdOf, verifyLogSignature } from './log-key.js';

/** A Rekor checkpoint whose signature by the log key verified. */
export interface OpenedRekorCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The key name on the verified signature line (Rekor v1: `rekor.sigstore.dev`; v2 and ours: the origin). */
  readonly keyName: string;
  /** The log ID the key and name give (its first 4 bytes are the signature's key hint). */
  readonly logId: Uint8Array;
}

/** Options of openRekorCheckpoint. */
export interface OpenRekorCheckpointOptions {
  /** When set, only a signature line with this key name counts (the name the trusted root gives the log). */
  readonly keyName?: string;
}

function checkpointError(message: string, details: Record<string, unknown>, cause?: unknown): VerificationError {
  return new VerificationError('checkpoint_invalid', message, details, cause === undefined ? {} : { cause });
}

/**
 * Returns a Rekor checkpoint after checking the log's signature on it. The envelope is a signed
 * note (C2SP signed-note); a signature line counts when its key hint is the first 4 bytes of the
 * log ID of (`publicKey`, line name) — SHA-256(DER SPKI) for Rekor v1's ECDSA keys, the C2SP key
 * hash for Ed25519 (Rekor v2, our log) — and its signature verifies over the note text: ECDSA (DER)
 * or RSA over SHA-256 of the text, Ed25519 over the text (sigstore-js `tlog/checkpoint.ts`). Then
 * the origin must be the key name itself (C2SP) or `<name> - <tree ID>` (Rekor v1 shards).
 * Throws VerificationError `checkpoint_invalid`.
 */
export function openRekorCheckpoint(envelope: string, publicKey: KeyObject, options: OpenRekorCheckpointOptions = {}): OpenedRekorCheckpoint {
  let note: ReturnType<typeof parseNote>;
  let checkpoint: Checkpoint;
  try {
    note = parseNote(envelope);
    checkpoint = parseCheckpoint(note.text);
  } catch (error) {
    throw checkpointError(`the checkpoint does not parse: ${isWorkbenchError(error) ? error.message : String(error)}`, {}, error);
  }
  const text = utf8(note.text);
  const tried: string[] = [];
  for (const signature of note.signatures) {
    if (options.keyName !== undefined && signature.name !== options.keyName) continue;
    const raw = fromBase64(signature.base64);
    const logId = logIdOf(publicKey, signature.name);
    tried.push(`${signature.name} ${toHex(raw.subarray(0, 4))}`);
    if (!bytesEqual(raw.subarray(0, 4), logId.subarray(0, 4))) continue;
    if (!verifyLogSignature(publicKey, text, raw.subarray(4))) {
      throw checkpointError(`the checkpoint signature by ${signature.name} (key hint ${toHex(logId.subarray(0, 4))}) does not verify with the log key`, {
        keyName: signature.name,
        keyHint: toHex(logId.subarray(0, 4)),
      });
    }
    const { origin } = checkpoint;
    if (origin !== signature.name && !origin.startsWith(`${signature.name} - `)) {
      throw checkpointError(`checkpoint origin ${JSON.stringify(origin)} does not belong to log ${JSON.stringify(signature.name)}`, { origin, keyName: signature.name });
    }
    return { checkpoint, keyName: signature.name, logId };
  }
  throw checkpointError(
    `the checkpoint of ${JSON.stringify(checkpoint.origin)} has no signature by the log key${options.keyName === undefined ? '' : ` named ${options.keyName}`} (signature lines: ${tried.join(', ') || 'none'})`,
    { origin: checkpoint.origin, signatures: tried },
  );
}
