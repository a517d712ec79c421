import { formatKeyId, openCheckpoint } from '../../../shared/note/index.js';
import { parseLogKeys } from './verify-checkpoint.js';

/** A witness cosignature the page verified itself. */
export interface VerifiedCosignature {
  readonly name: string;
  readonly keyId: string;
  /** The time the witness attests to (Unix seconds). */
  readonly timestampSec: number;
}

/**
 * Returns the cosignature/v1 signatures on a checkpoint note that verify with one of `witnessKeys`
 * (C2SP tlog-cosignature); none when no witness key verifies any. Never throws. The log's own
 * signature is checked separately (verifyCheckpointNote): a cosignature alone proves nothing.
 */
export function verifyCosignatures(note: string, witnessKeys: readonly string[]): VerifiedCosignature[] {
  const { verifiers } = parseLogKeys(witnessKeys);
  if (verifiers.length === 0) return [];
  try {
    return openCheckpoint(note, verifiers)
      .signatures.filter((s) => s.type === 'cosignature/v1')
      .map((s) => ({ name: s.name, keyId: formatKeyId(s.keyId), timestampSec: s.timestampSec ?? 0 }));
  } catch {
    return [];
  }
}
