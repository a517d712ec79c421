import { defineCommand } from '../command.js';

export const logCheckpoint = defineCommand<Record<string, never>, { checkpoint: string }>({
  name: 'log checkpoint',
  summary: 'Print the latest signed checkpoint (C2SP tlog-checkpoint note).',
  options: {},
  positionals: [],
  parse: () => ({}),
  run: (_args, ctx) => ({ checkpoint: ctx.workbench().localLog().latestCheckpoint() }),
  render: (r) => r.checkpoint,
});
