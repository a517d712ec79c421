import { createHash, createPublicKey } from 'node:crypto';
import { InputError, UsageError } from '../../../../shared/api/index.js';
import { searchEntries, type SearchResult } from '../../entries/index.js';
import { defineCommand } from '../command.js';
import { stringOption, stringsOption } from '../args.js';
import { readInputBytes } from '../input-file.js';

interface SearchArgs {
  sha256?: string | undefined;
  publicKeyFile?: string | undefined;
  keyFingerprint?: string | undefined;
  email?: string | undefined;
  fields: string[];
  since?: number | undefined;
  until?: number | undefined;
  log?: string | undefined;
}

/** Returns Unix seconds of an RFC 3339 time or of a decimal Unix time. */
function parseTime(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (/^[0-9]+$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError('bad_option', `--${option} must be an RFC 3339 time or Unix seconds, not ${JSON.stringify(text)}`);
  return Math.floor(ms / 1000);
}

/** Returns the SHA-256 of a PEM/DER public key's SPKI, the fingerprint the index stores. */
async function fingerprintOfKeyFile(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  const bytes = Buffer.from(await readInputBytes(file, stdin));
  try {
    const key = createPublicKey(bytes.includes('-----BEGIN') ? bytes.toString('utf8') : { key: bytes, format: 'der', type: 'spki' });
    return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
  } catch (error) {
    throw new InputError('key_invalid', `${file} is not a PEM or DER public key: ${(error as Error).message}`);
  }
}

export const search = defineCommand<SearchArgs, SearchResult>({
  name: 'search',
  summary: 'Search the index of every log (or --log NAME); several filters must all match.',
  options: {
    sha256: { type: 'string', valueName: 'H', help: 'artefact digest (hex, optionally sha256:)' },
    'public-key': { type: 'string', valueName: 'FILE', help: 'entries signed by this PEM/DER public key' },
    'key-fingerprint': { type: 'string', valueName: 'F', help: 'entries signed by a key with this fingerprint' },
    email: { type: 'string', valueName: 'E', help: 'signer email or identity; * matches any run of characters' },
    field: { type: 'string', multiple: true, valueName: 'NAME=VALUE', help: 'a custom layout index field; repeatable' },
    since: { type: 'string', valueName: 'T', help: 'integrated at or after T (RFC 3339 or Unix seconds)' },
    until: { type: 'string', valueName: 'T', help: 'integrated at or before T' },
    log: { type: 'string', valueName: 'NAME', help: 'one log (`local` or a remote) or `all` (default)' },
  },
  positionals: [],
  parse: (values) => {
    const publicKeyFile = stringOption(values, 'public-key');
    const keyFingerprint = stringOption(values, 'key-fingerprint');
    if (publicKeyFile !== undefined && keyFingerprint !== undefined) throw new UsageError('bad_arguments', 'give --public-key or --key-fingerprint, not both');
    return {
      sha256: stringOption(values, 'sha256'),
      publicKeyFile,
      keyFingerprint,
      email: stringOption(values, 'email'),
      fields: stringsOption(values, 'field'),
      since: parseTime(stringOption(values, 'since'), 'since'),
      until: parseTime(stringOption(values, 'until'), 'until'),
      log: stringOption(values, 'log'),
    };
  },
  run: async (args, ctx) => {
    const wb = ctx.workbench();
    const keyFingerprint = args.publicKeyFile !== undefined ? await fingerprintOfKeyFile(args.publicKeyFile, ctx.stdin) : args.keyFingerprint;
    return searchEntries(wb.store, (logId, indexes) => wb.leafHashes(logId, indexes), { sha256: args.sha256, keyFingerprint, email: args.email, fields: args.fields, sinceSec: args.since, untilSec: args.until, log: args.log });
  },
  render: (r) => (r.matches.length === 0 ? 'no matching entries' : r.matches.map((m) => `${m.log} ${m.logIndex} ${m.uuid}`).join('\n')),
});
