import { defineCommand } from '../command.js';
import { countOption } from '../args.js';
import { consistencyProofToJson, type ConsistencyProofJson } from '../../log/proof-json.js';

export const logConsistency = defineCommand<{ from: number; to: number | undefined }, ConsistencyProofJson>({
  name: 'log consistency',
  summary: 'Consistency proof from tree size M to N (default: current size).',
  options: {
    from: { type: 'string', valueName: 'M', help: 'older tree size (≥ 1)' },
    to: { type: 'string', valueName: 'N', help: 'newer tree size (default: current)' },
  },
  positionals: [],
  parse: (values) => ({ from: countOption(values, 'from', true), to: countOption(values, 'to') }),
  run: (args, ctx) => consistencyProofToJson(ctx.workbench().localLog().proveConsistency(args.from, args.to)),
  render: (r) => [`tree size ${r.first} → ${r.second}`, `first root:  ${r.firstRoot}`, `second root: ${r.secondRoot}`, 'proof:', ...r.hashes.map((h) => `  ${h}`)].join('\n'),
});
