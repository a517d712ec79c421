import { InputError } from '../../../shared/api/errors.js';

/** Returns InputError `key_invalid`: the bytes are not a key of `format`, for `reason`. */
export function keyInvalid(format: string, reason: string, details: Record<string, unknown> = {}): InputError {
  return new InputError('key_invalid', `not a valid ${format} key: ${reason}`, { format, ...details }, {
    hint: 'give an OpenPGP key (armored or binary), an OpenSSH public or private key, a minisign key, or a PEM SPKI/PKCS#8 key',
  });
}

/** Returns InputError `key_unsupported`: a well-formed key the keyring cannot hold, with what to do instead. */
export function keyUnsupported(what: string, hint: string, details: Record<string, unknown> = {}): InputError {
  return new InputError('key_unsupported', `${what} is not supported`, details, { hint });
}

/** Returns InputError `key_encrypted`: a passphrase-protected key the keyring cannot unlock itself. */
export function keyEncrypted(what: string, hint: string): InputError {
  return new InputError('key_encrypted', `${what} is encrypted and cannot be imported as is`, {}, { hint });
}
