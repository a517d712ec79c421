import path from 'node:path';
import { defineCommand } from '../command.js';
import { exportTiles, type TileExportResult } from '../../log/index.js';
import { LOCAL_LOG_NAME } from '../../open-workbench.js';

export const logExportTiles = defineCommand<{ dir: string }, TileExportResult>({
  name: 'log export-tiles',
  summary: 'Write the local log as a C2SP tlog-tiles directory (checkpoint, tile/…, tile/entries/…).',
  options: {},
  positionals: [{ name: 'DIR', help: 'directory to write (created if missing)', required: true }],
  parse: (_values, positionals) => ({ dir: path.resolve(positionals[0]!) }),
  run: (args, ctx) => exportTiles(ctx.workbench().store, LOCAL_LOG_NAME, args.dir),
  render: (r) => `exported tree size ${r.treeSize}: ${r.tiles} hash tiles, ${r.entryBundles} entry bundles`,
});
