/**
 * The serve host's HTTP plumbing: a typed refusal that carries its status and exact body, a bounded
 * body reader, and one `send` that every handler answers through.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';

/** A response decided by a handler: status, body bytes or text, and extra headers. */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A refusal that is already the answer (a Rekor `{code, message}`, a gRPC Status, a plain 404). */
export class HttpRefusal extends Error {
  constructor(readonly answer: HttpAnswer) {
    super(typeof answer.body === 'string' ? answer.body : `HTTP ${answer.status}`);
  }
}

export const JSON_TYPE = 'application/json';

/** Returns the plain-text 404 of the tile and checkpoint paths (tlog-tiles defines no error body). */
export function plainNotFound(path: string): HttpRefusal {
  return new HttpRefusal({ status: 404, contentType: 'text/plain; charset=utf-8', body: `not found: ${path}\n` });
}

/** Returns a JSON answer. */
export function jsonAnswer(status: number, value: unknown, headers?: Readonly<Record<string, string>>): HttpAnswer {
  return jsonTextAnswer(status, JSON.stringify(value), headers);
}

/** Returns a JSON answer already serialised. */
export function jsonTextAnswer(status: number, json: string, headers?: Readonly<Record<string, string>>): HttpAnswer {
  return { status, contentType: JSON_TYPE, body: json, ...(headers === undefined ? {} : { headers }) };
}

/**
 * Reads a request body of at most `limit` bytes. A body declared or found to be longer is refused
 * with `tooLarge(limit)` at once, without waiting for the rest: the caller answers and closes the
 * connection, so a client cannot hold the server with an endless upload.
 */
export function readBody(req: IncomingMessage, limit: number, tooLarge: (limit: number) => HttpRefusal): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      reject(tooLarge(limit));
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Returns the body parsed as JSON with its text, or why it is not JSON (the caller refuses in its API's words). */
export function tryParseJson(body: Buffer): { ok: true; value: unknown; text: string } | { ok: false; reason: string } {
  try {
    const text = body.toString('utf8');
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/**
 * Writes `answer` (no body for HEAD). Text goes out as a string: node:http then sends headers and
 * body in one write, with no Buffer made for the body.
 */
export function send(req: IncomingMessage, res: ServerResponse, answer: HttpAnswer): void {
  const body = answer.body;
  res.writeHead(answer.status, {
    'Content-Type': answer.contentType,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    'X-Content-Type-Options': 'nosniff',
    ...(answer.headers ?? {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
