import { UsageError } from '../../../../shared/api/index.js';
import type { KeyInfo, PublicKeyExport } from '../../keys/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { readInputBytes } from '../input-file.js';
import { PASSPHRASE_OPTION, passphraseFrom } from '../passphrase.js';

function renderKey(k: KeyInfo): string {
  return `${k.name.padEnd(16)} ${k.type.padEnd(15)} ${k.fingerprint}${k.userId ? `  ${k.userId}` : ''}${k.hasPrivateKey ? '' : '  (public only)'}`;
}

const GENERATED_TYPES = ['ed25519', 'ecdsa-p256', 'pgp'] as const;
type GeneratedType = (typeof GENERATED_TYPES)[number];

export const keysGenerate = defineCommand<{ type: GeneratedType; name: string; email: string | undefined; pgpAlgorithm: 'ed25519' | 'rsa4096' | undefined; passphrase: () => string }, KeyInfo>({
  name: 'keys generate',
  summary: 'Generate a signing key (OpenPGP v4, Ed25519 or ECDSA P-256); the private key is sealed with your passphrase.',
  options: {
    type: { type: 'string', valueName: 'TYPE', help: 'ed25519 | ecdsa-p256 | pgp' },
    name: { type: 'string', valueName: 'N', help: 'the key’s name in the keyring' },
    email: { type: 'string', valueName: 'E', help: 'email for the OpenPGP user ID' },
    'pgp-algorithm': { type: 'string', valueName: 'A', help: 'for pgp: ed25519 (default) or rsa4096' },
    ...PASSPHRASE_OPTION,
  },
  positionals: [],
  parse: (values) => {
    const type = stringOption(values, 'type', true);
    if (!(GENERATED_TYPES as readonly string[]).includes(type)) throw new UsageError('bad_option', `--type must be one of ${GENERATED_TYPES.join(', ')}, not ${JSON.stringify(type)}`);
    const pgpAlgorithm = stringOption(values, 'pgp-algorithm');
    if (pgpAlgorithm !== undefined && pgpAlgorithm !== 'ed25519' && pgpAlgorithm !== 'rsa4096') throw new UsageError('bad_option', '--pgp-algorithm must be ed25519 or rsa4096');
    return { type: type as GeneratedType, name: stringOption(values, 'name', true), email: stringOption(values, 'email'), pgpAlgorithm, passphrase: passphraseFrom(values) };
  },
  run: (args, ctx) => ctx.workbench().keyring().generate({ type: args.type, name: args.name, email: args.email, passphrase: args.passphrase(), pgpAlgorithm: args.pgpAlgorithm }),
  render: renderKey,
});

export const keysList = defineCommand<Record<string, never>, { keys: KeyInfo[] }>({
  name: 'keys list',
  summary: 'List the keyring: name, type, fingerprint as its ecosystem shows it, user ID.',
  options: {},
  positionals: [],
  parse: () => ({}),
  run: (_args, ctx) => ({ keys: ctx.workbench().keyring().list() }),
  render: (r) => (r.keys.length === 0 ? 'the keyring is empty' : r.keys.map(renderKey).join('\n')),
});

export const keysExport = defineCommand<{ name: string }, PublicKeyExport>({
  name: 'keys export',
  summary: 'Print a key’s public part in its own format (armored OpenPGP, OpenSSH line, minisign, PEM).',
  options: {},
  positionals: [{ name: 'NAME', help: 'the key’s name', required: true }],
  parse: (_values, positionals) => ({ name: positionals[0]! }),
  run: (args, ctx) => ctx.workbench().keyring().exportPublic(args.name),
  render: (r) => r.text,
});

export const keysImport = defineCommand<{ file: string; name: string; passphrase: (() => string) | undefined }, KeyInfo>({
  name: 'keys import',
  summary: 'Import a key you already have: OpenPGP (from gpg), OpenSSH public/private, minisign, PEM.',
  options: {
    name: { type: 'string', valueName: 'N', help: 'the key’s name in the keyring' },
    ...PASSPHRASE_OPTION,
  },
  positionals: [{ name: 'FILE', help: 'the key file, or - for standard input', required: true }],
  parse: (values, positionals) => ({ file: positionals[0]!, name: stringOption(values, 'name', true), passphrase: passphraseFrom(values) }),
  run: async (args, ctx) => {
    const bytes = await readInputBytes(args.file, ctx.stdin, { maxBytes: 1024 * 1024 });
    // A passphrase is needed only when the file holds a private key; the keyring says so if it does.
    let passphrase: string | undefined;
    try {
      passphrase = args.passphrase?.();
    } catch {
      passphrase = undefined;
    }
    return ctx.workbench().keyring().import(bytes, { name: args.name, passphrase });
  },
  render: renderKey,
});

