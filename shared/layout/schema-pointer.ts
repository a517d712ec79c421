/**
 * Follows a JSON Pointer into the data through a JSON Schema: which subschema declares the member a
 * role points at, and whether every step of the way is required.
 */

import { formatPointer, isJsonObject, parsePointer, valueAtTokens } from './json-pointer.js';

/** The subschemas that declare one member, and whether any of them makes it required. */
export interface ResolvedMember {
  /** Every subschema declaring the member (several when allOf branches each declare it). */
  readonly schemas: readonly unknown[];
  /** True when each step from the root to the member is listed in a `required` that applies. */
  readonly required: boolean;
}

export type SchemaPointerResult =
  | { readonly ok: true; readonly member: ResolvedMember }
  | { readonly ok: false; readonly reason: string };

/**
 * Returns the schemas that apply at a node: the node itself, the targets of its local `$ref`s
 * ("#/…" inside the same schema) and its `allOf` branches, recursively. Only these keywords are
 * followed, since a member declared only inside anyOf/oneOf/if is not guaranteed to exist.
 * Each subschema is visited once, so self-referencing or fanned-out schemas (attacker-supplied)
 * cost time linear in their size.
 */
function applicableSchemas(root: unknown, node: unknown): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<unknown>();
  // An explicit stack, not recursion: a chain of thousands of $refs must not overflow the call stack.
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const current = pending.pop();
    if (seen.has(current)) continue;
    seen.add(current);
    out.push(current);
    if (!isJsonObject(current)) continue;
    const ref = current['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const tokens = parsePointer(decodeURIComponentSafe(ref.slice(1)));
      const target = tokens === undefined ? undefined : valueAtTokens(root, tokens);
      if (target !== undefined) pending.push(target);
    }
    const allOf = current['allOf'];
    if (Array.isArray(allOf)) for (const branch of allOf) pending.push(branch);
  }
  return out;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Returns the subschemas that declare the member at `tokens` (via `properties`), or why none does.
 * Array items are not followed: roles and index fields name object members, one value each.
 */
export function resolveSchemaMember(root: Readonly<Record<string, unknown>>, tokens: readonly string[]): SchemaPointerResult {
  let current: unknown[] = [root];
  let required = true;
  for (const [i, token] of tokens.entries()) {
    const applicable = current.flatMap((s) => applicableSchemas(root, s));
    const declared: unknown[] = [];
    let stepRequired = false;
    for (const schema of applicable) {
      if (!isJsonObject(schema)) continue;
      const properties = schema['properties'];
      if (isJsonObject(properties) && Object.prototype.hasOwnProperty.call(properties, token)) declared.push(properties[token]);
      const req = schema['required'];
      if (Array.isArray(req) && req.includes(token)) stepRequired = true;
    }
    if (declared.length === 0) {
      const where = i === 0 ? 'the spec schema' : `the schema of ${formatPointer(tokens.slice(0, i))}`;
      return { ok: false, reason: `${where} declares no property "${token}"` };
    }
    required &&= stepRequired;
    current = declared;
  }
  return { ok: true, member: { schemas: current.flatMap((s) => applicableSchemas(root, s)), required } };
}

/** JSON Schema instance types. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** Returns the single `type` the member's schemas declare, or undefined when none or several differ. */
export function declaredType(member: ResolvedMember): JsonType | undefined {
  const types = new Set<string>();
  for (const schema of member.schemas) {
    if (isJsonObject(schema) && typeof schema['type'] === 'string') types.add(schema['type']);
  }
  if (types.size !== 1) return undefined;
  return [...types][0] as JsonType;
}

/** Returns the single `type` of the array items the member's schemas declare, if any. */
export function declaredItemType(root: Readonly<Record<string, unknown>>, member: ResolvedMember): JsonType | undefined {
  const items = member.schemas.flatMap((s) => (isJsonObject(s) && s['items'] !== undefined ? applicableSchemas(root, s['items']) : []));
  return declaredType({ schemas: items, required: false });
}
