/**
 * The spec schema of a layout as a tree of members, for picking role pointers: each node is a
 * member the schema declares through `properties` (following local `$ref` and `allOf`, as
 * shared/layout resolves pointers), with its JSON Pointer into the spec, its declared type, and
 * whether it is required at every level. Members inside anyOf/oneOf/if are left out: a role cannot
 * point at them (shared/layout/README.md, "pointer_unresolved").
 */

import { formatPointer, parsePointer } from '../../../../shared/layout/index.js';

export type SchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface SchemaNode {
  /** JSON Pointer into the spec, e.g. `/ExtraData/build-system`. */
  readonly pointer: string;
  readonly name: string;
  /** 0 for members of the spec itself. */
  readonly depth: number;
  /** The single declared type, or undefined when none or several. */
  readonly type: SchemaType | undefined;
  /** For arrays: the single declared item type. */
  readonly itemType: SchemaType | undefined;
  /** Required here and at every level above. */
  readonly required: boolean;
  readonly description: string | undefined;
  /** The member's (merged) schema keywords the form uses. */
  readonly enumValues: readonly (string | number | boolean)[] | undefined;
  readonly pattern: string | undefined;
  readonly maxLength: number | undefined;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeRef(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Returns the schemas that apply at `node`: itself, its local `$ref` targets and `allOf` branches (each once). */
function applicable(root: Json, node: unknown): Json[] {
  const out: Json[] = [];
  const seen = new Set<unknown>();
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!isObject(current) || seen.has(current)) continue;
    seen.add(current);
    out.push(current);
    const ref = current['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) {
      let target: unknown = root;
      for (const token of parsePointer(decodeRef(ref.slice(1))) ?? ['\u0000']) target = isObject(target) ? target[token] : undefined;
      pending.push(target);
    }
    const allOf = current['allOf'];
    if (Array.isArray(allOf)) pending.push(...allOf);
  }
  return out;
}

function single<T>(values: readonly T[]): T | undefined {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

function typeOf(schemas: readonly Json[]): SchemaType | undefined {
  return single(schemas.flatMap((s) => (typeof s['type'] === 'string' ? [s['type'] as SchemaType] : [])));
}

function first<T>(schemas: readonly Json[], pick: (s: Json) => T | undefined): T | undefined {
  for (const s of schemas) {
    const v = pick(s);
    if (v !== undefined) return v;
  }
  return undefined;
}

// Deep or self-referencing schemas ($ref cycles) are cut here; role pointers that deep are rare.
const MAX_DEPTH = 8;

/**
 * Returns the members of a spec schema depth-first, in declaration order. Cost is linear in the
 * schema's size up to MAX_DEPTH levels; never throws for odd schemas (they give fewer nodes).
 */
export function flattenSchemaTree(schema: unknown): SchemaNode[] {
  if (!isObject(schema)) return [];
  const root = schema;
  const out: SchemaNode[] = [];
  const walk = (schemas: readonly Json[], tokens: readonly string[], requiredAbove: boolean) => {
    if (tokens.length >= MAX_DEPTH) return;
    const names: string[] = [];
    const declared = new Map<string, unknown[]>();
    const required = new Set<string>();
    for (const s of schemas) {
      const properties = s['properties'];
      if (isObject(properties)) {
        for (const [name, sub] of Object.entries(properties)) {
          if (!declared.has(name)) {
            names.push(name);
            declared.set(name, []);
          }
          declared.get(name)!.push(sub);
        }
      }
      const req = s['required'];
      if (Array.isArray(req)) for (const r of req) if (typeof r === 'string') required.add(r);
    }
    for (const name of names) {
      const member = declared.get(name)!.flatMap((sub) => applicable(root, sub));
      const memberTokens = [...tokens, name];
      const isRequired = requiredAbove && required.has(name);
      const type = typeOf(member);
      const items = member.flatMap((s) => (s['items'] === undefined ? [] : applicable(root, s['items'])));
      const enumValues = first(member, (s) => (Array.isArray(s['enum']) ? (s['enum'].filter((v) => ['string', 'number', 'boolean'].includes(typeof v)) as Array<string | number | boolean>) : undefined));
      out.push({
        pointer: formatPointer(memberTokens),
        name,
        depth: tokens.length,
        type,
        itemType: type === 'array' ? typeOf(items) : undefined,
        required: isRequired,
        description: first(member, (s) => (typeof s['description'] === 'string' ? s['description'] : undefined)),
        enumValues,
        pattern: first(member, (s) => (typeof s['pattern'] === 'string' ? s['pattern'] : undefined)),
        maxLength: first(member, (s) => (typeof s['maxLength'] === 'number' ? s['maxLength'] : undefined)),
      });
      if (type === 'object' || member.some((s) => isObject(s['properties']))) walk(member, memberTokens, isRequired);
    }
  };
  walk(applicable(root, root), [], true);
  return out;
}

const SCALARS: readonly (SchemaType | undefined)[] = ['string', 'number', 'integer', 'boolean'];

/** The roles a member can take: digest, signature and public key need required strings; index fields scalars or arrays of them. */
export function eligibleRoles(node: SchemaNode): { readonly main: boolean; readonly index: boolean } {
  return {
    main: node.required && node.type === 'string',
    index: SCALARS.includes(node.type) || (node.type === 'array' && SCALARS.includes(node.itemType)),
  };
}
