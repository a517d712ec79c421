import { InputError, UsageError, VerificationError } from '../../../shared/api/index.js';
import { formatKeyId, parseVerifierKey, type NoteVerifier, type OpenedCheckpoint, type VerifiedSignature } from '../../../shared/note/index.js';

/** A trust policy for a checkpoint: the log's keys, the witnesses, and how many must cosign. */
export interface WitnessPolicy {
  readonly logVerifiers: readonly NoteVerifier[];
  readonly witnessVerifiers: readonly NoteVerifier[];
  readonly threshold: number;
}

/** A witness that cosigned, with the time its cosignature/v1 attests to. */
export interface Cosignature {
  readonly name: string;
  readonly keyId: string;
  /** Unix seconds. */
  readonly timestamp: number;
}

/**
 * Returns the policy of `verify checkpoint`: witness vkeys must be cosignature/v1 keys (C2SP
 * tlog-cosignature, type 0x04), and the threshold defaults to all of them. UsageError for a
 * threshold outside 1..witnesses or without witnesses; InputError `witness_key_invalid`.
 */
export function witnessPolicy(logVkeys: readonly string[], witnessVkeys: readonly string[], threshold: number | undefined): WitnessPolicy {
  if (threshold !== undefined && (witnessVkeys.length === 0 || threshold < 1 || threshold > witnessVkeys.length)) {
    throw new UsageError('bad_option', `--witness-threshold must be between 1 and the number of --witness-vkey keys (${witnessVkeys.length}), not ${threshold}`);
  }
  const witnessVerifiers = witnessVkeys.map((vkey) => {
    const verifier = parseVerifierKey(vkey);
    if (verifier.type !== 'cosignature/v1') {
      throw new InputError('witness_key_invalid', `witness key ${verifier.name}+${formatKeyId(verifier.keyId)} is an ${verifier.type} key, not a cosignature/v1 (0x04) key`, { name: verifier.name }, { hint: 'give the witness’s vkey as `provwb witness key` or the witness operator publishes it' });
    }
    return verifier;
  });
  return { logVerifiers: logVkeys.map(parseVerifierKey), witnessVerifiers, threshold: threshold ?? witnessVerifiers.length };
}

const signedBy = (s: VerifiedSignature, keys: readonly NoteVerifier[]) => keys.some((k) => k.name === s.name && k.keyId === s.keyId);

/**
 * Returns the witnesses' cosignatures on an opened checkpoint (opened with log and witness keys)
 * after checking the policy: a log key signed it and at least `threshold` distinct witnesses
 * cosigned. VerificationError `log_signature_missing` / `witness_threshold_unmet`.
 */
export function checkWitnessPolicy(opened: OpenedCheckpoint, policy: WitnessPolicy): Cosignature[] {
  if (!opened.signatures.some((s) => signedBy(s, policy.logVerifiers))) {
    throw new VerificationError('log_signature_missing', `the checkpoint of ${opened.checkpoint.origin} at size ${opened.checkpoint.size} is cosigned, but not signed by the log key`, { origin: opened.checkpoint.origin });
  }
  const cosigned = opened.signatures
    .filter((s) => signedBy(s, policy.witnessVerifiers))
    .map((s) => ({ name: s.name, keyId: formatKeyId(s.keyId), timestamp: s.timestampSec ?? 0 }));
  if (cosigned.length < policy.threshold) {
    const missing = policy.witnessVerifiers.filter((w) => !cosigned.some((c) => c.name === w.name && c.keyId === formatKeyId(w.keyId))).map((w) => w.name);
    throw new VerificationError(
      'witness_threshold_unmet',
      `${cosigned.length} of ${policy.witnessVerifiers.length} witnesses cosigned the checkpoint at size ${opened.checkpoint.size}, ${policy.threshold} required (missing: ${missing.join(', ')})`,
      { cosigned: cosigned.map((c) => c.name), missing, threshold: policy.threshold },
    );
  }
  return cosigned;
}
