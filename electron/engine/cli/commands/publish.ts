import { publishEntry } from '../../publish/index.js';
import { decodeLogEntry } from '../../sigstore/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';

export const publish = defineCommand<{ remote: string; uuid: string }, unknown>({
  name: 'publish',
  summary:
    'Submit a local entry to a remote Rekor log (rekor: hashedrekord 0.0.1 over the v1 API; rekor-v2: hashedrekord/dsse 0.0.2), verify the answer offline with the remote’s key, and store its inclusion proof and checkpoint. Prints the remote’s LogEntry (v1) or TransparencyLogEntry (v2).',
  options: { uuid: { type: 'string', valueName: 'U', help: 'the local entry’s uuid (64-hex leaf hash)' } },
  positionals: [{ name: 'REMOTE', help: 'a rekor or rekor-v2 remote (see `provwb remote list`)', required: true }],
  parse: (values, positionals) => ({ remote: positionals[0]!, uuid: stringOption(values, 'uuid', true) }),
  run: async (args, ctx) => (await publishEntry(ctx.workbench(), args.remote, args.uuid)).entry,
  render: (entry) => {
    const e = decodeLogEntry(entry);
    return `published: entry ${e.logIndex} of the remote log, inclusion in tree size ${e.inclusionProof.treeSize} verified with the remote's key`;
  },
});
