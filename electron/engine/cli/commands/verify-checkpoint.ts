import { UsageError } from '../../../../shared/api/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import { formatKeyId, openCheckpoint } from '../../../../shared/note/index.js';
import { checkWitnessPolicy, witnessPolicy, type Cosignature } from '../../witness/index.js';
import { defineCommand } from '../command.js';
import { countOption, stringOption, stringsOption } from '../args.js';
import { readInputBytes } from '../input-file.js';

export interface VerifyCheckpointResult {
  readonly ok: true;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly extensions: readonly string[];
  readonly signatures: ReadonlyArray<{ name: string; keyId: string; type: string; timestamp?: number }>;
  readonly unverifiedSignatures: ReadonlyArray<{ name: string; keyId: string }>;
  /** With --witness-vkey: the witnesses that cosigned (cosignature/v1 times) and the threshold met. */
  readonly witnesses?: { readonly threshold: number; readonly cosigned: readonly Cosignature[] };
}

interface VerifyCheckpointArgs {
  file: string;
  vkeys: string[];
  origin: string | undefined;
  witnessVkeys: string[];
  witnessThreshold: number | undefined;
}

export const verifyCheckpointCommand = defineCommand<VerifyCheckpointArgs, VerifyCheckpointResult>({
  name: 'verify checkpoint',
  summary: 'Verify a signed checkpoint (C2SP signed-note + tlog-checkpoint) with one or more verifier keys.',
  options: {
    vkey: { type: 'string', multiple: true, valueName: 'KEY', help: 'verifier key name+hash+base64 (Ed25519, cosignature/v1 or RFC 6962 ECDSA); repeatable' },
    origin: { type: 'string', valueName: 'ORIGIN', help: 'require this origin line' },
    'witness-vkey': { type: 'string', multiple: true, valueName: 'KEY', help: 'a witness’s cosignature/v1 verifier key (C2SP tlog-cosignature); repeatable. The log key (--vkey) must then sign too' },
    'witness-threshold': { type: 'string', valueName: 'N', help: 'how many of the witnesses must cosign (default: all given)' },
  },
  positionals: [{ name: 'FILE', help: 'signed checkpoint note, or - for standard input', required: true }],
  parse: (values, positionals) => {
    const vkeys = stringsOption(values, 'vkey');
    if (vkeys.length === 0) throw new UsageError('missing_option', '--vkey is required: give the log’s verifier key');
    return { file: positionals[0]!, vkeys, origin: stringOption(values, 'origin'), witnessVkeys: stringsOption(values, 'witness-vkey'), witnessThreshold: countOption(values, 'witness-threshold') };
  },
  run: async (args, ctx) => {
    const policy = witnessPolicy(args.vkeys, args.witnessVkeys, args.witnessThreshold);
    const opened = openCheckpoint(await readInputBytes(args.file, ctx.stdin), [...policy.logVerifiers, ...policy.witnessVerifiers], args.origin === undefined ? {} : { origin: args.origin });
    const cosigned = checkWitnessPolicy(opened, policy);
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
      ...(policy.witnessVerifiers.length === 0 ? {} : { witnesses: { threshold: policy.threshold, cosigned } }),
    };
  },
  render: (r) =>
    [
      `ok: checkpoint of ${r.origin} at tree size ${r.treeSize}, root ${r.rootHash}`,
      ...r.signatures.map((s) => `  signed by ${s.name} (${s.keyId}, ${s.type}${s.type === 'cosignature/v1' && s.timestamp !== undefined ? ` at ${new Date(s.timestamp * 1000).toISOString()}` : ''})`),
      ...(r.witnesses ? [`  ${r.witnesses.cosigned.length} witness cosignatures, ${r.witnesses.threshold} required`] : []),
    ].join('\n'),
});
