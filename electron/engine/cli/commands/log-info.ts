import { defineCommand } from '../command.js';
import type { LogInfo } from '../../open-workbench.js';

export const logInfo = defineCommand<Record<string, never>, LogInfo>({
  name: 'log info',
  summary: 'Show the local log: origin, tree size, root hash, latest checkpoint, verifier key and log ID.',
  options: {},
  positionals: [],
  parse: () => ({}),
  run: (_args, ctx) => ctx.workbench().info(),
  render: (r) =>
    [`origin:       ${r.origin}`, `tree size:    ${r.treeSize}`, `root hash:    ${r.rootHash}`, `verifier key: ${r.verifierKey}`, `log ID:       ${r.logID}`, '', r.checkpoint].join('\n'),
});
