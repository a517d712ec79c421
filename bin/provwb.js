#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm run build` into dist/.
import('../dist/electron/engine/cli/main.js')
  .then((cli) => cli.main(process.argv.slice(2)))
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('provwb is not built yet: run `npm run build` (or `npm run setup`) in the repository first.\n');
      process.exit(2);
    }
    throw error;
  });
