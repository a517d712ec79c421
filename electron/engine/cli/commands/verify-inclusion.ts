import { parseInclusionProofDto, parseJsonText, type InclusionProofDto } from '../../../../shared/api/index.js';
import { fromHex } from '../../../../shared/encoding/index.js';
import { verifyInclusion } from '../../../../shared/merkle/index.js';
import { nodeHasher } from '../../crypto/index.js';
import { defineCommand } from '../command.js';
import { readInputFile } from '../input-file.js';

export const verifyInclusionCommand = defineCommand<{ file: string }, { ok: true; proof: InclusionProofDto }>({
  name: 'verify inclusion',
  summary: 'Verify an inclusion proof (the JSON of `provwb log prove`): the leaf hash and path must lead to the root.',
  options: {},
  positionals: [{ name: 'FILE', help: 'proof JSON, or - for standard input', required: true }],
  parse: (_values, positionals) => ({ file: positionals[0]! }),
  run: async (args, ctx) => {
    const proof = parseInclusionProofDto(parseJsonText(await readInputFile(args.file, ctx.stdin), args.file));
    verifyInclusion(proof.logIndex, proof.treeSize, fromHex(proof.leafHash), proof.hashes.map(fromHex), fromHex(proof.rootHash), nodeHasher);
    return { ok: true, proof };
  },
  render: (r) => `ok: entry ${r.proof.logIndex} (leaf ${r.proof.leafHash}) is in the tree of size ${r.proof.treeSize} with root ${r.proof.rootHash}`,
});
