import { InputError } from '../../../shared/api/errors.js';

/** Key names: a letter or digit, then letters, digits and `._@+-`; at most 128 characters. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;
/** Loose on purpose (one `@`, no spaces or angle brackets): OpenPGP user IDs carry it verbatim. */
const EMAIL_PATTERN = /^[^\s<>@]+@[^\s<>@]+$/;

/** Throws InputError `name_invalid` unless `name` is a usable key name. */
export function assertKeyName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new InputError('name_invalid', `key name ${JSON.stringify(name)} is not allowed`, { name }, {
      hint: 'use 1–128 letters, digits and . _ @ + - (starting with a letter or digit)',
    });
  }
}

/** Throws InputError `email_invalid` unless `email` is undefined or looks like an address. */
export function assertEmail(email: unknown): asserts email is string | undefined {
  if (email === undefined) return;
  if (typeof email !== 'string' || email.length > 254 || !EMAIL_PATTERN.test(email)) {
    throw new InputError('email_invalid', `${JSON.stringify(email)} is not an email address`, { email }, { hint: 'give an address like release@example.org' });
  }
}

/** Throws InputError `passphrase_empty` unless `passphrase` is a non-empty string. */
export function assertPassphrase(passphrase: unknown, keyName: string): asserts passphrase is string {
  if (typeof passphrase !== 'string' || passphrase === '') {
    throw new InputError('passphrase_empty', `a non-empty passphrase is needed to protect the private key of "${keyName}"`, { name: keyName }, {
      hint: 'pass --passphrase-file FILE or set PROVWB_PASSPHRASE',
    });
  }
}

/** Returns the email in a user ID (`Name <a@b>` or a bare address), or null. */
export function emailOfUserId(userId: string | null): string | null {
  if (userId === null) return null;
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(userId);
  if (bracketed) return bracketed[1]!;
  return EMAIL_PATTERN.test(userId.trim()) ? userId.trim() : null;
}
