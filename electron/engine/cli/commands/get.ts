import { UsageError, NotFoundError, type RekorLogEntryMap } from '../../../../shared/api/index.js';
import { tryFromHex } from '../../../../shared/encoding/index.js';
import { rekorLogEntry } from '../../entries/index.js';
import { defineCommand } from '../command.js';
import { countOption, stringOption } from '../args.js';
import { renderLogEntry } from '../render-entry.js';

export const get = defineCommand<{ uuid: string | undefined; index: number | undefined }, RekorLogEntryMap>({
  name: 'get',
  summary: 'Fetch one typed entry of the local log with a fresh inclusion proof, checkpoint and SET.',
  options: {
    uuid: { type: 'string', valueName: 'U', help: 'entry uuid: the 64-hex leaf hash (an 80-hex Rekor uuid’s last 64 digits are used)' },
    index: { type: 'string', valueName: 'I', help: 'log index' },
  },
  positionals: [],
  parse: (values) => {
    const uuid = stringOption(values, 'uuid');
    const index = countOption(values, 'index');
    if ((uuid === undefined) === (index === undefined)) throw new UsageError('bad_arguments', 'give exactly one of --uuid or --index');
    return { uuid, index };
  },
  run: (args, ctx) => {
    const context = ctx.workbench().entryContext();
    let index = args.index;
    if (args.uuid !== undefined) {
      const hex = args.uuid.toLowerCase();
      const leafHash = /^([0-9a-f]{16})?[0-9a-f]{64}$/.test(hex) ? tryFromHex(hex.slice(-64)) : undefined;
      if (!leafHash) throw new UsageError('bad_option', `--uuid must be 64 or 80 hex digits, not ${JSON.stringify(args.uuid)}`);
      index = context.log.findIndexByLeafHash(leafHash);
      if (index === undefined) throw new NotFoundError('entry_not_found', `no entry with uuid ${hex.slice(-64)} in the local log`, { uuid: hex.slice(-64) });
    }
    return rekorLogEntry(context, index!);
  },
  render: renderLogEntry,
});
