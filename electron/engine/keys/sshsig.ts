import { createHash, sign, type KeyObject } from 'node:crypto';
import { concatBytes, toBase64 } from '../../../shared/encoding/index.js';
import { marshalSshSignature, marshalSshsig, sshMpint, sshsigSignedData } from '../ssh/index.js';
import { keyAlgorithm } from './key-objects.js';
import { sshPublicKeyBlob } from './ssh-public-key.js';

/** The namespace `ssh-keygen -Y sign -n file` uses, and the default here. */
export const SSHSIG_FILE_NAMESPACE = 'file';

/** ssh-keygen's default message hash; PROTOCOL.sshsig allows sha256 and sha512. */
const HASH_ALGORITHM = 'sha512';
/** ssh-keygen wraps the armored signature at 70 columns. */
const LINE_WIDTH = 70;

/**
 * Returns the SSH signature (RFC 4253 §6.6 `string name ‖ string blob`) of `message`:
 * ssh-ed25519 (PureEdDSA), ecdsa-sha2-nistp256 (SHA-256, r and s as mpints, RFC 5656 §3.1.2)
 * or rsa-sha2-512 (PKCS#1 v1.5 with SHA-512, RFC 8332; what ssh-keygen uses for SSHSIG).
 */
function sshSignature(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  const algorithm = keyAlgorithm(privateKey);
  switch (algorithm) {
    case 'ed25519':
      return marshalSshSignature({ format: 'ssh-ed25519', blob: sign(null, message, privateKey) });
    case 'ecdsa-p256': {
      const rs = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return marshalSshSignature({ format: 'ecdsa-sha2-nistp256', blob: concatBytes(sshMpint(rs.subarray(0, 32)), sshMpint(rs.subarray(32))) });
    }
    case 'rsa':
      return marshalSshSignature({ format: 'rsa-sha2-512', blob: sign('sha512', message, privateKey) });
    case undefined:
      throw new Error(`bug: SSHSIG with a ${privateKey.asymmetricKeyType} key`);
  }
}

/**
 * Returns an armored SSHSIG signature (`-----BEGIN SSH SIGNATURE-----`, OpenSSH PROTOCOL.sshsig)
 * of `data` in `namespace` with a sha512 message hash: exactly what `ssh-keygen -Y sign -n
 * NAMESPACE` writes, verified by `ssh-keygen -Y verify -n NAMESPACE`. Requires an Ed25519,
 * P-256 or RSA private key whose public half is `publicKey`.
 */
export function signSshsig(input: { privateKey: KeyObject; publicKey: KeyObject; namespace: string; data: Uint8Array }): string {
  const messageHash = createHash(HASH_ALGORITHM).update(input.data).digest();
  const signedData = sshsigSignedData({ namespace: input.namespace, hashAlgorithm: HASH_ALGORITHM, messageHash });
  const blob = marshalSshsig({
    publicKey: sshPublicKeyBlob(input.publicKey),
    namespace: input.namespace,
    hashAlgorithm: HASH_ALGORITHM,
    signature: sshSignature(input.privateKey, signedData),
  });
  const base64 = toBase64(blob);
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += LINE_WIDTH) lines.push(base64.slice(i, i + LINE_WIDTH));
  return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
}
