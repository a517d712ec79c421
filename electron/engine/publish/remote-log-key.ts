import { createPublicKey } from 'node:crypto';
import { InputError } from '../../../shared/api/index.js';
import { parseVerifierKey } from '../../../shared/note/index.js';
import { isPemKey } from '../remote/log-verifier.js';
import { ed25519SpkiDer } from '../sigstore/index.js';
import type { LogRecord } from '../store/index.js';

/**
 * Returns a remote log's key as PEM, the form the Rekor entry verifier takes: the stored PEM of a
 * Rekor v1 log, or the Ed25519 key inside a Rekor v2 log's C2SP verifier key (Rekor v2 signs
 * checkpoints with Ed25519 note keys). InputError `key_invalid` when the remote has neither.
 */
export function remotePublicKeyPem(remote: LogRecord): string {
  const pem = remote.verifierKeys.find(isPemKey);
  if (pem) return pem;
  for (const vkey of remote.verifierKeys) {
    const verifier = parseVerifierKey(vkey);
    if (verifier.type === 'ed25519') {
      return createPublicKey({ key: Buffer.from(ed25519SpkiDer(verifier.publicKey)), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
    }
  }
  throw new InputError('key_invalid', `remote ${remote.name} has no Ed25519 or PEM log key to verify Rekor entries with`, { remote: remote.name });
}
