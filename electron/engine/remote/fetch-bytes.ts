import { open } from 'node:fs/promises';
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
  readonly headers: Headers | undefined;
}

function remoteError(url: string, message: string, details: Record<string, unknown> = {}, cause?: unknown): VerificationError {
  return new VerificationError('remote_error', `${url}: ${message}`, { url, ...details }, cause === undefined ? {} : { cause });
}

/**
 * Returns the body at `url` (http, https or file). Fails with VerificationError `remote_error` on a
 * timeout, a body over `maxBytes`, an HTML page where data was expected, or an unexpected status;
 * NotFoundError `remote_not_found` on 404 / a missing file (tile clients fall back on those).
 */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<FetchedBytes> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options };
  if (url.startsWith('file:')) return readFileUrl(url, limits);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      signal,
      redirect: 'error',
      headers: options.json === undefined ? { accept: '*/*' } : { 'content-type': 'application/json', accept: 'application/json' },
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
    });
  } catch (error) {
    throw remoteError(url, signal.aborted ? `no answer within ${limits.timeoutMs} ms` : `request failed: ${describe(error)}`, {}, error);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status === 404) {
    await response.body?.cancel();
    throw new NotFoundError('remote_not_found', `${url}: not found (404)`, { url });
  }
  const expected = response.status === 200 || (options.acceptStatuses ?? []).includes(response.status);
  const body = await readLimited(url, response, limits, signal);
  if (!expected) {
    throw remoteError(url, `HTTP ${response.status}${describeBody(body, contentType)}`, { status: response.status });
  }
  if (/^text\/html/i.test(contentType)) {
    throw remoteError(url, 'the server answered with an HTML page, not log data (a proxy or error page?)', { status: response.status });
  }
  return { status: response.status, body, contentType, headers: response.headers };
}

async function readLimited(url: string, response: Response, limits: FetchLimits, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw remoteError(url, `the response is ${declared} bytes, over the limit of ${limits.maxBytes}`, { bytes: declared, limit: limits.maxBytes });
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
      length += read.value.length;
      if (length > limits.maxBytes) {
        await reader!.cancel().catch(() => undefined);
        throw remoteError(url, `the response is over the limit of ${limits.maxBytes} bytes`, { limit: limits.maxBytes });
      }
      chunks.push(read.value);
    }
  } catch (error) {
    if (error instanceof VerificationError) throw error;
    throw remoteError(url, signal.aborted ? `no complete answer within ${limits.timeoutMs} ms` : `reading the response failed: ${describe(error)}`, {}, error);
  }
  return concat(chunks, length);
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
    return { status: 200, body: body.subarray(0, bytesRead), contentType: '', headers: undefined };
  } finally {
    await handle.close();
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
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
