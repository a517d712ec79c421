import { sign, type KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import { InputError } from '../../../shared/api/errors.js';
import { concatBytes, toBase64, utf8 } from '../../../shared/encoding/index.js';

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
  const message = input.prehash ? blake2b(input.data, { dkLen: 64 }) : input.data;
  const signature = new Uint8Array(sign(null, message, input.privateKey));
  const global = new Uint8Array(sign(null, concatBytes(signature, utf8(input.trustedComment)), input.privateKey));
  return [
    'untrusted comment: signature from provwb secret key',
    toBase64(concatBytes(utf8(input.prehash ? 'ED' : 'Ed'), input.keyId, signature)),
    `trusted comment: ${input.trustedComment}`,
    toBase64(global),
    '',
  ].join('\n');
}
