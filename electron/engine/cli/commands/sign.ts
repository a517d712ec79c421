import { writeFile } from 'node:fs/promises';
import { InputError, UsageError, errorFromData, isWorkbenchError } from '../../../../shared/api/index.js';
import { publishApiOf, publishEntry } from '../../publish/index.js';
import { remoteByName } from '../../remote/remotes.js';
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
  publish: string | undefined;
}

/** Where `--publish` put the entry: its index in the remote log and the tree size its verified proof is for. */
interface Published {
  published?: { remote: string; logIndex: number; treeSize: number; status: 'created' | 'existing' };
}

type SignResult = ({ uuid: string; logIndex: number; bundle: string } | { uuid: string; logIndex: number; signature: string }) & Published;

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
    publish: { type: 'string', valueName: 'REMOTE', help: 'also submit the entry to this rekor remote and verify its answer (as `provwb publish`; hashedrekord only)' },
    ...PASSPHRASE_OPTION,
  },
  positionals: [{ name: 'FILE', help: 'the artefact to sign', required: true }],
  parse: (values, positionals) => {
    const kind = stringOption(values, 'kind');
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) throw new UsageError('bad_option', `--kind must be one of ${KINDS.join(', ')}`);
    return { file: positionals[0]!, key: stringOption(values, 'key', true), kind: kind as SigningKind | undefined, bundle: stringOption(values, 'bundle'), signature: stringOption(values, 'signature'), passphrase: passphraseFrom(values), publish: stringOption(values, 'publish') };
  },
  run: async (args, ctx) => {
    if (args.file === '-') throw new UsageError('bad_arguments', 'sign needs a file (its name goes into the signed statement), not standard input');
    const wb = ctx.workbench();
    const kind = args.kind ?? defaultSigningKind(wb.keyring().get(args.key));
    // Checked before signing: nothing is signed or logged for a remote that could not take the entry.
    if (args.publish !== undefined) assertPublishable(wb.store, args.publish, kind);
    const passphrase = args.passphrase();
    // rekord entries carry the content itself (Rekor's format), so only they read the whole file.
    const content = kind === 'rekord' ? await readInputBytes(args.file, ctx.stdin, { maxBytes: MAX_REKORD_CONTENT_BYTES }) : undefined;
    const sha256 = await sha256OfFile(args.file, (done, total) => ctx.progress(done, total, 'hashing'));
    const result = await signArtifact({ ...wb.entryContext(), keyring: wb.keyring() }, { sha256, content, fileName: args.file, keyName: args.key, passphrase, kind });
    let written: SignResult;
    if (result.output === 'bundle') {
      const out = args.bundle ?? `${args.file}.sigstore.json`;
      await writeFile(out, `${JSON.stringify(result.bundle, null, 2)}\n`);
      written = { uuid: result.uuid, logIndex: result.logIndex, bundle: out };
    } else {
      const out = args.signature ?? `${args.file}${result.signatureExtension}`;
      await writeFile(out, result.signature);
      written = { uuid: result.uuid, logIndex: result.logIndex, signature: out };
    }
    if (args.publish === undefined) return written;
    try {
      const p = await publishEntry(wb, args.publish, result.uuid);
      return { ...written, published: { remote: p.remote, logIndex: p.logIndex, treeSize: p.treeSize, status: p.status } };
    } catch (error) {
      if (!isWorkbenchError(error)) throw error;
      const data = error.toData();
      throw errorFromData({ ...data, message: `signed and logged locally at index ${result.logIndex} (uuid ${result.uuid}), but publishing to ${args.publish} failed: ${data.message}`, hint: `retry with \`provwb publish ${args.publish} --uuid ${result.uuid}\`` });
    }
  },
  render: (r) =>
    `signed and logged at index ${r.logIndex} (uuid ${r.uuid}); wrote ${'bundle' in r ? r.bundle : r.signature}${r.published ? `; published to ${r.published.remote} at index ${r.published.logIndex} (verified in tree size ${r.published.treeSize})` : ''}`,
});

/** Throws unless `remote` exists and takes the entries `sign` writes of this kind (hashedrekord 0.0.1 over the Rekor v1 API). */
function assertPublishable(store: Parameters<typeof remoteByName>[0], remote: string, kind: SigningKind): void {
  const api = publishApiOf(remoteByName(store, remote));
  if (api !== 'rekor-v1' || kind !== 'hashedrekord') {
    throw new InputError('publish_kind_unsupported', `sign writes ${kind} 0.0.1 entries, which ${remote} (${api === 'rekor-v1' ? 'Rekor v1' : 'Rekor v2'}) cannot take as they are`, { remote, kind }, { hint: 'publish hashedrekord entries to a rekor remote, or sign without --publish' });
  }
}
