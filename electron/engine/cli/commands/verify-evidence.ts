import { VerificationError } from '../../../../shared/api/index.js';
import { nodeHasher } from '../../crypto/index.js';
import { parseForkEvidence, verifyForkEvidence, type EvidenceVerdict } from '../../sync/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { readInputFile } from '../input-file.js';
import { logKeyArgument } from '../key-argument.js';

const MAX_EVIDENCE_BYTES = 1 << 20;

export const verifyEvidence = defineCommand<{ file: string; vkey: string | undefined; publicKey: string | undefined }, EvidenceVerdict>({
  name: 'verify evidence',
  summary: 'Re-check a fork evidence file with only the log’s key: exit 0 when it proves the log signed two incompatible trees.',
  options: {
    vkey: { type: 'string', valueName: 'KEY', help: 'the log’s C2SP verifier key, or a file holding it' },
    'public-key': { type: 'string', valueName: 'PEM', help: 'the log’s PEM public key file (Rekor v1)' },
  },
  positionals: [{ name: 'FILE', help: 'evidence JSON written by `provwb sync`, or - for standard input', required: true }],
  parse: (values, positionals) => ({ file: positionals[0]!, vkey: stringOption(values, 'vkey'), publicKey: stringOption(values, 'public-key') }),
  run: async (args, ctx) => {
    const key = await logKeyArgument(args, ctx.stdin);
    const evidence = parseForkEvidence(await readInputFile(args.file, ctx.stdin, { maxBytes: MAX_EVIDENCE_BYTES }));
    const verdict = verifyForkEvidence(evidence, [key], nodeHasher);
    if (!verdict.ok) throw new VerificationError('evidence_not_a_fork', `the evidence does not prove a fork: ${verdict.reason}`, { ...verdict });
    return verdict;
  },
  render: (r) => [`ok: fork proven for ${r.origin}: ${r.reason}`, ...r.roots.map((root, i) => `  size ${r.size} root ${i === 0 ? '(older checkpoint)' : '(per newer tree)'}: ${root}`)].join('\n'),
});
