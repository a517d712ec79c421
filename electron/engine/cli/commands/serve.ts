import { availableParallelism } from 'node:os';
import { UsageError } from '../../../../shared/api/index.js';
import { DEFAULT_MAX_BODY_BYTES, parseServeAddress, startServeHost } from '../../server/index.js';
import { defineCommand } from '../command.js';
import { countOption, stringOption } from '../args.js';

// Measured on the 2-core machine shared with other work (ECDSA P-256 hashedrekord POSTs, 64 clients),
// entries/s with 0 / 1 / 2 workers: 45 / 86 / 80 at load average 8, 157 / 177 / 232 at load average 7.
const DEFAULT_VERIFY_WORKERS = Math.min(4, availableParallelism());

interface ServeArgs {
  readonly addr: string;
  readonly maxBodyBytes: number;
  readonly verifyWorkers: number;
}

export interface ServeResult {
  readonly url: string;
  readonly stoppedBy: string;
  /** Entries appended while serving, and the transactions (group commits) they took. */
  readonly entries: number;
  readonly batches: number;
}

export const serve = defineCommand<ServeArgs, ServeResult>({
  name: 'serve',
  summary:
    'Serve the local log until Ctrl-C: the Rekor v1 API under /api/v1/ (log, log/publicKey, log/proof, log/entries, log/entries/{uuid}, log/entries/retrieve, index/retrieve), Rekor v2 writes at POST /api/v2/log/entries, and C2SP tlog-tiles at /checkpoint and /tile/…. Concurrent writes are verified in parallel and appended in shared transactions.',
  options: {
    addr: { type: 'string', valueName: 'HOST:PORT', help: 'address to listen on (default 127.0.0.1:8080; port 0 picks a free one; IPv6 as [::1]:PORT)' },
    'verify-workers': { type: 'string', valueName: 'N', help: `verify entries of built-in kinds on N worker threads; 0 verifies on the main thread (default ${DEFAULT_VERIFY_WORKERS}, one per core up to 4)` },
    'max-body-bytes': { type: 'string', valueName: 'N', help: `largest request body accepted, larger ones get 413 (default ${DEFAULT_MAX_BODY_BYTES}, Rekor's default)` },
  },
  positionals: [],
  parse: (values) => {
    const maxBodyBytes = countOption(values, 'max-body-bytes') ?? DEFAULT_MAX_BODY_BYTES;
    if (maxBodyBytes < 1) throw new UsageError('bad_option', '--max-body-bytes must be at least 1');
    return { addr: stringOption(values, 'addr') ?? '127.0.0.1:8080', maxBodyBytes, verifyWorkers: countOption(values, 'verify-workers') ?? DEFAULT_VERIFY_WORKERS };
  },
  run: async (args, ctx) => {
    const { host, port } = parseServeAddress(args.addr);
    const serveHost = await startServeHost({ workbench: ctx.workbench(), host, port, maxBodyBytes: args.maxBodyBytes, verifyWorkers: args.verifyWorkers });
    // A long-running command says where it listens while it runs; this is its one line before the result.
    process.stdout.write(ctx.json ? `${JSON.stringify({ url: serveHost.url })}\n` : `provwb serve at ${serveHost.url} (Rekor API under /api/v1/ and /api/v2/, tiles under /tile/; Ctrl-C stops)\n`);
    const stoppedBy = await new Promise<string>((resolve) => {
      const stop = (signal: string) => () => resolve(signal);
      process.once('SIGINT', stop('SIGINT'));
      process.once('SIGTERM', stop('SIGTERM'));
    });
    await serveHost.close();
    const stats = serveHost.context.queue.stats();
    return { url: serveHost.url, stoppedBy, entries: stats.entries, batches: stats.batches };
  },
  render: (r) => `provwb serve at ${r.url} stopped (${r.stoppedBy}) after appending ${r.entries} entries in ${r.batches} transactions`,
});
