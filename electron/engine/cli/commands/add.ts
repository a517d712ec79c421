import { parseJsonText, type RekorLogEntryMap } from '../../../../shared/api/index.js';
import { addEntry } from '../../entries/index.js';
import { defineCommand } from '../command.js';
import { readInputFile } from '../input-file.js';
import { renderLogEntry } from '../render-entry.js';

export const add = defineCommand<{ file: string }, RekorLogEntryMap>({
  name: 'add',
  summary: 'Propose a typed entry {apiVersion, kind, spec} (Rekor proposed-entry JSON): validate and verify it per its kind, then append it.',
  options: {},
  positionals: [{ name: 'FILE', help: 'proposed entry JSON, or - for standard input', required: true }],
  parse: (_values, positionals) => ({ file: positionals[0]! }),
  run: async (args, ctx) => {
    const json = parseJsonText(await readInputFile(args.file, ctx.stdin, { maxBytes: 32 * 1024 * 1024 }), args.file);
    return addEntry(ctx.workbench().entryContext(), json);
  },
  render: renderLogEntry,
});
