/**
 * Error answers in the two Rekor dialects. Rekor v1 (go-swagger) answers `{code, message}` with the
 * HTTP status as code: 400 for content it cannot accept (malformed body, unknown kind, a signature
 * that does not verify), 404, 409 with `Location` for a duplicate, and 422 when a request breaks the
 * OpenAPI schema (wrong types, patterns, too many items). Rekor v2 (rekor-tiles behind grpc-gateway)
 * answers a google.rpc.Status `{code, message, details: []}` with gRPC codes.
 */

import { isWorkbenchError, type ErrorFamily } from '../../../shared/api/index.js';
import { HttpRefusal, jsonAnswer } from './http-exchange.js';

/** Returns a Rekor v1 error answer. */
export function rekorV1Error(status: number, message: string, headers?: Readonly<Record<string, string>>): HttpRefusal {
  return new HttpRefusal(jsonAnswer(status, { code: status, message }, headers));
}

/** Returns the 422 Rekor v1 gives a request that breaks its OpenAPI schema. */
export function schemaViolation(message: string): HttpRefusal {
  return rekorV1Error(422, message);
}

const V1_STATUS: Readonly<Record<ErrorFamily, number>> = {
  input: 400,
  usage: 400,
  // Rekor answers a signature that does not verify as bad content (400), not as 422.
  verification: 400,
  not_found: 404,
  conflict: 409,
  fork: 409,
  internal: 500,
};

/** gRPC codes (google.golang.org/grpc/codes) and the HTTP status grpc-gateway gives each. */
const GRPC: Readonly<Record<ErrorFamily, { code: number; status: number }>> = {
  input: { code: 3, status: 400 }, // InvalidArgument
  usage: { code: 3, status: 400 },
  verification: { code: 3, status: 400 },
  not_found: { code: 5, status: 404 }, // NotFound
  conflict: { code: 6, status: 409 }, // AlreadyExists
  fork: { code: 6, status: 409 },
  internal: { code: 2, status: 500 }, // Unknown
};

/** Returns the Rekor v1 answer for any error a handler threw; anything unexpected is a 500 whose details stay in the server's log. */
export function rekorV1ErrorFrom(error: unknown, report: (error: unknown) => void): HttpRefusal {
  if (error instanceof HttpRefusal) return error;
  if (isWorkbenchError(error)) return rekorV1Error(V1_STATUS[error.family], error.message);
  report(error);
  return rekorV1Error(500, 'internal error');
}

/** Returns a Rekor v2 (google.rpc.Status) error answer. */
export function rekorV2Error(family: ErrorFamily, message: string, status?: number): HttpRefusal {
  const grpc = GRPC[family];
  return new HttpRefusal(jsonAnswer(status ?? grpc.status, { code: grpc.code, message, details: [] }));
}

/** Returns the Rekor v2 answer for any error a handler threw. */
export function rekorV2ErrorFrom(error: unknown, report: (error: unknown) => void): HttpRefusal {
  if (error instanceof HttpRefusal) return error;
  if (isWorkbenchError(error)) return rekorV2Error(error.family, error.message);
  report(error);
  return rekorV2Error('internal', 'failed to integrate entry');
}
