/** The pointer half of validateLayout: each role and index pointer must name a declared spec property. */

import { parsePointer, pointersOverlap } from './json-pointer.js';
import type { LayoutProblemCode } from './layout-types.js';
import { declaredItemType, declaredType, resolveSchemaMember, type JsonType } from './schema-pointer.js';

/** The role pointers found in the layout, before checking (undefined when absent or mistyped). */
export interface RolePointers {
  readonly digest?: string;
  readonly signature?: string;
  readonly publicKey?: string;
  readonly extraData: Array<{ readonly at: string; readonly pointer: string }>;
}

type Add = (pointer: string, code: LayoutProblemCode, message: string) => void;

const SCALARS: readonly JsonType[] = ['string', 'number', 'integer', 'boolean'];

type Expect = 'required-string' | 'scalar-or-scalar-array' | 'any';

/** Checks one pointer; returns its tokens when it is well-formed (resolved or not). */
function checkPointer(
  schema: Readonly<Record<string, unknown>> | undefined,
  at: string,
  what: string,
  pointer: string,
  expect: Expect,
  add: Add,
): string[] | undefined {
  const tokens = parsePointer(pointer);
  if (tokens === undefined) {
    add(at, 'pointer_invalid', `${what} "${pointer}" is not a JSON Pointer (RFC 6901: "" or "/a/b", with "~0" for "~" and "~1" for "/")`);
    return undefined;
  }
  if (tokens.length === 0) {
    add(at, 'pointer_invalid', `${what} must name a member of the spec, not the whole spec ("")`);
    return undefined;
  }
  if (schema === undefined) return tokens;
  const resolved = resolveSchemaMember(schema, tokens);
  if (!resolved.ok) {
    add(at, 'pointer_unresolved', `${what} "${pointer}" points to nowhere: ${resolved.reason}`);
    return tokens;
  }
  const type = declaredType(resolved.member);
  switch (expect) {
    case 'required-string':
      if (!resolved.member.required) add(at, 'pointer_not_required', `${what} "${pointer}" must be required at every level of the schema, or some entries could not be verified`);
      if (type !== 'string') add(at, 'pointer_wrong_type', `${what} "${pointer}" must be declared "type": "string" in the schema, not ${type ?? 'no single type'}`);
      break;
    case 'scalar-or-scalar-array': {
      const ok = (type !== undefined && SCALARS.includes(type)) || (type === 'array' && SCALARS.includes(declaredItemType(schema, resolved.member) ?? 'null'));
      if (!ok) add(at, 'pointer_wrong_type', `${what} "${pointer}" must be declared as a string, number, integer or boolean, or an array of one of these, not ${type ?? 'no single type'}`);
      break;
    }
    case 'any':
      break;
  }
  return tokens;
}

/**
 * Reports every problem of the role and index pointers against the spec schema (skipping
 * resolution when there is no usable schema): syntax, resolution, required-ness and declared
 * types, and digest, signature and public key pointers that overlap.
 */
export function checkLayoutPointers(
  schema: Readonly<Record<string, unknown>> | undefined,
  roles: RolePointers,
  index: ReadonlyArray<{ readonly at: string; readonly name: string; readonly pointer: string }>,
  add: Add,
): void {
  const main: Array<{ at: string; role: string; tokens: string[] }> = [];
  for (const role of ['digest', 'signature', 'publicKey'] as const) {
    const pointer = roles[role];
    if (pointer === undefined) continue;
    const at = `/roles/${role}/pointer`;
    const tokens = checkPointer(schema, at, `roles.${role}.pointer`, pointer, 'required-string', add);
    if (tokens) main.push({ at, role, tokens });
  }
  // One value cannot be two roles; and the statement a signature covers drops the signature member,
  // which must not take a digest or key with it.
  for (let i = 0; i < main.length; i++) {
    for (let j = 0; j < i; j++) {
      if (pointersOverlap(main[i]!.tokens, main[j]!.tokens)) {
        add(main[i]!.at, 'pointers_overlap', `roles.${main[i]!.role}.pointer overlaps roles.${main[j]!.role}.pointer; each role needs its own member`);
      }
    }
  }
  for (const { at, pointer } of roles.extraData) checkPointer(schema, at, 'extra data pointer', pointer, 'any', add);
  for (const { at, name, pointer } of index) checkPointer(schema, at, `index "${name}"`, pointer, 'scalar-or-scalar-array', add);
}
