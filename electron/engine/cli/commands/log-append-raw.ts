import { InputError } from '../../../../shared/api/index.js';
import { toHex, tryFromHex } from '../../../../shared/encoding/index.js';
import { defineCommand } from '../command.js';
import { readInputFile } from '../input-file.js';

export interface AppendRawResult {
  readonly first: number;
  readonly count: number;
  readonly treeSize: number;
  readonly rootHash: string;
}

/** Returns one entry per line of hex; every malformed line is named, and nothing is appended unless all parse. */
export function parseHexLines(text: string): Uint8Array[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // the final newline ends the last line
  if (lines.length === 0) throw new InputError('empty_input', 'no entries to append: the input is empty');
  const entries: Uint8Array[] = [];
  const bad: number[] = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const bytes = line === '' ? undefined : tryFromHex(line.trim() === line ? line : '?');
    if (bytes) entries.push(bytes);
    else bad.push(i + 1);
  }
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).join(', ') + (bad.length > 5 ? ` and ${bad.length - 5} more` : '');
    throw new InputError('invalid_hex', `line${bad.length > 1 ? 's' : ''} ${shown} ${bad.length > 1 ? 'are' : 'is'} not hex-encoded entries (one non-empty hex string per line)`, { lines: bad.slice(0, 100) });
  }
  return entries;
}

export const logAppendRaw = defineCommand<{ file: string }, AppendRawResult>({
  name: 'log append-raw',
  summary: 'Append opaque entries, one hex-encoded entry per line, in one transaction.',
  options: {},
  positionals: [{ name: 'FILE', help: 'file of hex lines, or - for standard input (default)', required: false }],
  parse: (_values, positionals) => ({ file: positionals[0] ?? '-' }),
  run: async (args, ctx) => {
    const entries = parseHexLines(await readInputFile(args.file, ctx.stdin));
    const result = ctx.workbench().localLog().append(entries.map((body) => ({ body })));
    return { first: result.first, count: result.count, treeSize: result.treeSize, rootHash: toHex(result.rootHash) };
  },
  render: (r) => `appended ${r.count} entries at ${r.first}..${r.first + r.count - 1}; tree size ${r.treeSize}, root ${r.rootHash}`,
});
