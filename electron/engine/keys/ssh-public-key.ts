import { createHash, type KeyObject } from 'node:crypto';
import { toBase64, tryFromBase64 } from '../../../shared/encoding/index.js';
import { marshalSshPublicKey, SshReader, type SshWireProblem } from '../ssh/index.js';
import { keyInvalid, keyUnsupported } from './key-errors.js';
import { keyAlgorithm, ed25519PublicKey, ed25519Raw, p256Point, p256PublicKey, rsaPublicKey, rsaPublicParams, type KeyAlgorithm } from './key-objects.js';

/** The keyring's OpenSSH key types. */
export type SshKeyType = 'ssh-ed25519' | 'ssh-ecdsa-p256' | 'ssh-rsa';

/** OpenSSH's name of each type, as in key lines and key blobs (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709). */
const WIRE_NAMES: Readonly<Record<SshKeyType, string>> = {
  'ssh-ed25519': 'ssh-ed25519',
  'ssh-ecdsa-p256': 'ecdsa-sha2-nistp256',
  'ssh-rsa': 'ssh-rsa',
};

/** Smallest RSA modulus accepted; OpenSSH 9 itself refuses keys under 1024 bits. */
const MIN_RSA_BITS = 2048;

const UNSUPPORTED_HINT = 'use an ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa key (`ssh-keygen -t ed25519`)';

/** A parsed OpenSSH public key. */
export interface SshPublicKey {
  readonly type: SshKeyType;
  /** The key blob: what the line's base64 holds and what fingerprints hash. */
  readonly blob: Uint8Array;
  readonly publicKey: KeyObject;
  readonly comment: string;
}

// The keyring names the byte where key data went wrong; Rekor's "ssh" format keeps x/crypto's words.
function describeWireProblem(problem: SshWireProblem): string {
  switch (problem.kind) {
    case 'truncated':
      return `truncated at byte ${problem.offset}`;
    case 'not_utf8':
      return `string at byte ${problem.offset} is not UTF-8`;
    case 'negative_mpint':
      return 'negative mpint';
    case 'trailing':
      return `${problem.count} unexpected trailing bytes`;
  }
}

/** Returns a reader of OpenSSH key data that throws InputError `key_invalid` naming `what` (`OpenSSH public`) for bad wire data. */
export function sshKeyReader(bytes: Uint8Array, what: string): SshReader {
  return new SshReader(bytes, (problem) => keyInvalid(what, describeWireProblem(problem)));
}

/** Returns the OpenSSH type of a key algorithm. */
export function sshKeyTypeOf(algorithm: KeyAlgorithm): SshKeyType {
  return algorithm === 'ed25519' ? 'ssh-ed25519' : algorithm === 'ecdsa-p256' ? 'ssh-ecdsa-p256' : 'ssh-rsa';
}

/** Returns OpenSSH's wire name of a type (`ecdsa-sha2-nistp256` for `ssh-ecdsa-p256`). */
export function sshWireName(type: SshKeyType): string {
  return WIRE_NAMES[type];
}

/** Returns the OpenSSH key blob of a public key (Ed25519, P-256 or RSA). */
export function sshPublicKeyBlob(publicKey: KeyObject): Uint8Array {
  const algorithm = keyAlgorithm(publicKey);
  switch (algorithm) {
    case 'ed25519':
      return marshalSshPublicKey({ type: 'ssh-ed25519', key: ed25519Raw(publicKey) });
    case 'ecdsa-p256':
      return marshalSshPublicKey({ type: 'ecdsa-sha2-nistp256', point: p256Point(publicKey) });
    case 'rsa':
      return marshalSshPublicKey({ type: 'ssh-rsa', ...rsaPublicParams(publicKey) });
    case undefined:
      throw new Error(`bug: no OpenSSH form for ${publicKey.asymmetricKeyType} keys`);
  }
}

/** Reads a key blob's body after its type name; shared with the private key format, which repeats it. */
export function readSshPublicKeyFields(reader: SshReader, wireName: string, what: string): { type: SshKeyType; publicKey: KeyObject } {
  switch (wireName) {
    case 'ssh-ed25519':
      return { type: 'ssh-ed25519', publicKey: ed25519PublicKey(reader.bytes(), what) };
    case 'ecdsa-sha2-nistp256': {
      const curve = reader.text();
      if (curve !== 'nistp256') throw keyInvalid(what, `curve ${curve} in an ecdsa-sha2-nistp256 key`);
      return { type: 'ssh-ecdsa-p256', publicKey: p256PublicKey(reader.bytes(), what) };
    }
    case 'ssh-rsa': {
      const e = reader.mpintMagnitude();
      const n = reader.mpintMagnitude();
      const bits = n.length * 8 - Math.clz32(n[0] ?? 0) + 24;
      if (n.length === 0 || bits < MIN_RSA_BITS) throw keyUnsupported(`an RSA key of ${n.length === 0 ? 0 : bits} bits`, `use at least ${MIN_RSA_BITS}-bit RSA, or better ${UNSUPPORTED_HINT}`);
      return { type: 'ssh-rsa', publicKey: rsaPublicKey(e, n, what) };
    }
    default:
      throw keyUnsupported(`the OpenSSH key type ${wireName}`, UNSUPPORTED_HINT, { keyType: wireName });
  }
}

/** Returns the type and public key of an OpenSSH key blob. */
export function sshPublicKeyFromBlob(blob: Uint8Array, what = 'OpenSSH public'): { type: SshKeyType; publicKey: KeyObject } {
  const reader = sshKeyReader(blob, what);
  const parsed = readSshPublicKeyFields(reader, reader.text(), what);
  reader.assertEnd();
  return parsed;
}

/** Returns the `SHA256:…` fingerprint `ssh-keygen -l` prints: unpadded base64 of SHA-256 of the blob. */
export function sshFingerprint(blob: Uint8Array): string {
  return 'SHA256:' + toBase64(createHash('sha256').update(blob).digest()).replace(/=+$/, '');
}

/** Returns true when `line` looks like an OpenSSH public key line (`type base64 [comment]`). */
export function isSshPublicKeyLine(line: string): boolean {
  return /^[a-z0-9][a-z0-9@.-]* AAAA[A-Za-z0-9+/]+=*( .*)?$/.test(line);
}

/**
 * Returns the key of one OpenSSH public key line (`id_ed25519.pub`, an authorized_keys line
 * without options). Throws InputError `key_invalid` when the line and its blob disagree on the
 * type, `key_unsupported` for other key types (DSA, NIST P-384/521, security keys, certificates).
 */
export function parseSshPublicKey(line: string): SshPublicKey {
  const match = /^(\S+) (\S+)(?: (.*))?$/.exec(line.trim());
  if (!match) throw keyInvalid('OpenSSH public', 'want one line "type base64 [comment]"');
  const [, wireName, base64, comment] = match;
  const blob = tryFromBase64(base64!);
  if (!blob) throw keyInvalid('OpenSSH public', 'the key is not base64');
  const reader = sshKeyReader(blob, 'OpenSSH public');
  const blobName = reader.text();
  if (blobName !== wireName) throw keyInvalid('OpenSSH public', `the line says ${wireName} but the key blob is ${blobName}`);
  const { type, publicKey } = readSshPublicKeyFields(reader, blobName, 'OpenSSH public');
  reader.assertEnd();
  return { type, blob, publicKey, comment: (comment ?? '').trim() };
}

/** Returns the OpenSSH public key line `type base64 [comment]` (no newline). */
export function formatSshPublicKey(publicKey: KeyObject, comment: string): string {
  const blob = sshPublicKeyBlob(publicKey);
  const wireName = sshKeyReader(blob, 'OpenSSH public').text();
  const oneLine = comment.replace(/[\r\n]+/g, ' ').trim();
  return `${wireName} ${toBase64(blob)}${oneLine === '' ? '' : ' ' + oneLine}`;
}
