import { createCipheriv, createDecipheriv, scrypt, timingSafeEqual } from 'node:crypto';
import { VerificationError } from '../../../shared/api/errors.js';
import { concatBytes, utf8 } from '../../../shared/encoding/index.js';

/**
 * Private keys at rest: scrypt (N = 2^15, r = 8, p = 1: 32 MiB and ~0.1 s per unlock, the
 * interactive setting of the scrypt paper and RFC 7914 §2) derives 48 bytes from the passphrase
 * and a random 16-byte salt: a 256-bit AES-GCM key and a 128-bit passphrase check. AES-256-GCM
 * with a random 96-bit nonce encrypts the key; the associated data binds the box to the key's
 * name, type and fingerprint, so a sealed key moved to another row does not open.
 *
 * Layout (version 1), all in the `keys.private_key` BLOB:
 *   version 1 | log2 N 1 | r 1 | p 1 | salt 16 | check 16 | nonce 12 | ciphertext | tag 16
 *
 * The check tells "wrong passphrase" from "altered ciphertext". It reveals nothing the GCM tag
 * does not: both let an offline guesser test a passphrase at the full scrypt cost per guess.
 */

const VERSION = 1;
const LOG_N = 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HEADER_BYTES = 4 + SALT_BYTES + CHECK_BYTES + NONCE_BYTES;

/** What a box is bound to; opening with other values fails. */
export interface SealBinding {
  readonly name: string;
  readonly type: string;
  readonly fingerprint: string;
}

export interface SealDeps {
  readonly randomBytes: (length: number) => Uint8Array;
}

function associatedData(binding: SealBinding, header: Uint8Array): Uint8Array {
  // A JSON array: whatever characters a name holds, no two bindings encode alike.
  return concatBytes(utf8(`provwb-key-v1 ${JSON.stringify([binding.name, binding.type, binding.fingerprint])}`), header);
}

function deriveKeys(passphrase: string, salt: Uint8Array, logN: number, r: number, p: number): Promise<{ aesKey: Buffer; check: Buffer }> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    // NFC so the same passphrase typed on macOS (NFD input) and elsewhere derives the same key.
    scrypt(utf8(passphrase.normalize('NFC')), salt, KEY_BYTES + CHECK_BYTES, { N, r, p, maxmem: 256 * N * r * p }, (error, derived) => {
      if (error) reject(error);
      else resolve({ aesKey: derived.subarray(0, KEY_BYTES), check: derived.subarray(KEY_BYTES) });
    });
  });
}

/** Returns the sealed form of `plaintext` under `passphrase`, bound to `binding`. */
export async function sealPrivateKey(plaintext: Uint8Array, passphrase: string, binding: SealBinding, deps: SealDeps): Promise<Uint8Array> {
  const salt = deps.randomBytes(SALT_BYTES);
  const nonce = deps.randomBytes(NONCE_BYTES);
  if (salt.length !== SALT_BYTES || nonce.length !== NONCE_BYTES) throw new Error('bug: randomBytes returned the wrong length');
  const { aesKey, check } = await deriveKeys(passphrase, salt, LOG_N, R, P);
  const header = concatBytes(Uint8Array.of(VERSION, LOG_N, R, P), salt, check, nonce);
  const cipher = createCipheriv('aes-256-gcm', aesKey, nonce);
  cipher.setAAD(associatedData(binding, header));
  const ciphertext = concatBytes(cipher.update(plaintext), cipher.final());
  return concatBytes(header, ciphertext, cipher.getAuthTag());
}

function corrupt(binding: SealBinding, why: string): VerificationError {
  return new VerificationError('private_key_corrupt', `the stored private key of "${binding.name}" does not open: ${why}`, { name: binding.name }, {
    hint: 'the keyring database was altered or damaged; re-import the key from a backup',
  });
}

/**
 * Returns the plaintext of a box made by `sealPrivateKey`. Throws VerificationError
 * `passphrase_incorrect` when the passphrase does not match, `private_key_corrupt` when the box
 * was altered or belongs to another key. Costs one scrypt (~0.1 s at the default parameters).
 */
export async function openPrivateKey(sealed: Uint8Array, passphrase: string, binding: SealBinding): Promise<Uint8Array> {
  if (sealed.length < HEADER_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw corrupt(binding, 'unknown format');
  const logN = sealed[1]!;
  const r = sealed[2]!;
  const p = sealed[3]!;
  // Bounds so an altered row cannot make us allocate gigabytes before the check fails.
  if (logN < 14 || logN > 20 || r < 1 || r > 16 || p < 1 || p > 4) throw corrupt(binding, `scrypt parameters out of range (log2 N ${logN}, r ${r}, p ${p})`);
  const header = sealed.subarray(0, HEADER_BYTES);
  const salt = sealed.subarray(4, 4 + SALT_BYTES);
  const storedCheck = sealed.subarray(4 + SALT_BYTES, 4 + SALT_BYTES + CHECK_BYTES);
  const nonce = sealed.subarray(4 + SALT_BYTES + CHECK_BYTES, HEADER_BYTES);
  const ciphertext = sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const { aesKey, check } = await deriveKeys(passphrase, salt, logN, r, p);
  if (!timingSafeEqual(check, storedCheck)) {
    throw new VerificationError('passphrase_incorrect', `the passphrase for key "${binding.name}" is incorrect`, { name: binding.name }, {
      hint: 'give the passphrase the key was generated or imported with (--passphrase-file or PROVWB_PASSPHRASE)',
    });
  }
  const decipher = createDecipheriv('aes-256-gcm', aesKey, nonce);
  decipher.setAAD(associatedData(binding, header));
  decipher.setAuthTag(tag);
  try {
    return concatBytes(decipher.update(ciphertext), decipher.final());
  } catch {
    throw corrupt(binding, 'authentication failed');
  }
}
