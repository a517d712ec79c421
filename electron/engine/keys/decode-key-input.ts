import { tryDecodeUtf8 } from '../../../shared/encoding/index.js';
import { keyInvalid, keyUnsupported } from './key-errors.js';
import { materialFromMinisign, materialFromOpenPgp, materialFromPkix, materialFromSsh, type KeyMaterial } from './key-material.js';
import { isMinisignKey, parseMinisignKey } from './minisign-key.js';
import { isOpenPgpKeyArmor, isOpenPgpKeyBinary, readOpenPgpKey } from './openpgp-key.js';
import { parsePemKey, pemLabel } from './pkix-key.js';
import { isSshPrivateKey, parseSshPrivateKey } from './ssh-private-key.js';
import { isSshPublicKeyLine, parseSshPublicKey } from './ssh-public-key.js';

/** Largest key file accepted; real keys are a few KiB (RSA-4096 OpenPGP with signatures ~10 KiB). */
export const MAX_KEY_BYTES = 1 << 20;

/**
 * Returns the keyring material of a key file, recognised by its content (never its name):
 * OpenPGP armored or binary public/secret keys, OpenSSH public key lines and unencrypted
 * private keys, minisign public keys and unencrypted secret keys, PEM SPKI/PKCS#8/SEC1 keys.
 * `sourcePassphrase` unlocks OpenPGP secret keys and encrypted PKCS#8. Throws InputError
 * `key_invalid` for anything that is not a key (nothing is stored on any failure).
 */
export async function decodeKeyInput(bytes: Uint8Array, sourcePassphrase: string | undefined): Promise<KeyMaterial> {
  if (bytes.length === 0) throw keyInvalid('key', 'the input is empty');
  if (bytes.length > MAX_KEY_BYTES) throw keyInvalid('key', `the input has ${bytes.length} bytes; keys are far smaller than ${MAX_KEY_BYTES}`);
  if (isOpenPgpKeyBinary(bytes)) return materialFromOpenPgp(await readOpenPgpKey(bytes, undefined, sourcePassphrase));
  const text = tryDecodeUtf8(bytes);
  if (text === undefined) throw keyInvalid('key', 'binary input that is not an OpenPGP key');
  const trimmed = text.trim();
  if (isOpenPgpKeyArmor(trimmed)) return materialFromOpenPgp(await readOpenPgpKey(bytes, trimmed, sourcePassphrase));
  if (/^-----BEGIN PGP /.test(trimmed)) throw keyInvalid('OpenPGP', 'the armor holds a signature or message, not a key');
  if (isSshPrivateKey(trimmed)) {
    const key = parseSshPrivateKey(trimmed);
    return materialFromSsh(key.type, key.publicKey, key.privateKey, key.comment);
  }
  if (trimmed.startsWith('---- BEGIN SSH2 PUBLIC KEY ----')) {
    throw keyUnsupported('an RFC 4716 SSH2 public key', 'convert it to OpenSSH form with `ssh-keygen -i -f KEY`');
  }
  if (pemLabel(trimmed) !== undefined) {
    const key = parsePemKey(trimmed, sourcePassphrase);
    return materialFromPkix(key.type, key.publicKey, key.privateKey, null);
  }
  if (isMinisignKey(trimmed)) {
    const key = parseMinisignKey(trimmed);
    return materialFromMinisign(key.keyId, key.publicKey, key.privateKey);
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  if (lines.length === 1 && isSshPublicKeyLine(lines[0]!.trim())) {
    const key = parseSshPublicKey(lines[0]!);
    return materialFromSsh(key.type, key.publicKey, undefined, key.comment);
  }
  if (lines.length > 1 && lines.every((line) => isSshPublicKeyLine(line.trim()))) {
    throw keyUnsupported(`a file of ${lines.length} OpenSSH public keys`, 'import one key line at a time');
  }
  throw keyInvalid('key', 'not a recognised key format');
}
