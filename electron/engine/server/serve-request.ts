import type { ServeContext } from './serve-context.js';
import type { HttpAnswer } from './http-exchange.js';
import { schemaViolation } from './rekor-errors.js';

/** A request as a handler sees it: method, path, query, route parameters and a lazily read body. */
export interface ServeRequest {
  readonly method: string;
  /** The path without query, percent-decoding not applied (every route is ASCII). */
  readonly path: string;
  readonly query: URLSearchParams;
  /** What the route's pattern captured. */
  readonly params: readonly string[];
  /** Reads the body within the size limit; refuses in the route's API dialect when it is over. */
  body(): Promise<Buffer>;
}

export type Handler = (req: ServeRequest, ctx: ServeContext) => Promise<HttpAnswer> | HttpAnswer;

/**
 * Returns an integer query parameter as go-swagger reads it (decimal, optional sign), or the
 * default when absent; a missing required value, a non-integer or one under `minimum` is the 422
 * a schema violation gets.
 */
export function integerParam(query: URLSearchParams, name: string, options: { minimum: number; required?: boolean; default?: number }): number {
  const text = query.get(name);
  if (text === null || text === '') {
    if (options.default !== undefined) return options.default;
    throw schemaViolation(`${name} in query is required`);
  }
  if (!/^[+-]?[0-9]{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) throw schemaViolation(`${name} in query must be of type integer: ${JSON.stringify(text)}`);
  const value = Number(text);
  if (value < options.minimum) throw schemaViolation(`${name} in query should be greater than or equal to ${options.minimum}`);
  return value;
}
