/** A valid layout with its schema compiled and its pointers parsed, remembered per layout object. */

import { compileSpecSchema, type SchemaIssue } from './compile-spec-schema.js';
import { parsePointer } from './json-pointer.js';
import type { Layout } from './layout-types.js';
import { assertValidLayout } from './validate-layout.js';

export interface PreparedLayout {
  readonly layout: Layout;
  readonly validateSpec: (spec: unknown) => SchemaIssue[];
  readonly digestTokens: readonly string[];
  readonly signatureTokens: readonly string[];
  readonly publicKeyTokens: readonly string[];
  /** Index fields sorted by name (code-unit order), so index keys come out in one order. */
  readonly index: ReadonlyArray<{ readonly name: string; readonly tokens: readonly string[] }>;
}

// Layouts are treated as immutable values; validating and compiling once per object keeps
// per-entry work to the schema check and the signature (weakly held: no growth, no singleton state).
const prepared = new WeakMap<object, PreparedLayout>();

function tokens(pointer: string): string[] {
  const parsed = parsePointer(pointer);
  if (!parsed) throw new Error(`bug: validated layout has malformed pointer ${pointer}`);
  return parsed;
}

/**
 * Returns the prepared form of a layout; throws InputError('layout_invalid') with every problem
 * when it is not valid. Callers may pass any value: entry functions never trust the layout blindly.
 */
export function prepareLayout(layout: unknown): PreparedLayout {
  if (typeof layout === 'object' && layout !== null) {
    const cached = prepared.get(layout);
    if (cached) return cached;
  }
  const valid = assertValidLayout(layout);
  const compiled = compileSpecSchema(valid.schema);
  if (!compiled.ok) throw new Error('bug: a valid layout has a schema that does not compile');
  const result: PreparedLayout = {
    layout: valid,
    validateSpec: compiled.validate,
    digestTokens: tokens(valid.roles.digest.pointer),
    signatureTokens: tokens(valid.roles.signature.pointer),
    publicKeyTokens: tokens(valid.roles.publicKey.pointer),
    index: Object.entries(valid.index ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, pointer]) => ({ name, tokens: tokens(pointer) })),
  };
  prepared.set(valid, result);
  return result;
}
