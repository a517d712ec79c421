import { writeFile } from 'node:fs/promises';
import { UsageError } from '../../../../shared/api/index.js';
import { defaultSigningKind, sha256OfFile, signArtifact, type SigningKind } from '../../signing/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { readInputBytes } from '../input-file.js';
import { PASSPHRASE_OPTION, passphraseFrom } from '../passphrase.js';

interface SignArgs {
  file: string;
  key: string;
  kind: SigningKind | undefined;
  bundle: string | undefined;
  signature: string | undefined;
  passphrase: () => string;
}

type SignResult = { uuid: string; logIndex: number; bundle: string } | { uuid: string; logIndex: number; signature: string };

const KINDS = ['hashedrekord', 'rekord', 'dsse'] as const;

/** rekord entries embed the artefact (base64) in the request, so they are for modest files; hashedrekord/dsse stream any size. */
const MAX_REKORD_CONTENT_BYTES = 256 * 1024 * 1024;

export const sign = defineCommand<SignArgs, SignResult>({
  name: 'sign',
  summary: 'Sign a release artefact with a keyring key, log the entry, and write a Sigstore bundle (or, for PGP/SSH/minisign keys, the detached signature).',
  options: {
    key: { type: 'string', valueName: 'N', help: 'keyring key to sign with' },
    kind: { type: 'string', valueName: 'K', help: 'hashedrekord | rekord | dsse (default: by key type)' },
    bundle: { type: 'string', valueName: 'OUT', help: 'where to write the bundle (default FILE.sigstore.json)' },
    signature: { type: 'string', valueName: 'OUT', help: 'where to write a detached signature (default FILE.asc / .sig / .minisig)' },
    ...PASSPHRASE_OPTION,
  },
  positionals: [{ name: 'FILE', help: 'the artefact to sign', required: true }],
  parse: (values, positionals) => {
    const kind = stringOption(values, 'kind');
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) throw new UsageError('bad_option', `--kind must be one of ${KINDS.join(', ')}`);
    return { file: positionals[0]!, key: stringOption(values, 'key', true), kind: kind as SigningKind | undefined, bundle: stringOption(values, 'bundle'), signature: stringOption(values, 'signature'), passphrase: passphraseFrom(values) };
  },
  run: async (args, ctx) => {
    if (args.file === '-') throw new UsageError('bad_arguments', 'sign needs a file (its name goes into the signed statement), not standard input');
    const wb = ctx.workbench();
    const kind = args.kind ?? defaultSigningKind(wb.keyring().get(args.key));
    const passphrase = args.passphrase();
    // rekord entries carry the content itself (Rekor's format), so only they read the whole file.
    const content = kind === 'rekord' ? await readInputBytes(args.file, ctx.stdin, { maxBytes: MAX_REKORD_CONTENT_BYTES }) : undefined;
    const sha256 = await sha256OfFile(args.file, (done, total) => ctx.progress(done, total, 'hashing'));
    const result = await signArtifact({ ...wb.entryContext(), keyring: wb.keyring() }, { sha256, content, fileName: args.file, keyName: args.key, passphrase, kind });
    if (result.output === 'bundle') {
      const out = args.bundle ?? `${args.file}.sigstore.json`;
      await writeFile(out, `${JSON.stringify(result.bundle, null, 2)}\n`);
      return { uuid: result.uuid, logIndex: result.logIndex, bundle: out };
    }
    const out = args.signature ?? `${args.file}${result.signatureExtension}`;
    await writeFile(out, result.signature);
    return { uuid: result.uuid, logIndex: result.logIndex, signature: out };
  },
  render: (r) => `signed and logged at index ${r.logIndex} (uuid ${r.uuid}); wrote ${'bundle' in r ? r.bundle : r.signature}`,
});
