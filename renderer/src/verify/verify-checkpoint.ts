import { formatKeyId, openCheckpoint, parseVerifierKey, type Checkpoint, type NoteVerifier } from '../../../shared/note/index.js';
import { messageOf, type Check } from './checks.js';

export interface CheckpointVerification {
  /** Signature by one of the log's keys, and the origin line. */
  readonly check: Check;
  /** The checkpoint, only when its signature verified. */
  readonly checkpoint: Checkpoint | undefined;
  /** `name keyid` of each log key that signed. */
  readonly signers: readonly string[];
}

/** Returns the verifiers of the log's keys that this build can parse (the others are named in `problems`). */
export function parseLogKeys(verifierKeys: readonly string[]): { verifiers: NoteVerifier[]; problems: string[] } {
  const verifiers: NoteVerifier[] = [];
  const problems: string[] = [];
  for (const key of verifierKeys) {
    try {
      verifiers.push(parseVerifierKey(key));
    } catch (error) {
      problems.push(`${key.split('+')[0] ?? key}: ${messageOf(error)}`);
    }
  }
  return { verifiers, problems };
}

/**
 * Verifies a signed checkpoint note in the page: a signature by one of `verifierKeys`, then the
 * C2SP checkpoint body with `origin` as its first line. Never throws.
 */
export function verifyCheckpointNote(note: string | null, verifierKeys: readonly string[], origin: string, label = 'Checkpoint signature'): CheckpointVerification {
  if (note === null) {
    return { check: { id: 'checkpoint', label, status: 'fail', detail: 'the log stored no signed checkpoint for this tree size' }, checkpoint: undefined, signers: [] };
  }
  const { verifiers, problems } = parseLogKeys(verifierKeys);
  if (verifiers.length === 0) {
    const why = problems.length > 0 ? `: ${problems.join('; ')}` : '';
    return { check: { id: 'checkpoint', label, status: 'fail', detail: `the log has no usable verifier key${why}` }, checkpoint: undefined, signers: [] };
  }
  try {
    const opened = openCheckpoint(note, verifiers, { origin });
    const signers = opened.signatures.map((s) => `${s.name} ${formatKeyId(s.keyId)}`);
    return {
      check: { id: 'checkpoint', label, status: 'pass', detail: `signed by ${signers.join(', ')}; origin ${opened.checkpoint.origin}, tree size ${opened.checkpoint.size}` },
      checkpoint: opened.checkpoint,
      signers,
    };
  } catch (error) {
    return { check: { id: 'checkpoint', label, status: 'fail', detail: messageOf(error) }, checkpoint: undefined, signers: [] };
  }
}
