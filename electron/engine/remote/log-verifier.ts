import { createPublicKey } from 'node:crypto';
import { InputError, VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import { openCheckpoint, parseVerifierKey, type Checkpoint } from '../../../shared/note/index.js';
import { openRekorCheckpoint } from '../sigstore/rekor-checkpoint.js';

/**
 * How a log's checkpoints are verified. A log row's `verifier_keys` holds strings of two forms:
 * a C2SP verifier key (`name+hash+base64`: Ed25519, cosignature or RFC 6962 note keys — our logs,
 * tlog-tiles logs, Rekor v2, the Go checksum database) or a PEM public key (`-----BEGIN PUBLIC KEY-----`:
 * a Rekor v1 log, whose checkpoints carry the key hint of SHA-256(DER SPKI)).
 */
export interface LogVerifierSpec {
  readonly origin: string;
  readonly verifierKeys: readonly string[];
}

/** Returns true when the stored verifier key is a PEM public key (a Rekor v1 log key). */
export function isPemKey(key: string): boolean {
  return key.trimStart().startsWith('-----BEGIN');
}

/** Checks a verifier key string as `remote add` receives it; returns it normalised. InputError when neither form parses. */
export function normaliseVerifierKey(key: string): string {
  try {
    if (isPemKey(key)) {
      return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
    }
    parseVerifierKey(key.trim());
    return key.trim();
  } catch (error) {
    throw new InputError('key_invalid', `the log key is neither a C2SP verifier key (name+hash+base64) nor a PEM public key: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
  }
}

/**
 * Returns the checkpoint of `note` after checking that one of the log's keys signed it and that its
 * origin is the log's (any origin while the log's is not yet pinned: ''). Throws VerificationError (checkpoint_invalid / origin_mismatch / signature errors).
 */
export function openLogCheckpoint(log: LogVerifierSpec, note: string): Checkpoint {
  const vkeys = log.verifierKeys.filter((k) => !isPemKey(k));
  const pems = log.verifierKeys.filter(isPemKey);
  const failures: string[] = [];
  if (vkeys.length > 0) {
    try {
      return openCheckpoint(note, vkeys.map(parseVerifierKey), log.origin === '' ? {} : { origin: log.origin }).checkpoint;
    } catch (error) {
      if (pems.length === 0) throw error;
      failures.push(isWorkbenchError(error) ? error.message : String(error));
    }
  }
  for (const pem of pems) {
    try {
      const { checkpoint } = openRekorCheckpoint(note, createPublicKey(pem));
      if (log.origin !== '' && checkpoint.origin !== log.origin) {
        throw new VerificationError('origin_mismatch', `checkpoint origin ${JSON.stringify(checkpoint.origin)} is not the expected ${JSON.stringify(log.origin)}`, { origin: checkpoint.origin, expectedOrigin: log.origin });
      }
      return checkpoint;
    } catch (error) {
      failures.push(isWorkbenchError(error) ? error.message : String(error));
    }
  }
  throw new VerificationError('checkpoint_invalid', `no key of log ${JSON.stringify(log.origin)} verifies the checkpoint: ${failures.join('; ') || 'the log has no keys'}`, { origin: log.origin });
}
