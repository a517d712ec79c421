import { syncRemote, type SyncResult } from '../../sync/index.js';
import { defineCommand } from '../command.js';
import { countOption } from '../args.js';

export const sync = defineCommand<{ name: string; toSize: number | undefined; parallel: number | undefined }, SyncResult>({
  name: 'sync',
  summary: 'Mirror a remote log, verifying its signed checkpoint, every tile, hash and entry, and consistency with every checkpoint seen before. Resumable; a fork exits 4 with evidence.',
  options: {
    'to-size': { type: 'string', valueName: 'N', help: 'mirror only up to tree size N' },
    parallel: { type: 'string', valueName: 'K', help: 'downloads in flight at once (default 16)' },
  },
  positionals: [{ name: 'NAME', help: 'the remote (see `provwb remote list`)', required: true }],
  parse: (values, positionals) => ({ name: positionals[0]!, toSize: countOption(values, 'to-size'), parallel: countOption(values, 'parallel') }),
  run: (args, ctx) =>
    syncRemote(ctx.workbench(), args.name, {
      toSize: args.toSize,
      parallel: args.parallel,
      onProgress: (p) => {
        if (p.phase === 'entries') ctx.progress(p.done, p.total, `sync ${args.name}`);
      },
    }),
  render: (r) =>
    [
      r.upToDate ? `${r.remote}: up to date at ${r.treeSize} entries` : `${r.remote}: mirrored ${r.treeSize} entries (${r.fetched} downloaded), verified against the signed checkpoint of size ${r.checkpointSize}`,
      `root: ${r.rootHash}`,
      ...r.entryProblems.map((p) => `warning: entry ${p.index}: ${p.problem}`),
    ].join('\n'),
});
