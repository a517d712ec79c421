import { concatBytes } from '../../../shared/encoding/index.js';
import { sshMpint, sshString } from './ssh-wire.js';

/** The NIST curves of OpenSSH ECDSA keys, by their wire names. */
export type SshEcdsaCurveName = 'nistp256' | 'nistp384' | 'nistp521';

/** The fields of an SSH public key blob, as each key type's wire format lists them. */
export type SshPublicKeyFields =
  | { readonly type: 'ssh-rsa'; readonly e: Uint8Array | bigint; readonly n: Uint8Array | bigint }
  | { readonly type: 'ssh-ed25519'; /** The 32-byte key. */ readonly key: Uint8Array }
  | { readonly type: `ecdsa-sha2-${SshEcdsaCurveName}`; /** The uncompressed SEC 1 point. */ readonly point: Uint8Array };

/**
 * Returns the SSH public key blob (x/crypto's `key.Marshal()`): `string type` then the type's
 * fields — mpint e, mpint n (RFC 4253 §6.6); string key (RFC 8709); string curve, string point
 * (RFC 5656 §3.1). The blob is what key lines base64 and what fingerprints hash.
 */
export function marshalSshPublicKey(key: SshPublicKeyFields): Uint8Array {
  switch (key.type) {
    case 'ssh-rsa':
      return concatBytes(sshString(key.type), sshMpint(key.e), sshMpint(key.n));
    case 'ssh-ed25519':
      return concatBytes(sshString(key.type), sshString(key.key));
    default:
      return concatBytes(sshString(key.type), sshString(key.type.slice('ecdsa-sha2-'.length)), sshString(key.point));
  }
}
