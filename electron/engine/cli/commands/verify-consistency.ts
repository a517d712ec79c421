import { parseConsistencyProofDto, parseJsonText, type ConsistencyProofDto } from '../../../../shared/api/index.js';
import { fromHex } from '../../../../shared/encoding/index.js';
import { verifyConsistency } from '../../../../shared/merkle/index.js';
import { nodeHasher } from '../../crypto/index.js';
import { defineCommand } from '../command.js';
import { readInputFile } from '../input-file.js';

export const verifyConsistencyCommand = defineCommand<{ file: string }, { ok: true; proof: ConsistencyProofDto }>({
  name: 'verify consistency',
  summary: 'Verify a consistency proof (the JSON of `provwb log consistency`): the older tree must be a prefix of the newer.',
  options: {},
  positionals: [{ name: 'FILE', help: 'proof JSON, or - for standard input', required: true }],
  parse: (_values, positionals) => ({ file: positionals[0]! }),
  run: async (args, ctx) => {
    const proof = parseConsistencyProofDto(parseJsonText(await readInputFile(args.file, ctx.stdin), args.file));
    verifyConsistency(proof.first, proof.second, proof.hashes.map(fromHex), fromHex(proof.firstRoot), fromHex(proof.secondRoot), nodeHasher);
    return { ok: true, proof };
  },
  render: (r) => `ok: tree size ${r.proof.first} (root ${r.proof.firstRoot}) is a prefix of tree size ${r.proof.second} (root ${r.proof.secondRoot})`,
});
