/**
 * Browser mode's host: serves the built renderer and WorkbenchApi over HTTP on a loopback address,
 * for one page that holds a per-run random token. Every API call and the event stream need
 * `Authorization: Bearer <token>`; requests naming another Host or Origin are refused (no CORS, no
 * DNS rebinding); bodies are capped; errors answer as `{error: {code, message, hint?, details?}}`.
 */

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  InputError,
  WORKBENCH_EVENTS,
  WorkbenchError,
  dispatchApiCall,
  errorToData,
  isApiMethod,
  parseApiInput,
  type ErrorFamily,
  type WorkbenchApi,
  type WorkbenchErrorData,
  type WorkbenchEventName,
} from '../../../shared/api/index.js';
import type { ArtifactStaging } from '../workbench-artifacts.js';
import { allowedOrigins, hasBearerToken, isAllowedFetchSite, isAllowedHost, isAllowedOrigin } from './ui-guards.js';
import { resolveStaticFile } from './ui-static.js';

export interface UiHostOptions {
  readonly api: WorkbenchApi;
  /** The built renderer (`npm run build:renderer` writes dist/renderer). */
  readonly rendererDir: string;
  /** 127.0.0.1 (default) or ::1; callers check `--addr` with parseListenAddress. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Defaults to 32 random bytes, base64url. */
  readonly token?: string;
  /** Largest API call body accepted, default 2 MiB (the largest input is a key file of at most 1 MiB, base64). */
  readonly maxBodyBytes?: number;
  /** Where `POST /api/upload` puts artefacts for `signing.sign` (the api's own staging); no uploads without it. */
  readonly staging?: ArtifactStaging;
  /** Interval of the event stream's keep-alive comments, default 15 s. */
  readonly keepAliveMs?: number;
}

export interface UiHost {
  /** The page's address with the token in its fragment: what `provwb ui` prints and opens. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Stops listening and ends every open event stream. */
  close(): Promise<void>;
}

/** The page's Content-Security-Policy: only its own scripts, styles and API; no inline script, no framing. */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), clipboard-read=()',
};

const STATUS_OF_FAMILY: Readonly<Record<ErrorFamily, number>> = {
  input: 400,
  usage: 400,
  not_found: 404,
  verification: 422,
  conflict: 409,
  fork: 409,
  internal: 500,
};

const API_CALL_PREFIX = '/api/call/';
const EVENTS_PATH = '/api/events';
const UPLOAD_PATH = '/api/upload';

/** Returns dist/renderer next to the compiled engine (dist/electron/engine/server → dist/renderer). */
export function defaultRendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'renderer');
}

/** A refusal with its HTTP status. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly data: WorkbenchErrorData,
  ) {
    super(data.message);
  }
}

function refusal(status: number, code: string, message: string, hint?: string): HttpRefusal {
  return new HttpRefusal(status, { family: 'input', code, message, ...(hint === undefined ? {} : { hint }) });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpRefusal) {
    sendJson(res, error.status, { error: error.data }, error.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="provwb-ui"' } : {});
    return;
  }
  const data = errorToData(error);
  if (!(error instanceof WorkbenchError)) process.stderr.write(`provwb ui: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  sendJson(res, STATUS_OF_FAMILY[data.family], { error: data });
}

/** Reads a request body of at most `limit` bytes; a longer one is drained and refused with 413. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(refusal(413, 'body_too_large', `the request body is ${declared} bytes; the limit is ${limit}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit nothing more is kept; the rest is read and dropped so the answer arrives intact.
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(refusal(413, 'body_too_large', `the request body is over ${limit} bytes`)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/**
 * Starts the host and returns it once it listens. The page itself and its assets need no token
 * (they hold no data); the page reads the token from its URL fragment, which browsers never send.
 */
export async function startUiHost(options: UiHostOptions): Promise<UiHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const bindHost = options.host ?? '127.0.0.1';
  const streams = new Set<ServerResponse>();
  let origins: string[] = [];

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw refusal(405, 'method_not_allowed', `${req.method ?? '?'} is not allowed on ${API_CALL_PREFIX}…; use POST`);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    // application/json also makes any cross-origin browser request preflight, which we refuse.
    if (contentType !== 'application/json') throw refusal(415, 'content_type_unsupported', `the request body must be application/json, not ${JSON.stringify(contentType)}`);
    const body = await readBody(req, maxBodyBytes);
    let input: unknown;
    try {
      input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch (error) {
      throw new InputError('json_malformed', `the request body is not valid JSON: ${(error as Error).message}`);
    }
    if (!isApiMethod(method)) throw new HttpRefusal(404, { family: 'not_found', code: 'method_unknown', message: `no API method ${JSON.stringify(method)}` });
    const result = await dispatchApiCall(options.api, method, parseApiInput(method, input));
    sendJson(res, 200, { result });
  }

  /**
   * `POST /api/upload?name=FILE` with the raw bytes (application/octet-stream): streamed to a private
   * temp file and hashed on the way, never held in memory; answers `{result: StagedArtifactDto}`.
   */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, query: string): Promise<void> {
    if (req.method !== 'POST') throw refusal(405, 'method_not_allowed', `${req.method ?? '?'} is not allowed on ${UPLOAD_PATH}; use POST`);
    if (!options.staging) throw new HttpRefusal(404, { family: 'not_found', code: 'route_not_found', message: 'this host takes no uploads' });
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== 'application/octet-stream') throw refusal(415, 'content_type_unsupported', `an upload must be application/octet-stream, not ${JSON.stringify(contentType)}`);
    const name = new URLSearchParams(query).get('name');
    if (name === null || name === '') throw new InputError('artifact_name_invalid', 'the upload names no file: add ?name=FILE');
    // Refused before reading a byte when the size is declared; checked again while streaming when not.
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > options.staging.maxBytes) throw refusal(413, 'artifact_too_large', `the file is ${declared} bytes; the limit is ${options.staging.maxBytes}`, 'sign it with `provwb sign FILE` in a terminal');
    const staged = await options.staging.stageStream(name, req);
    sendJson(res, 200, { result: staged });
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') throw refusal(405, 'method_not_allowed', `${req.method ?? '?'} is not allowed on ${EVENTS_PATH}; use GET`);
    res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 2000\n: connected\n\n');
    streams.add(res);
    const unsubscribe = (Object.keys(WORKBENCH_EVENTS) as WorkbenchEventName[]).map((name) =>
      options.api.on(name, (payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
    const end = () => {
      clearInterval(keepAlive);
      for (const u of unsubscribe) u();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('error', end);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, urlPath: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw refusal(405, 'method_not_allowed', `${req.method ?? '?'} is not allowed here`);
    const file = resolveStaticFile(options.rendererDir, urlPath);
    if (!file) {
      if (urlPath === '/' || urlPath === '/index.html') {
        throw new HttpRefusal(503, { family: 'not_found', code: 'renderer_not_built', message: `the renderer is not built: ${options.rendererDir} has no index.html`, hint: 'run `npm run build:renderer`' });
      }
      throw new HttpRefusal(404, { family: 'not_found', code: 'route_not_found', message: `nothing at ${urlPath}` });
    }
    const isPage = file.contentType.startsWith('text/html');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': file.size,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      ...(isPage ? { 'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    file.open().on('error', () => res.destroy()).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (!isAllowedHost(req.headers.host, origins)) {
        throw refusal(403, 'host_forbidden', `requests must name this host (${origins.join(' or ')}), not ${JSON.stringify(req.headers.host ?? '')}`);
      }
      if (!isAllowedOrigin(req.headers.origin, origins)) {
        throw refusal(403, 'origin_forbidden', `requests from ${JSON.stringify(req.headers.origin)} are not allowed; only this page may call the API`);
      }
      const urlPath = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
      if (urlPath.startsWith('/api/')) {
        const site = req.headers['sec-fetch-site'];
        if (!isAllowedFetchSite(typeof site === 'string' ? site : undefined)) {
          throw refusal(403, 'origin_forbidden', `API requests from other sites (Sec-Fetch-Site: ${String(site)}) are not allowed`);
        }
        if (!hasBearerToken(req.headers.authorization, token)) {
          throw refusal(401, 'unauthorized', 'this request does not carry the access token of this provwb ui run', 'open the URL that `provwb ui` printed: it carries the token after #token=');
        }
        if (urlPath === EVENTS_PATH) return handleEvents(req, res);
        if (urlPath === UPLOAD_PATH) return await handleUpload(req, res, (req.url ?? '').split('?')[1]?.split('#')[0] ?? '');
        if (urlPath.startsWith(API_CALL_PREFIX)) return await handleCall(req, res, urlPath.slice(API_CALL_PREFIX.length));
        throw new HttpRefusal(404, { family: 'not_found', code: 'route_not_found', message: `nothing at ${urlPath}` });
      }
      handleStatic(req, res, urlPath);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // An unread body would be taken as the next request on a kept-alive connection.
      if (!req.complete) res.setHeader('Connection', 'close');
      sendError(res, error);
    }
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  // Headers must arrive promptly (slow-loris); no whole-request timeout, as the event stream lives for hours.
  server.headersTimeout = 10_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bug: the UI host listens on no TCP port');
  origins = allowedOrigins(bindHost, address.port);
  const origin = origins[0]!;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port: address.port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
