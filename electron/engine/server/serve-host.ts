/**
 * `provwb serve`'s HTTP host: node:http with keep-alive, the route table, bounded bodies, and every
 * error answered in its API's dialect. Handlers stay thin; the engine does the work.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { UsageError } from '../../../shared/api/index.js';
import type { Workbench } from '../open-workbench.js';
import { HttpRefusal, plainNotFound, readBody, send, type HttpAnswer } from './http-exchange.js';
import { rekorV1Error, rekorV1ErrorFrom, rekorV2Error, rekorV2ErrorFrom } from './rekor-errors.js';
import { createServeContext, type ServeContext } from './serve-context.js';
import { matchRoute, type ErrorDialect } from './serve-routes.js';

/** Default largest request body: 32 MiB, Rekor's own default (`--max_request_body_size`). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface ServeHostOptions {
  readonly workbench: Workbench;
  /** Address to bind, default 127.0.0.1. */
  readonly host?: string;
  /** 0 picks a free port; default 8080. */
  readonly port?: number;
  readonly maxBodyBytes?: number;
  /** Verification worker threads (default 0: verify on the main thread). */
  readonly verifyWorkers?: number;
  /** Where unexpected errors are reported (default: stderr). */
  readonly report?: (error: unknown) => void;
}

export interface ServeHost {
  /** `http://HOST:PORT`, the base URL of every API. */
  readonly url: string;
  readonly port: number;
  readonly context: ServeContext;
  /** Stops accepting, ends idle keep-alive connections and resolves when the server is closed. */
  close(): Promise<void>;
}

function tooLarge(dialect: ErrorDialect): (limit: number) => HttpRefusal {
  const message = (limit: number) => `the request body is larger than the limit of ${limit} bytes`;
  return dialect === 'rekor-v2'
    ? (limit) => rekorV2Error('input', message(limit), 413)
    : (limit) => rekorV1Error(413, message(limit));
}

function errorAnswer(dialect: ErrorDialect, error: unknown, report: (error: unknown) => void): HttpAnswer {
  if (dialect === 'rekor-v1') return rekorV1ErrorFrom(error, report).answer;
  if (dialect === 'rekor-v2') return rekorV2ErrorFrom(error, report).answer;
  if (error instanceof HttpRefusal) return error.answer;
  const status = (error as { family?: string }).family === 'not_found' ? 404 : 500;
  if (status === 500) report(error);
  return { status, contentType: 'text/plain; charset=utf-8', body: status === 404 ? 'not found\n' : 'internal error\n' };
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the host and resolves once it listens. */
export async function startServeHost(options: ServeHostOptions): Promise<ServeHost> {
  const report = options.report ?? ((error: unknown) => process.stderr.write(`provwb serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  const ctx = createServeContext(options.workbench, { maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, verifyWorkers: options.verifyWorkers ?? 0, report });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const match = matchRoute(method, rawPath);
    const dialect = match.kind === 'found' ? match.route.dialect : match.dialect;
    try {
      if (match.kind === 'not_found') {
        throw dialect === 'rekor-v1' ? rekorV1Error(404, `no API at ${rawPath}`) : dialect === 'rekor-v2' ? rekorV2Error('not_found', `no API at ${rawPath}`) : plainNotFound(rawPath);
      }
      if (match.kind === 'method_not_allowed') {
        res.setHeader('Allow', match.allow.join(', '));
        throw dialect === 'rekor-v2' ? rekorV2Error('input', `method ${method} is not allowed`, 405) : rekorV1Error(405, `method ${method} is not allowed on ${rawPath}`);
      }
      const answer = await match.route.handler(
        { method, path: rawPath, query: new URLSearchParams(rawQuery), params: match.params, body: () => readBody(req, ctx.maxBodyBytes, tooLarge(dialect)) },
        ctx,
      );
      send(req, res, answer);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // An unread body would be taken as the next request on this kept-alive connection.
      const hasBody = (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
      if (hasBody && !req.complete) res.setHeader('Connection', 'close');
      send(req, res, errorAnswer(dialect, error, report));
    }
  }

  const server: Server = createServer({ keepAlive: true }, (req, res) => void handle(req, res));
  // Headers must arrive promptly (slow-loris); a whole request within a minute; idle keep-alive for 30 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 30_000;
  const bindHost = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) => {
      void ctx.close();
      // A taken or forbidden address is the caller's choice to change, not a crash.
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new UsageError('addr_unavailable', `cannot listen on ${formatHost(bindHost)}:${port}: ${error.code}`, { code: error.code }, { hint: 'choose another --addr (port 0 picks a free one)' }));
      } else reject(error);
    };
    server.once('error', refuse);
    server.listen(port, bindHost, () => {
      server.off('error', refuse);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bug: the serve host listens on no TCP port');
  return {
    url: `http://${formatHost(bindHost)}:${address.port}`,
    port: address.port,
    context: ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }).then(() => ctx.close()),
  };
}
