import { readPassphrase } from '../keys/index.js';
import type { OptionSpec, OptionValues } from './command.js';
import { stringOption } from './args.js';

/** The option every command that unseals or seals a private key takes. */
export const PASSPHRASE_OPTION: Readonly<Record<string, OptionSpec>> = {
  'passphrase-file': { type: 'string', valueName: 'FILE', help: 'read the key passphrase from the first line of FILE (else $PROVWB_PASSPHRASE)' },
};

/** Returns the passphrase from --passphrase-file or $PROVWB_PASSPHRASE; InputError when neither gives one. */
export function passphraseFrom(values: OptionValues): () => string {
  const file = stringOption(values, 'passphrase-file');
  // Read when the command runs, not while parsing, so --help never touches the file.
  return () => readPassphrase({ ...(file === undefined ? {} : { file }), env: process.env });
}
