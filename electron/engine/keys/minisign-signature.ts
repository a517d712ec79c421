import { sign, type KeyObject } from 'node:crypto';
import { InputError } from '../../../shared/api/errors.js';
import {
  formatMinisignSignature,
  MINISIGN_ALGORITHM_ED,
  MINISIGN_ALGORITHM_PREHASHED,
  minisignGlobalSignedData,
  minisignSignedContent,
} from '../../../shared/minisign/index.js';

/** Returns minisign's default trusted comment: `timestamp:<sec>`, then `\tfile:<name>` and `\thashed` like minisign 0.11. */
export function defaultTrustedComment(timestampSec: number, fileName: string | undefined, prehash: boolean): string {
  return `timestamp:${timestampSec}${fileName === undefined ? '' : `\tfile:${fileName}`}${prehash ? '\thashed' : ''}`;
}

/**
 * Returns a minisign signature file (`.minisig`): untrusted comment, base64 of
 * alg ‖ key id ‖ Ed25519 signature, trusted comment, and the global signature over
 * signature ‖ trusted comment, which `minisign -V` checks too. With `prehash` (the default in
 * minisign ≥ 0.8) the algorithm is `ED` and the signature covers BLAKE2b-512 of the data;
 * without, it is the legacy `Ed` over the raw data. Throws InputError `trusted_comment_invalid`
 * when the trusted comment spans lines.
 */
export function signMinisign(input: { privateKey: KeyObject; keyId: Uint8Array; data: Uint8Array; trustedComment: string; prehash: boolean }): string {
  if (/[\r\n]/.test(input.trustedComment)) {
    throw new InputError('trusted_comment_invalid', 'a minisign trusted comment must be one line', {}, { hint: 'remove line breaks from the trusted comment' });
  }
  const signature = new Uint8Array(sign(null, minisignSignedContent(input.data, input.prehash), input.privateKey));
  const globalSignature = new Uint8Array(sign(null, minisignGlobalSignedData(signature, input.trustedComment), input.privateKey));
  return formatMinisignSignature(
    {
      algorithm: input.prehash ? MINISIGN_ALGORITHM_PREHASHED : MINISIGN_ALGORITHM_ED,
      keyId: input.keyId,
      signature,
      trustedComment: input.trustedComment,
      globalSignature,
    },
    'signature from provwb secret key',
  );
}
