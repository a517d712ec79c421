import type { WorkbenchErrorData } from '../../../shared/api/index.js';

export interface Output {
  write(text: string): void;
}

/** Prints a command's result: exactly one JSON document with --json, else its human text. */
export function printResult(out: Output, json: boolean, data: unknown, human: () => string): void {
  if (json) {
    out.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  const text = human();
  if (text !== '') out.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Prints an error: the `{error: {code, message, …}}` envelope with --json, else one sentence (and a hint). */
export function printError(err: Output, json: boolean, error: WorkbenchErrorData): void {
  if (json) {
    const { family: _family, ...rest } = error;
    err.write(`${JSON.stringify({ error: rest })}\n`);
    return;
  }
  err.write(`provwb: ${error.message}\n`);
  if (error.hint) err.write(`hint: ${error.hint}\n`);
}
