/**
 * Rekor's "ssh" signatures (`pkg/pki/ssh/{encode,verify,sign,ssh}.go`): OpenSSH SSHSIG (PROTOCOL.sshsig)
 * in "SSH SIGNATURE" PEM, namespace "file" only, hash "sha256" or "sha512" on input. The canonical
 * value re-armors the signature with Go's PEM writer, the embedded public key re-marshalled, an
 * empty reserved field and the hash algorithm always written as "sha512" — and Rekor verifies that
 * canonical form, so only SHA-512 SSHSIGs (ssh-keygen's default) verify. The key that verifies is
 * the one submitted, not the one embedded in the signature.
 */

import { createHash } from 'node:crypto';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { marshalSshPublicKey, marshalSshSignature, marshalSshsig, SshReader, SshWireError, sshsigSignedData } from '../../ssh/index.js';
import { byteString, bytesOfByteString, decodePem, encodePem } from './go-pem.js';
import { parseSshPublicKeyBlob, SshKeyError, verifySshSignature, type SshPublicKey, type SshSignatureBlob } from './ssh-public-key.js';

/** The namespace Rekor requires and signs with. */
export const SSH_NAMESPACE = 'file';
const MAGIC = 'SSHSIG';
const CANONICAL_HASH = 'sha512';

/** A decoded SSHSIG. */
export interface SshSignature {
  readonly signature: SshSignatureBlob;
  readonly publicKey: SshPublicKey;
  readonly hashAlgorithm: string;
  readonly canonical: Uint8Array;
}

function malformed(message: string, cause?: unknown): InputError {
  return new InputError('signature_malformed', `invalid SSH signature: ${message}`, undefined, cause === undefined ? {} : { cause });
}

function armor(signature: SshSignatureBlob, publicKey: SshPublicKey): Uint8Array {
  const wrapped = marshalSshsig({
    publicKey: marshalSshPublicKey(publicKey),
    namespace: SSH_NAMESPACE,
    hashAlgorithm: CANONICAL_HASH,
    // The format is a Go string read from untrusted bytes: write back the same bytes.
    signature: marshalSshSignature({ format: bytesOfByteString(signature.format), blob: signature.blob, rest: signature.rest }),
  });
  return encodePem('SSH SIGNATURE', wrapped);
}

/**
 * Returns the SSHSIG in `bytes` (`ssh.Decode`), or throws InputError('signature_malformed') —
 * or VerificationError('signature_namespace_mismatch') for a signature made for another namespace.
 */
export function parseSshSignature(bytes: Uint8Array): SshSignature {
  const pem = decodePem(bytes);
  if (!pem) throw malformed('unable to decode pem file');
  if (pem.block.type !== 'SSH SIGNATURE') throw malformed(`wrong pem block type: ${pem.block.type}. Expected SSH-SIGNATURE`);
  try {
    const r = new SshReader(pem.block.bytes);
    const magic = byteString(r.take(6));
    const version = r.uint32();
    const publicKeyBlob = r.bytes();
    const namespace = byteString(r.bytes());
    r.bytes();
    const hashAlgorithm = byteString(r.bytes());
    const signatureBlob = r.bytes();
    r.assertEnd();
    if (version !== 1) throw malformed(`unsupported signature version: ${version}`);
    if (magic !== MAGIC) throw malformed(`invalid magic header: ${JSON.stringify(magic)}`);
    if (namespace !== SSH_NAMESPACE) {
      throw new VerificationError('signature_namespace_mismatch', `the SSH signature is for namespace ${JSON.stringify(namespace)}; Rekor verifies namespace "file"`, { namespace }, { hint: 'sign with `ssh-keygen -Y sign -n file`' });
    }
    if (hashAlgorithm !== 'sha256' && hashAlgorithm !== 'sha512') throw malformed(`unsupported hash algorithm: ${hashAlgorithm}`);
    const s = new SshReader(signatureBlob);
    const signature: SshSignatureBlob = { format: byteString(s.bytes()), blob: s.bytes().slice(), rest: s.rest().slice() };
    const publicKey = parseSshPublicKeyBlob(publicKeyBlob);
    return { signature, publicKey, hashAlgorithm, canonical: armor(signature, publicKey) };
  } catch (error) {
    if (error instanceof SshWireError || error instanceof SshKeyError) throw malformed(error.message, error);
    throw error;
  }
}

/**
 * Verifies as Rekor's `ssh.Verify` on the canonical signature: SHA-512 of the content in the SSHSIG
 * wrapper for namespace "file", checked with `key`. Throws VerificationError('signature_invalid').
 */
export function verifySshFileSignature(signature: SshSignature, key: SshPublicKey, content: Uint8Array): void {
  const messageHash = new Uint8Array(createHash(CANONICAL_HASH).update(content).digest());
  const signed = sshsigSignedData({ namespace: SSH_NAMESPACE, hashAlgorithm: CANONICAL_HASH, messageHash });
  if (!verifySshSignature(key, signed, signature.signature)) {
    const detail = signature.hashAlgorithm === CANONICAL_HASH ? '' : ` (it was made over ${signature.hashAlgorithm}; Rekor verifies the canonical sha512 form only)`;
    throw new VerificationError('signature_invalid', `the SSH signature (${signature.signature.format}) does not verify with the ${key.type} key${detail}`, { format: signature.signature.format, hashAlgorithm: signature.hashAlgorithm });
  }
}
