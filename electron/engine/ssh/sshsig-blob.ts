/**
 * The SSHSIG blobs of OpenSSH PROTOCOL.sshsig: the signature blob `ssh-keygen -Y sign` armors and
 * the data its signature covers. The keyring writes them when it signs; Rekor's "ssh" format
 * rebuilds them to canonicalize and verify.
 */

import { concatBytes, utf8 } from '../../../shared/encoding/index.js';
import { sshString, sshUint32 } from './ssh-wire.js';

/** The 6-byte preamble of both blobs. */
export const SSHSIG_MAGIC = utf8('SSHSIG');
/** The only SSHSIG version. */
export const SSHSIG_VERSION = 1;

/**
 * Returns an SSH signature (RFC 4253 §6.6): `string format ‖ string blob`, then `rest` (bytes
 * x/crypto keeps after the blob; empty from a signer). A byte `format` is written as is.
 */
export function marshalSshSignature(signature: { readonly format: Uint8Array | string; readonly blob: Uint8Array; readonly rest?: Uint8Array }): Uint8Array {
  return concatBytes(sshString(signature.format), sshString(signature.blob), signature.rest ?? new Uint8Array(0));
}

/**
 * Returns the data an SSHSIG signature signs: magic ‖ string namespace ‖ string reserved (empty) ‖
 * string hash algorithm ‖ string H(message).
 */
export function sshsigSignedData(input: { readonly namespace: string; readonly hashAlgorithm: string; readonly messageHash: Uint8Array }): Uint8Array {
  return concatBytes(SSHSIG_MAGIC, sshString(input.namespace), sshString(''), sshString(input.hashAlgorithm), sshString(input.messageHash));
}

/**
 * Returns the SSHSIG blob (before armor): magic ‖ uint32 version 1 ‖ string public key blob ‖
 * string namespace ‖ string reserved (empty) ‖ string hash algorithm ‖ string signature.
 */
export function marshalSshsig(input: { readonly publicKey: Uint8Array; readonly namespace: string; readonly hashAlgorithm: string; readonly signature: Uint8Array }): Uint8Array {
  return concatBytes(
    SSHSIG_MAGIC,
    sshUint32(SSHSIG_VERSION),
    sshString(input.publicKey),
    sshString(input.namespace),
    sshString(''),
    sshString(input.hashAlgorithm),
    sshString(input.signature),
  );
}
