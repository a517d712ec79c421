/**
 * Compiles a layout's JSON Schema (draft 2020-12) for `spec` with Ajv, and turns Ajv's errors into
 * problems with JSON Pointers. Ajv's 2020 build runs in Node and in browsers alike.
 */

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { appendPointer } from './json-pointer.js';

/** The only `$schema` a layout's schema may name. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A problem found by Ajv; `pointer` is relative to the schema (compile) or to the spec (validate). */
export interface SchemaIssue {
  readonly pointer: string;
  readonly message: string;
}

export type CompiledSpecSchema =
  | { readonly ok: true; readonly validate: (spec: unknown) => SchemaIssue[] }
  | { readonly ok: false; readonly issues: readonly SchemaIssue[] };

function createAjv(validateSchema: boolean): Ajv2020 {
  return new Ajv2020({
    validateSchema,
    // Every problem, not the first: the designer underlines all of them (STYLE.md rule 13).
    allErrors: true,
    // Unknown keywords are mistakes (a typo such as "requried" would silently accept anything).
    strictSchema: true,
    strictNumbers: true,
    // Type strictness only warns about style (e.g. "properties" without "type"); not a problem.
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // 2020-12 makes "format" an annotation; no format plug-in is bundled, so it is not asserted.
    validateFormats: false,
    logger: false,
  });
}

/** Returns the pointer of the value an Ajv error is about, naming the missing or extra member itself. */
function errorPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const member =
    error.keyword === 'required' || error.keyword === 'dependentRequired'
      ? params['missingProperty']
      : error.keyword === 'additionalProperties'
        ? params['additionalProperty']
        : error.keyword === 'unevaluatedProperties'
          ? params['unevaluatedProperty']
          : error.keyword === 'propertyNames'
            ? params['propertyName']
            : undefined;
  return typeof member === 'string' ? appendPointer(error.instancePath, member) : error.instancePath;
}

// The pointer already names the member, so say what is wrong with it rather than with its parent.
const MEMBER_MESSAGES: Readonly<Record<string, string>> = {
  required: 'is required but missing',
  dependentRequired: 'is required (by dependentRequired) but missing',
  additionalProperties: 'is not allowed (additionalProperties)',
  unevaluatedProperties: 'is not allowed (unevaluatedProperties)',
};

function issuesOf(errors: readonly ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => ({ pointer: errorPointer(e), message: MEMBER_MESSAGES[e.keyword] ?? e.message ?? `fails ${e.keyword}` }));
}

// Compiling costs milliseconds and a layout is used for many entries; layouts are immutable, so
// the compiled form is remembered per schema object (weakly: it goes when the layout goes).
const compiled = new WeakMap<object, CompiledSpecSchema>();

/**
 * Returns the compiled validator of a spec schema, or the issues that stop it compiling: issues
 * against the 2020-12 meta-schema carry pointers into the schema; other compile errors (unknown
 * keyword, unresolvable $ref) point at the schema root. Never throws for bad schemas.
 */
export function compileSpecSchema(schema: Readonly<Record<string, unknown>>): CompiledSpecSchema {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const result = compileUncached(schema);
  compiled.set(schema, result);
  return result;
}

// Checking a schema against the 2020-12 meta-schema first compiles the meta-schema (~30 ms), so one
// instance does all meta-validation. It never holds a layout's schema (validateSchema adds none),
// so no layout can see another's.
let metaAjv: Ajv2020 | undefined;

function compileUncached(schema: Readonly<Record<string, unknown>>): CompiledSpecSchema {
  metaAjv ??= createAjv(true);
  let metaValid: unknown;
  try {
    metaValid = metaAjv.validateSchema(schema);
  } catch (error) {
    // E.g. a RangeError from a schema nested thousands deep: a bad schema, not a crash.
    return { ok: false, issues: [{ pointer: '', message: (error as Error).message }] };
  }
  if (metaValid !== true) return { ok: false, issues: issuesOf(metaAjv.errors) };
  // One Ajv per schema: a schema's "$id" registers it in its instance, and another layout could then
  // "$ref" it (or clash with it); a fresh instance keeps each layout self-contained.
  const ajv = createAjv(false);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    return { ok: false, issues: [{ pointer: '', message: (error as Error).message }] };
  }
  return {
    ok: true,
    validate: (spec) => (validate(spec) ? [] : issuesOf(validate.errors)),
  };
}
