import { UsageError } from '../../../../shared/api/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import { formatKeyId, openCheckpoint, parseVerifierKey } from '../../../../shared/note/index.js';
import { defineCommand } from '../command.js';
import { stringOption, stringsOption } from '../args.js';
import { readInputBytes } from '../input-file.js';

export interface VerifyCheckpointResult {
  readonly ok: true;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly extensions: readonly string[];
  readonly signatures: ReadonlyArray<{ name: string; keyId: string; type: string; timestamp?: number }>;
  readonly unverifiedSignatures: ReadonlyArray<{ name: string; keyId: string }>;
}

export const verifyCheckpointCommand = defineCommand<{ file: string; vkeys: string[]; origin: string | undefined }, VerifyCheckpointResult>({
  name: 'verify checkpoint',
  summary: 'Verify a signed checkpoint (C2SP signed-note + tlog-checkpoint) with one or more verifier keys.',
  options: {
    vkey: { type: 'string', multiple: true, valueName: 'KEY', help: 'verifier key name+hash+base64 (Ed25519, cosignature/v1 or RFC 6962 ECDSA); repeatable' },
    origin: { type: 'string', valueName: 'ORIGIN', help: 'require this origin line' },
  },
  positionals: [{ name: 'FILE', help: 'signed checkpoint note, or - for standard input', required: true }],
  parse: (values, positionals) => {
    const vkeys = stringsOption(values, 'vkey');
    if (vkeys.length === 0) throw new UsageError('missing_option', '--vkey is required: give the log’s verifier key');
    return { file: positionals[0]!, vkeys, origin: stringOption(values, 'origin') };
  },
  run: async (args, ctx) => {
    const verifiers = args.vkeys.map(parseVerifierKey);
    const opened = openCheckpoint(await readInputBytes(args.file, ctx.stdin), verifiers, args.origin === undefined ? {} : { origin: args.origin });
    return {
      ok: true,
      origin: opened.checkpoint.origin,
      treeSize: opened.checkpoint.size,
      rootHash: toHex(opened.checkpoint.rootHash),
      extensions: opened.checkpoint.extensions,
      signatures: opened.signatures.map((s) => ({
        name: s.name,
        keyId: formatKeyId(s.keyId),
        type: s.type,
        ...(s.timestampSec === undefined ? {} : { timestamp: s.timestampSec }),
        ...(s.timestampMs === undefined ? {} : { timestamp: Math.floor(s.timestampMs / 1000) }),
      })),
      unverifiedSignatures: opened.unverifiedSignatures.map((s) => ({ name: s.name, keyId: formatKeyId(s.keyId) })),
    };
  },
  render: (r) =>
    [`ok: checkpoint of ${r.origin} at tree size ${r.treeSize}, root ${r.rootHash}`, ...r.signatures.map((s) => `  signed by ${s.name} (${s.keyId}, ${s.type})`)].join('\n'),
});
