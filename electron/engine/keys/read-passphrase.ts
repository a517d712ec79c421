import { readFileSync } from 'node:fs';
import { InputError } from '../../../shared/api/errors.js';

/** The environment variable the CLI reads a passphrase from. */
export const PASSPHRASE_ENV = 'PROVWB_PASSPHRASE';

export interface ReadPassphraseInput {
  /** `--passphrase-file`: its first line is the passphrase (like `gpg --passphrase-file`). */
  readonly file?: string | undefined;
  /** The environment to read `PROVWB_PASSPHRASE` from (pass `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Returns the passphrase from `file` when given, else from `env.PROVWB_PASSPHRASE`. A file's
 * first line is used without its line ending, so `echo secret > f` works; other whitespace is kept.
 * Throws InputError `passphrase_missing` when neither is set, `passphrase_empty` when the
 * passphrase is empty, `passphrase_file_unreadable` when the file cannot be read.
 */
export function readPassphrase(input: ReadPassphraseInput): string {
  if (input.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(input.file, 'utf8');
    } catch (error) {
      throw new InputError('passphrase_file_unreadable', `cannot read the passphrase file ${input.file}`, { file: input.file }, { cause: error });
    }
    const firstLine = text.split('\n', 1)[0]!.replace(/\r$/, '');
    if (firstLine === '') {
      throw new InputError('passphrase_empty', `the passphrase file ${input.file} starts with an empty line`, { file: input.file }, {
        hint: 'write the passphrase on the first line of the file',
      });
    }
    return firstLine;
  }
  const fromEnv = input.env?.[PASSPHRASE_ENV];
  if (fromEnv === undefined) {
    throw new InputError('passphrase_missing', 'no passphrase given', {}, { hint: `pass --passphrase-file FILE or set ${PASSPHRASE_ENV}` });
  }
  if (fromEnv === '') {
    throw new InputError('passphrase_empty', `${PASSPHRASE_ENV} is set but empty`, {}, { hint: 'an empty passphrase would leave private keys unprotected' });
  }
  return fromEnv;
}
