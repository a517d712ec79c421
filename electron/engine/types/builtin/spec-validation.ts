/**
 * Spec validation that reports every problem with a JSON Pointer, as the designer and CLI show them.
 * Rekor v1 validates the decoded spec against its swagger models; the go-swagger models do not
 * enforce `oneOf` (the kinds check those combinations in code), so validation drops `oneOf` and each
 * kind checks the combinations itself with clearer messages.
 */

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError } from '../../../../shared/api/index.js';
import { decodeGoBase64 } from './go-base64.js';

/** One thing wrong with a spec, at a JSON Pointer relative to the spec. */
export interface SpecProblem {
  readonly pointer: string;
  readonly message: string;
}

function withoutOneOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOneOf);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'oneOf').map(([key, inner]) => [key, withoutOneOf(inner)]));
}

function pointerOf(error: ErrorObject): string {
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  return missing === undefined ? error.instancePath : `${error.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'format' && (error.params as { format?: string }).format === 'byte') return 'must be standard base64 (RFC 4648 §4, padded)';
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`;
  return error.message ?? `fails ${error.keyword}`;
}

// Compiled once per schema object: the schemas are module constants.
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Readonly<Record<string, unknown>>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, strict: false, formats: { byte: (text: string) => decodeGoBase64(text) !== undefined } });
  const validate = ajv.compile(withoutOneOf(schema) as Record<string, unknown>);
  compiled.set(schema, validate);
  return validate;
}

/** Returns every schema problem of `spec` (none when it is valid); `oneOf` is not enforced (see above). */
export function schemaProblems(schema: Readonly<Record<string, unknown>>, spec: unknown): SpecProblem[] {
  const validate = validatorFor(schema);
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((e) => ({ pointer: pointerOf(e), message: messageOf(e) }));
}

/**
 * Throws InputError('entry_schema_invalid') listing every problem (details.problems) when there are
 * any; `label` is the kind and version ("hashedrekord 0.0.1").
 */
export function throwIfProblems(label: string, problems: readonly SpecProblem[]): void {
  if (problems.length === 0) return;
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new InputError('entry_schema_invalid', `${label} spec is invalid: ${first.pointer || '/'} ${first.message}${more}`, { problems }, { hint: 'see `provwb types show` for the spec schema' });
}

/** Checks `spec` against `schema` and throws InputError('entry_schema_invalid') with every problem. */
export function assertSpecMatchesSchema(label: string, schema: Readonly<Record<string, unknown>>, spec: unknown): void {
  throwIfProblems(label, schemaProblems(schema, spec));
}

/** Returns one problem, for checks done in code. */
export function problem(pointer: string, message: string): SpecProblem {
  return { pointer, message };
}
