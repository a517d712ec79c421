import type { KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesEqual, concatBytes, tryDecodeUtf8, tryFromBase64, utf8 } from '../../../shared/encoding/index.js';
import {
  decodeMinisignPublicKey,
  formatMinisignPublicKey as formatMinisignPublicKeyFile,
  isMinisignEdAlgorithm,
  MINISIGN_PUBLIC_KEY_SIZE,
  UNTRUSTED_COMMENT_PREFIX,
} from '../../../shared/minisign/index.js';
import { keyEncrypted, keyInvalid, keyUnsupported } from './key-errors.js';
import { ed25519PrivateKey, ed25519PublicKey, ed25519Raw } from './key-objects.js';

/**
 * minisign key files (https://jedisct1.github.io/minisign/): an `untrusted comment:` line and a
 * base64 line. Public: "Ed" ‖ key id (8) ‖ Ed25519 public key (32) = 42 bytes. Secret:
 * "Ed" ‖ kdf "Sc"|"\0\0" ‖ "B2" ‖ salt (32) ‖ opslimit (8) ‖ memlimit (8) ‖ then, XORed with the
 * scrypt stream when kdf is "Sc": key id (8) ‖ Ed25519 seed ‖ public key (64) ‖ BLAKE2b-256 check
 * of "Ed" ‖ key id ‖ seed ‖ public key (32; all zero in unencrypted keys) = 158 bytes.
 * signify (OpenBSD) public keys share the public format.
 */

const PUBLIC_BYTES = MINISIGN_PUBLIC_KEY_SIZE;
const SECRET_BYTES = 158;

/** A decoded minisign key. */
export interface MinisignKey {
  /** The 8 key id bytes as stored (little-endian). */
  readonly keyId: Uint8Array;
  readonly publicKey: KeyObject;
  /** Present when the input was a secret key. */
  readonly privateKey?: KeyObject;
}

/** Returns the base64 line of `text`'s key and its decoded bytes, or undefined if it has none. */
function keyLine(text: string): Uint8Array | undefined {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const first = lines[0];
  if (first === undefined) return undefined;
  const keyText = first.startsWith(UNTRUSTED_COMMENT_PREFIX) ? lines[1] : first;
  if (keyText === undefined) return undefined;
  return tryFromBase64(keyText);
}

/** Returns true when `text` looks like a minisign (or signify) key file or a bare minisign public key. */
export function isMinisignKey(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed.startsWith(UNTRUSTED_COMMENT_PREFIX)) return true;
  const bytes = keyLine(trimmed);
  return bytes !== undefined && (bytes.length === PUBLIC_BYTES || bytes.length === SECRET_BYTES) && isMinisignEdAlgorithm(bytes);
}

function secretChecksum(keyId: Uint8Array, secret: Uint8Array): Uint8Array {
  return blake2b(concatBytes(utf8('Ed'), keyId, secret), { dkLen: 32 });
}

/**
 * Returns the key of a minisign public key file, a bare public key line, or an unencrypted secret
 * key (`minisign -G -W`), checking that the secret seed derives the stored public key (and the
 * BLAKE2b checksum when one is present). Throws InputError `key_encrypted` for password-protected secret keys: their KDF is
 * scrypt with minisign's 1 GiB memory limit, too much to spend inside the workbench.
 */
export function parseMinisignKey(text: string): MinisignKey {
  const bytes = keyLine(text);
  if (!bytes) throw keyInvalid('minisign', 'no base64 key line');
  if (bytes.length !== PUBLIC_BYTES && bytes.length !== SECRET_BYTES) {
    throw keyInvalid('minisign', `key of ${bytes.length} bytes, want ${PUBLIC_BYTES} (public) or ${SECRET_BYTES} (secret)`);
  }
  if (tryDecodeUtf8(bytes.subarray(0, 2)) !== 'Ed') throw keyUnsupported('a minisign key with signature algorithm other than Ed', 'minisign keys are Ed25519 ("Ed")');
  if (bytes.length === PUBLIC_BYTES) {
    const { keyId, publicKey } = decodeMinisignPublicKey(bytes);
    return { keyId, publicKey: ed25519PublicKey(publicKey, 'minisign public') };
  }
  const kdf = bytes.subarray(2, 4);
  if (kdf[0] === 0x53 && kdf[1] === 0x63) {
    throw keyEncrypted('this minisign secret key', 'remove its password with `minisign -C -s KEY -W` on a copy (or make a key with `minisign -G -W`), import the copy, then delete it');
  }
  if (kdf[0] !== 0 || kdf[1] !== 0) throw keyUnsupported('a minisign secret key with an unknown KDF', 'export it with `minisign -C -W`');
  if (tryDecodeUtf8(bytes.subarray(4, 6)) !== 'B2') throw keyUnsupported('a minisign secret key without a BLAKE2b checksum', 'recreate it with minisign 0.8 or later');
  const keyId = bytes.slice(54, 62);
  const secret = bytes.subarray(62, 126);
  const checksum = bytes.subarray(126, 158);
  // minisign computes the checksum only when it encrypts: a `-W` key carries 32 zero bytes there,
  // which minisign never checks. Other writers fill it in; check it when present. Either way the
  // seed must derive the stored public key (ed25519PrivateKey below).
  if (checksum.some((byte) => byte !== 0) && !bytesEqual(secretChecksum(keyId, secret), checksum)) {
    throw keyInvalid('minisign secret', 'the BLAKE2b checksum does not match (a damaged key)');
  }
  const privateKey = ed25519PrivateKey(secret.subarray(0, 32), secret.subarray(32), 'minisign secret');
  return { keyId, publicKey: ed25519PublicKey(secret.subarray(32), 'minisign secret'), privateKey };
}

/** Returns a minisign public key file, as `minisign -G` writes it (key id zero-padded to 16 digits). */
export function formatMinisignPublicKey(keyId: Uint8Array, publicKey: KeyObject): string {
  return formatMinisignPublicKeyFile({ keyId, publicKey: ed25519Raw(publicKey) });
}
