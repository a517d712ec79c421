/**
 * Typed errors that cross every boundary (CLI, IPC, HTTP) as data `{ code, message, hint?, details? }`.
 * Codes are snake_case and are exactly what `provwb --json` prints.
 */

export type ErrorFamily = 'verification' | 'input' | 'not_found' | 'fork' | 'usage' | 'conflict' | 'internal';

export interface WorkbenchErrorData {
  readonly family: ErrorFamily;
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ErrorOptions {
  readonly hint?: string;
  readonly cause?: unknown;
}

export class WorkbenchError extends Error {
  readonly family: ErrorFamily = 'internal';
  readonly code: string;
  readonly hint: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    this.details = details;
  }

  toData(): WorkbenchErrorData {
    return {
      family: this.family,
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** A signature, proof, hash or checkpoint did not verify. */
export class VerificationError extends WorkbenchError {
  override readonly family = 'verification';
}

/** Input was malformed or not acceptable; nothing was changed. */
export class InputError extends WorkbenchError {
  override readonly family = 'input';
}

/** The thing asked for does not exist. */
export class NotFoundError extends WorkbenchError {
  override readonly family = 'not_found';
}

/** Two signed views of a log disagree; evidence was kept. */
export class ForkError extends WorkbenchError {
  override readonly family = 'fork';
}

/** The command line itself is wrong (unknown option, missing argument). */
export class UsageError extends WorkbenchError {
  override readonly family = 'usage';
}

/** The request clashes with existing state (already exists, already initialised). */
export class ConflictError extends WorkbenchError {
  override readonly family = 'conflict';
}

const FAMILY_CLASSES: Record<ErrorFamily, new (code: string, message: string, details?: Record<string, unknown>, options?: ErrorOptions) => WorkbenchError> = {
  verification: VerificationError,
  input: InputError,
  not_found: NotFoundError,
  fork: ForkError,
  usage: UsageError,
  conflict: ConflictError,
  internal: WorkbenchError,
};

/** Returns the error rebuilt as its own class from data that crossed IPC or HTTP. */
export function errorFromData(data: WorkbenchErrorData): WorkbenchError {
  const ErrorClass = FAMILY_CLASSES[data.family] ?? WorkbenchError;
  return new ErrorClass(data.code, data.message, data.details as Record<string, unknown> | undefined, data.hint === undefined ? {} : { hint: data.hint });
}

/** Returns true for errors of this module's classes. */
export function isWorkbenchError(value: unknown): value is WorkbenchError {
  return value instanceof WorkbenchError;
}

/** Marks the end of an exhaustive switch; reaching it is a bug. */
export function assertNever(value: never): never {
  throw new Error(`bug: unexpected value ${JSON.stringify(value)}`);
}
