import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { initWorkbench, type InitResult } from '../../open-workbench.js';

export const init = defineCommand<{ origin: string | undefined }, InitResult>({
  name: 'init',
  summary: 'Create the workbench, its local log and the log’s Ed25519 checkpoint key; refuses if one exists.',
  options: { origin: { type: 'string', valueName: 'ORIGIN', help: 'log origin and key name (default: provwb.local/<hostname>)' } },
  positionals: [],
  parse: (values) => ({ origin: stringOption(values, 'origin') }),
  run: (args, ctx) => initWorkbench({ dataDir: ctx.dataDir, origin: args.origin }),
  render: (r) => `created workbench log ${r.origin}\nverifier key: ${r.verifierKey}\nlog ID:       ${r.logID}`,
});
