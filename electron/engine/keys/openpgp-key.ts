import * as openpgp from 'openpgp';
import { InputError, VerificationError } from '../../../shared/api/errors.js';
import type { PgpAlgorithm } from './key-types.js';
import { keyInvalid, keyUnsupported } from './key-errors.js';

/**
 * v4 keys, so GnuPG 2.2 (no v6 support) imports them and verifies their signatures. v4 is
 * openpgp.js 6's default too; it is set here so a changed default cannot silently break that.
 */
const V4_CONFIG = { v6Keys: false } as const;

/** An OpenPGP key as the keyring keeps it. */
export interface OpenPgpKey {
  /** Fingerprint of the primary key, uppercase hex (40 digits for v4). */
  readonly fingerprint: string;
  readonly armoredPublicKey: string;
  readonly userId: string | null;
  /** The transferable secret key, binary, with its secret material unencrypted (the keyring seals it). */
  readonly secretKey?: Uint8Array;
}

/** Returns true when `text` starts with OpenPGP ASCII armor for a key. */
export function isOpenPgpKeyArmor(text: string): boolean {
  return /^-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----/.test(text.trimStart());
}

/** Returns true when `bytes` start like a binary OpenPGP key: a public-key or secret-key packet header (RFC 4880 §4.2). */
export function isOpenPgpKeyBinary(bytes: Uint8Array): boolean {
  const first = bytes[0];
  if (first === undefined || (first & 0x80) === 0) return false;
  const tag = (first & 0x40) !== 0 ? first & 0x3f : (first >> 2) & 0x0f;
  return tag === 5 || tag === 6;
}

async function primaryUserId(key: openpgp.Key): Promise<string | null> {
  try {
    return (await key.getPrimaryUser()).user.userID?.userID ?? null;
  } catch {
    // Expired or revoked keys have no valid primary user now; their first user ID still names them.
    return key.getUserIDs()[0] ?? null;
  }
}

async function toKeyringKey(key: openpgp.Key, secret: openpgp.PrivateKey | undefined): Promise<OpenPgpKey> {
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    armoredPublicKey: key.toPublic().armor(),
    userId: await primaryUserId(key),
    ...(secret === undefined ? {} : { secretKey: secret.write() }),
  };
}

/**
 * Returns a new v4 OpenPGP key: `ed25519` makes an EdDSA (legacy, as GnuPG 2.2 knows it) primary
 * key with a Curve25519 ECDH subkey; `rsa4096` an RSA-4096 primary key with an RSA subkey.
 * `date` is the creation time (the keyring's clock).
 */
export async function generateOpenPgpKey(input: { name: string; email?: string | undefined; algorithm: PgpAlgorithm; date: Date }): Promise<OpenPgpKey> {
  const userIDs = [{ name: input.name, ...(input.email === undefined ? {} : { email: input.email }) }];
  const common = { userIDs, date: input.date, format: 'object', config: V4_CONFIG } as const;
  const { privateKey } =
    input.algorithm === 'ed25519'
      ? await openpgp.generateKey({ ...common, type: 'ecc', curve: 'ed25519Legacy' })
      : await openpgp.generateKey({ ...common, type: 'rsa', rsaBits: 4096 });
  if (privateKey.keyPacket.version !== 4) throw new Error(`bug: openpgp.js generated a v${privateKey.keyPacket.version} key`);
  return toKeyringKey(privateKey, privateKey);
}

async function readKeys(bytes: Uint8Array, text: string | undefined): Promise<openpgp.Key[]> {
  try {
    return text !== undefined && isOpenPgpKeyArmor(text) ? await openpgp.readKeys({ armoredKeys: text }) : await openpgp.readKeys({ binaryKeys: bytes });
  } catch (error) {
    throw keyInvalid('OpenPGP', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Returns the key of an OpenPGP transferable public or secret key, armored or binary (what `gpg
 * --export` / `--export-secret-keys` write). A protected secret key is unlocked with
 * `sourcePassphrase`. Throws InputError `key_invalid` for anything else, `key_unsupported` for
 * several keys in one input, VerificationError `passphrase_incorrect` when the passphrase fails.
 */
export async function readOpenPgpKey(bytes: Uint8Array, text: string | undefined, sourcePassphrase: string | undefined): Promise<OpenPgpKey> {
  const keys = await readKeys(bytes, text);
  const key = keys[0];
  if (key === undefined) throw keyInvalid('OpenPGP', 'no key in the input');
  if (keys.length > 1) {
    throw keyUnsupported(`a keyring of ${keys.length} OpenPGP keys`, 'export one key: `gpg --export --armor FINGERPRINT`', { fingerprints: keys.map((k) => k.getFingerprint().toUpperCase()) });
  }
  if (!key.isPrivate()) return toKeyringKey(key, undefined);
  if (key.isDecrypted()) return toKeyringKey(key, key);
  if (sourcePassphrase === undefined || sourcePassphrase === '') {
    throw new InputError('passphrase_missing', `OpenPGP secret key ${key.getFingerprint().toUpperCase()} is protected by a passphrase`, {}, {
      hint: 'give the passphrase it was exported with as sourcePassphrase',
    });
  }
  let decrypted: openpgp.PrivateKey;
  try {
    decrypted = await openpgp.decryptKey({ privateKey: key, passphrase: sourcePassphrase });
  } catch (error) {
    throw new VerificationError('passphrase_incorrect', `the passphrase does not unlock OpenPGP secret key ${key.getFingerprint().toUpperCase()}`, { fingerprint: key.getFingerprint().toUpperCase() }, {
      hint: 'give the passphrase the key was exported with (gpg asks for it on --export-secret-keys)',
      cause: error,
    });
  }
  return toKeyringKey(decrypted, decrypted);
}

/**
 * Returns an armored detached OpenPGP signature (binary document, signature type 0x00) of `data`
 * made at `date` by the key's signing (sub)key, which `gpg --verify SIG FILE` checks, and the
 * armored public key derived from the secret key itself. Throws VerificationError
 * `private_key_corrupt` when the secret key is not the one `expectedFingerprint` names, InputError
 * `key_cannot_sign` when no (sub)key may sign at `date` (expired, revoked, no signing flag).
 */
export async function signOpenPgp(secretKey: Uint8Array, expectedFingerprint: string, data: Uint8Array, date: Date): Promise<{ signature: string; armoredPublicKey: string }> {
  const key = await openpgp.readPrivateKey({ binaryKey: secretKey });
  const fingerprint = key.getFingerprint().toUpperCase();
  if (fingerprint !== expectedFingerprint) {
    throw new VerificationError('private_key_corrupt', `the stored OpenPGP secret key is ${fingerprint}, not ${expectedFingerprint}`, { fingerprint, expectedFingerprint }, {
      hint: 'the keyring database was altered; re-import the key from a backup',
    });
  }
  const message = await openpgp.createMessage({ binary: data });
  let signature: string;
  try {
    signature = await openpgp.sign({ message, signingKeys: key, detached: true, format: 'armored', date });
  } catch (error) {
    throw new InputError('key_cannot_sign', `OpenPGP key ${fingerprint} cannot sign at ${date.toISOString()}: ${error instanceof Error ? error.message : String(error)}`, { fingerprint }, {
      hint: 'check that the key has a valid signing subkey and is neither expired nor revoked (`gpg --list-keys`), and that the clock is after its creation',
    });
  }
  return { signature, armoredPublicKey: key.toPublic().armor() };
}
