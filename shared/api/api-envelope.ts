/**
 * Errors as data across IPC and HTTP: the sending side turns any thrown value into
 * WorkbenchErrorData, the receiving side checks the envelope's shape and rebuilds the same class.
 */

import { errorFromData, isWorkbenchError, WorkbenchError, type ErrorFamily, type WorkbenchErrorData } from './errors.js';
import type { ApiEnvelope } from './workbench-api.js';

const FAMILIES: Readonly<Record<ErrorFamily, true>> = { verification: true, input: true, not_found: true, fork: true, usage: true, conflict: true, internal: true };

/**
 * Returns the data of a thrown value: a WorkbenchError's own, else an `internal_error` that names
 * the message but never the stack (which may hold paths the other side has no business seeing).
 */
export function errorToData(error: unknown): WorkbenchErrorData {
  if (isWorkbenchError(error)) return error.toData();
  const message = error instanceof Error ? error.message : String(error);
  return { family: 'internal', code: 'internal_error', message: `internal error: ${message}`, hint: 'this is a bug in the workbench; the engine log has the details' };
}

/** Returns the envelope of a failed call. */
export function failureEnvelope(error: unknown): ApiEnvelope<never> {
  return { ok: false, error: errorToData(error) };
}

/**
 * Returns `value` checked as WorkbenchErrorData, or undefined when it is not shaped like one
 * (family from the known set, code and message strings, optional hint string and details object).
 */
export function parseErrorData(value: unknown): WorkbenchErrorData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { family, code, message, hint, details } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  if (hint !== undefined && typeof hint !== 'string') return undefined;
  if (details !== undefined && (typeof details !== 'object' || details === null || Array.isArray(details))) return undefined;
  const knownFamily = typeof family === 'string' && Object.prototype.hasOwnProperty.call(FAMILIES, family) ? (family as ErrorFamily) : 'internal';
  return {
    family: knownFamily,
    code,
    message,
    ...(hint === undefined ? {} : { hint }),
    ...(details === undefined ? {} : { details: details as Record<string, unknown> }),
  };
}

/**
 * Returns the result carried by an envelope, or throws the WorkbenchError it carries rebuilt as its
 * own class; a value that is no envelope throws WorkbenchError('bad_response').
 */
export function resultFromEnvelope(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    const envelope = value as Record<string, unknown>;
    if (envelope.ok === true && 'result' in envelope) return envelope.result;
    if (envelope.ok === false) {
      const data = parseErrorData(envelope.error);
      if (data) throw errorFromData(data);
    }
  }
  throw new WorkbenchError('bad_response', 'the engine answered something that is not a result or an error envelope');
}
