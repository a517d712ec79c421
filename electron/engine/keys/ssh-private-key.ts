import type { KeyObject } from 'node:crypto';
import { bytesEqual, tryDecodeUtf8, tryFromBase64 } from '../../../shared/encoding/index.js';
import type { SshReader } from '../ssh/index.js';
import { keyEncrypted, keyInvalid } from './key-errors.js';
import { ed25519PrivateKey, isKeyPair, p256PrivateKey, rsaPrivateKey } from './key-objects.js';
import { sshKeyReader, sshPublicKeyFromBlob, sshWireName, type SshKeyType } from './ssh-public-key.js';

const WHAT = 'OpenSSH private';
const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const END = '-----END OPENSSH PRIVATE KEY-----';
const MAGIC = 'openssh-key-v1\0';

/** A decoded OpenSSH private key. */
export interface SshPrivateKey {
  readonly type: SshKeyType;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly comment: string;
}

/** Returns true when `text` starts with the OpenSSH private key armor. */
export function isSshPrivateKey(text: string): boolean {
  return text.trimStart().startsWith(BEGIN);
}

function readPrivateFields(reader: SshReader, wireName: string): KeyObject {
  // The private section repeats the public fields, then adds the secret ones.
  switch (wireName) {
    case 'ssh-ed25519': {
      const publicRaw = reader.bytes();
      const secret = reader.bytes();
      // OpenSSH stores seed ‖ public key (64 bytes), the NaCl form.
      if (secret.length !== 64) throw keyInvalid(WHAT, `Ed25519 secret of ${secret.length} bytes, want 64`);
      if (!bytesEqual(secret.subarray(32), publicRaw)) throw keyInvalid(WHAT, 'the Ed25519 secret holds another public key');
      return ed25519PrivateKey(secret.subarray(0, 32), publicRaw, WHAT);
    }
    case 'ecdsa-sha2-nistp256': {
      const curve = reader.text();
      if (curve !== 'nistp256') throw keyInvalid(WHAT, `curve ${curve} in an ecdsa-sha2-nistp256 key`);
      const point = reader.bytes();
      return p256PrivateKey(reader.mpintMagnitude(), point, WHAT);
    }
    case 'ssh-rsa': {
      // Order differs from the public blob: n before e here.
      const n = reader.mpintMagnitude();
      const e = reader.mpintMagnitude();
      const d = reader.mpintMagnitude();
      const iqmp = reader.mpintMagnitude();
      const p = reader.mpintMagnitude();
      const q = reader.mpintMagnitude();
      return rsaPrivateKey({ n, e, d, iqmp, p, q }, WHAT);
    }
    default:
      // parseSshPrivateKey checked wireName against the public blob's supported type.
      throw new Error(`bug: no private key reader for ${wireName}`);
  }
}

/**
 * Returns the key of an unencrypted OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`,
 * PROTOCOL.key) of type ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa. Checks the check integers,
 * the padding and that the private key matches the public key stored beside it.
 * Throws InputError `key_encrypted` for passphrase-protected keys: their KDF is bcrypt-pbkdf,
 * which neither node:crypto nor our dependencies provide, and a hand-written Blowfish is more risk
 * than the convenience is worth; the hint says how to remove the passphrase from a copy.
 */
export function parseSshPrivateKey(text: string): SshPrivateKey {
  const trimmed = text.trim();
  if (!trimmed.startsWith(BEGIN) || !trimmed.endsWith(END)) throw keyInvalid(WHAT, 'missing BEGIN/END OPENSSH PRIVATE KEY lines');
  const body = trimmed.slice(BEGIN.length, trimmed.length - END.length).replace(/\s+/g, '');
  const bytes = tryFromBase64(body);
  if (!bytes) throw keyInvalid(WHAT, 'the body is not base64');
  if (tryDecodeUtf8(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw keyInvalid(WHAT, 'missing the openssh-key-v1 magic');
  const reader = sshKeyReader(bytes.subarray(MAGIC.length), WHAT);
  const cipherName = reader.text();
  const kdfName = reader.text();
  reader.bytes();
  if (cipherName !== 'none' || kdfName !== 'none') {
    throw keyEncrypted(`this OpenSSH private key (cipher ${cipherName}, KDF ${kdfName})`, "remove the passphrase from a copy with `ssh-keygen -p -N '' -f COPY`, import the copy, then delete it");
  }
  const count = reader.uint32();
  if (count !== 1) throw keyInvalid(WHAT, `the file holds ${count} keys, want 1`);
  const publicBlob = reader.bytes();
  // Parsing the public blob first refuses unsupported types and weak RSA before any secret is read.
  const { type, publicKey } = sshPublicKeyFromBlob(publicBlob, WHAT);
  const privateSection = reader.bytes();
  reader.assertEnd();

  const inner = sshKeyReader(privateSection, WHAT);
  if (inner.uint32() !== inner.uint32()) throw keyInvalid(WHAT, 'check integers differ (a damaged or still-encrypted key)');
  const wireName = inner.text();
  if (wireName !== sshWireName(type)) throw keyInvalid(WHAT, `the private key is ${wireName} but its public key is ${sshWireName(type)}`);
  const privateKey = readPrivateFields(inner, wireName);
  const comment = inner.text();
  const padding = inner.take(inner.remaining);
  // Padding is 1, 2, 3, … up to the cipher block size (8 for "none").
  if (padding.length >= 8 || padding.some((byte, i) => byte !== i + 1)) throw keyInvalid(WHAT, 'bad padding after the private key');
  if (!isKeyPair(privateKey, publicKey)) throw keyInvalid(WHAT, 'the private key does not match the public key stored beside it');
  return { type, privateKey, publicKey, comment };
}
