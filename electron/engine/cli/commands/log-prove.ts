import { defineCommand } from '../command.js';
import { countOption } from '../args.js';
import { inclusionProofToJson, type InclusionProofJson } from '../../log/proof-json.js';

export const logProve = defineCommand<{ index: number; size: number | undefined }, InclusionProofJson>({
  name: 'log prove',
  summary: 'Inclusion proof of entry I in tree size N (default: current size).',
  options: {
    index: { type: 'string', valueName: 'I', help: 'entry index (0-based)' },
    size: { type: 'string', valueName: 'N', help: 'tree size (default: current)' },
  },
  positionals: [],
  parse: (values) => ({ index: countOption(values, 'index', true), size: countOption(values, 'size') }),
  run: (args, ctx) => inclusionProofToJson(ctx.workbench().localLog().proveInclusion(args.index, args.size)),
  render: (r) => [`entry ${r.logIndex} in tree size ${r.treeSize}`, `leaf hash: ${r.leafHash}`, `root hash: ${r.rootHash}`, 'proof:', ...r.hashes.map((h) => `  ${h}`)].join('\n'),
});
