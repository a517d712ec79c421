import { open } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { NotFoundError, VerificationError } from '../../../shared/api/index.js';

/** Limits every download from a remote obeys: a hostile or broken server cannot hang or flood us. */
export interface FetchLimits {
  /** Whole-request deadline (connect, headers and body). */
  readonly timeoutMs: number;
  /** Largest body accepted; a longer one is refused before it is all read. */
  readonly maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 8 << 20 };

/** Options of one request. */
export interface FetchOptions extends Partial<FetchLimits> {
  readonly method?: 'GET' | 'POST';
  /** JSON request body (POST). */
  readonly json?: unknown;
  /** Statuses other than 200 that are answers, not failures (e.g. 201, 409 from Rekor). */
  readonly acceptStatuses?: readonly number[];
}

export interface FetchedBytes {
  readonly status: number;
  readonly body: Uint8Array;
  readonly contentType: string;
  /** A response header (undefined for file:// and absent headers). */
  header(name: string): string | undefined;
}

interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Uint8Array;
}

// One keep-alive pool per protocol: a sync makes thousands of small requests to one host, and
// node:http costs about half of what fetch() does per request here.
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }) };

function remoteError(url: string, message: string, details: Record<string, unknown> = {}, cause?: unknown): VerificationError {
  return new VerificationError('remote_error', `${url}: ${message}`, { url, ...details }, cause === undefined ? {} : { cause });
}

/**
 * Returns the body at `url` (http, https or file). Fails with VerificationError `remote_error` on a
 * timeout, a body over `maxBytes`, an HTML page where data was expected, a redirect or another
 * unexpected status; NotFoundError `remote_not_found` on 404 / a missing file (tile clients fall
 * back on those).
 */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<FetchedBytes> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options };
  if (url.startsWith('file:')) return readFileUrl(url, limits);
  const answer = await request(url, options, limits);
  const contentType = String(answer.headers['content-type'] ?? '');
  if (answer.status === 404) throw new NotFoundError('remote_not_found', `${url}: not found (404)`, { url });
  const expected = answer.status === 200 || (options.acceptStatuses ?? []).includes(answer.status);
  if (!expected) throw remoteError(url, `HTTP ${answer.status}${describeBody(answer.body, contentType)}`, { status: answer.status });
  if (/^text\/html/i.test(contentType)) {
    throw remoteError(url, 'the server answered with an HTML page, not log data (a proxy or error page?)', { status: answer.status });
  }
  return {
    status: answer.status,
    body: answer.body,
    contentType,
    header: (name) => {
      const value = answer.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  };
}

function request(url: string, options: FetchOptions, limits: FetchLimits): Promise<RawAnswer> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(remoteError(url, 'not a URL'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.reject(remoteError(url, `unsupported protocol ${target.protocol}`));
  const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  return new Promise((resolve, reject) => {
    const req = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: options.method ?? 'GET',
        agent: agents[target.protocol as 'http:' | 'https:'],
        headers: payload === undefined ? { accept: '*/*' } : { 'content-type': 'application/json', accept: 'application/json', 'content-length': payload.length },
      },
      (response) => {
        const declared = Number(response.headers['content-length'] ?? NaN);
        if (declared > limits.maxBytes) {
          req.destroy();
          reject(remoteError(url, `the response is ${declared} bytes, over the limit of ${limits.maxBytes}`, { bytes: declared, limit: limits.maxBytes }));
          return;
        }
        const chunks: Buffer[] = [];
        let length = 0;
        response.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > limits.maxBytes) {
            req.destroy();
            reject(remoteError(url, `the response is over the limit of ${limits.maxBytes} bytes`, { limit: limits.maxBytes }));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
        response.on('aborted', () => reject(remoteError(url, 'the connection closed before the answer was complete')));
        response.on('error', (error) => reject(remoteError(url, `reading the answer failed: ${describe(error)}`, {}, error)));
      },
    );
    const timer = setTimeout(() => {
      reject(remoteError(url, `no complete answer within ${limits.timeoutMs} ms`));
      req.destroy();
    }, limits.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => reject(remoteError(url, `request failed: ${describe(error)}`, {}, error)));
    req.end(payload);
  });
}

async function readFileUrl(url: string, limits: FetchLimits): Promise<FetchedBytes> {
  let handle;
  try {
    handle = await open(fileURLToPath(url), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('remote_not_found', `${url}: no such file`, { url });
    throw remoteError(url, `cannot open: ${describe(error)}`, {}, error);
  }
  try {
    const { size } = await handle.stat();
    if (size > limits.maxBytes) throw remoteError(url, `the file is ${size} bytes, over the limit of ${limits.maxBytes}`, { bytes: size, limit: limits.maxBytes });
    const body = new Uint8Array(size);
    const { bytesRead } = await handle.read(body, 0, size, 0);
    return { status: 200, body: body.subarray(0, bytesRead), contentType: '', header: () => undefined };
  } finally {
    await handle.close();
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const text = error instanceof Error ? error.message : String(error);
  return cause instanceof Error ? `${text} (${cause.message})` : text;
}

function describeBody(body: Uint8Array, contentType: string): string {
  if (body.length === 0 || /html/i.test(contentType)) return '';
  const text = new TextDecoder().decode(body.subarray(0, 200)).replace(/\s+/g, ' ').trim();
  return text ? `: ${text}` : '';
}
