import { readFile } from 'node:fs/promises';
import { parseJsonText } from '../../../../shared/api/index.js';
import { verifyLogEntryOffline, type VerifyLogEntryResult } from '../../sigstore/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { readInputFile } from '../input-file.js';

export const verifyEntryCommand = defineCommand<{ file: string; publicKey: string }, VerifyLogEntryResult>({
  name: 'verify entry',
  summary: 'Verify a Rekor log entry offline: a v1 LogEntry (SET, inclusion proof, checkpoint) or a v2 TransparencyLogEntry.',
  options: { 'public-key': { type: 'string', valueName: 'PEM', help: 'the log’s public key (PEM)' } },
  positionals: [{ name: 'FILE', help: 'the entry JSON, or - for standard input', required: true }],
  parse: (values, positionals) => ({ file: positionals[0]!, publicKey: stringOption(values, 'public-key', true) }),
  run: async (args, ctx) => {
    const entryJson = parseJsonText(await readInputFile(args.file, ctx.stdin, { maxBytes: 16 * 1024 * 1024 }), args.file);
    return verifyLogEntryOffline({ entryJson, publicKeyPem: await readFile(args.publicKey, 'utf8') });
  },
  render: (r) => `ok: entry ${r.logIndex} (leaf ${r.leafHash}) is in ${r.origin} at tree size ${r.treeSize}`,
});
