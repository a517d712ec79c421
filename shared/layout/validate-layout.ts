/** Checks a layout document and lists every problem with its JSON Pointer (STYLE.md rule 13). */

import { InputError } from '../api/errors.js';
import { compileSpecSchema, JSON_SCHEMA_DIALECT } from './compile-spec-schema.js';
import { appendPointer, isJsonObject } from './json-pointer.js';
import { isReservedKind, isValidIndexName, isValidKind, isValidVersion } from './layout-names.js';
import {
  DIGEST_ALGORITHMS,
  KEY_FORMATS_OF_SIGNATURE,
  LAYOUT_FORMAT_VERSION,
  PUBLIC_KEY_FORMATS,
  SIGNATURE_FORMATS,
  SIGNED_CONTENTS,
  type Layout,
  type LayoutProblem,
  type LayoutProblemCode,
  type PublicKeyFormat,
  type SignatureFormat,
} from './layout-types.js';
import { checkLayoutPointers, type RolePointers } from './validate-layout-pointers.js';

type Add = (pointer: string, code: LayoutProblemCode, message: string) => void;

/** Reports members outside `allowed` and missing `required` ones; returns false when `value` is not an object. */
function checkMembers(value: unknown, at: string, what: string, allowed: readonly string[], required: readonly string[], add: Add): value is Record<string, unknown> {
  if (!isJsonObject(value)) {
    add(at, 'wrong_type', `${what} must be a JSON object`);
    return false;
  }
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) add(appendPointer(at, name), 'unknown_member', `${what} has unknown member "${name}" (allowed: ${allowed.join(', ')})`);
  }
  for (const name of required) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) add(appendPointer(at, name), 'missing_member', `${what} lacks required member "${name}"`);
  }
  return true;
}

/** Returns the string member `name`, reporting a wrong type; undefined when absent or not a string. */
function stringMember(obj: Record<string, unknown>, name: string, at: string, what: string, add: Add): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(obj, name)) return undefined;
  const value = obj[name];
  if (typeof value !== 'string') {
    add(appendPointer(at, name), 'wrong_type', `${what}.${name} must be a string, not ${describe(value)}`);
    return undefined;
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Returns `value` when it is one of `options`, else reports it under `code`. */
function oneOf<T extends string>(value: string | undefined, options: readonly T[], at: string, what: string, code: LayoutProblemCode, add: Add): T | undefined {
  if (value === undefined) return undefined;
  if ((options as readonly string[]).includes(value)) return value as T;
  add(at, code, `${what} "${value}" is not one of ${options.join(', ')}`);
  return undefined;
}

function checkHeader(doc: Record<string, unknown>, add: Add): void {
  if ('layoutVersion' in doc && doc['layoutVersion'] !== LAYOUT_FORMAT_VERSION) {
    const v = doc['layoutVersion'];
    if (typeof v === 'number') add('/layoutVersion', 'unsupported_layout_version', `layoutVersion ${v} is not supported; this version reads layoutVersion ${LAYOUT_FORMAT_VERSION}`);
    else add('/layoutVersion', 'wrong_type', `layoutVersion must be the number ${LAYOUT_FORMAT_VERSION}, not ${describe(v)}`);
  }
  const kind = stringMember(doc, 'kind', '', 'layout', add);
  if (kind !== undefined) {
    if (!isValidKind(kind)) add('/kind', 'kind_invalid', `kind "${kind}" must be lowercase letters, digits and hyphens, start with a letter, not end with a hyphen, at most 64 characters`);
    else if (isReservedKind(kind)) add('/kind', 'kind_reserved', `kind "${kind}" is a built-in or Rekor kind; choose another name`);
  }
  const version = stringMember(doc, 'version', '', 'layout', add);
  if (version !== undefined && !isValidVersion(version)) {
    add('/version', 'version_invalid', `version "${version}" must be MAJOR.MINOR.PATCH with an optional -pre-release, e.g. 0.0.1`);
  }
  stringMember(doc, 'description', '', 'layout', add);
}

function checkSchema(doc: Record<string, unknown>, add: Add): Record<string, unknown> | undefined {
  if (!('schema' in doc)) return undefined;
  const schema = doc['schema'];
  if (!isJsonObject(schema)) {
    add('/schema', 'wrong_type', `schema must be a JSON Schema object, not ${describe(schema)}`);
    return undefined;
  }
  if ('$schema' in schema && schema['$schema'] !== JSON_SCHEMA_DIALECT) {
    add('/schema/$schema', 'schema_invalid', `$schema must be "${JSON_SCHEMA_DIALECT}" (draft 2020-12) or absent, not ${JSON.stringify(schema['$schema'])}`);
    return schema;
  }
  if (schema['type'] !== 'object') add('/schema/type', 'schema_invalid', 'the spec schema must declare "type": "object" (a spec is a JSON object)');
  const compiled = compileSpecSchema(schema);
  if (!compiled.ok) for (const issue of compiled.issues) add('/schema' + issue.pointer, 'schema_invalid', `schema does not compile: ${issue.message}`);
  return schema;
}

function checkRoles(doc: Record<string, unknown>, add: Add): RolePointers {
  const out: { -readonly [K in keyof RolePointers]: RolePointers[K] } = { extraData: [] };
  if (!('roles' in doc)) return out;
  const roles = doc['roles'];
  if (!checkMembers(roles, '/roles', 'roles', ['digest', 'signature', 'publicKey', 'extraData'], ['digest', 'signature', 'publicKey'], add)) return out;

  const digest = roles['digest'];
  if (digest !== undefined && checkMembers(digest, '/roles/digest', 'roles.digest', ['pointer', 'algorithm'], ['pointer', 'algorithm'], add)) {
    out.digest = stringMember(digest, 'pointer', '/roles/digest', 'roles.digest', add);
    const algorithm = stringMember(digest, 'algorithm', '/roles/digest', 'roles.digest', add);
    oneOf(algorithm, Object.keys(DIGEST_ALGORITHMS), '/roles/digest/algorithm', 'digest algorithm', 'algorithm_unknown', add);
  }

  let signatureFormat: SignatureFormat | undefined;
  const signature = roles['signature'];
  if (signature !== undefined && checkMembers(signature, '/roles/signature', 'roles.signature', ['pointer', 'format', 'signs'], ['pointer', 'format', 'signs'], add)) {
    out.signature = stringMember(signature, 'pointer', '/roles/signature', 'roles.signature', add);
    const format = stringMember(signature, 'format', '/roles/signature', 'roles.signature', add);
    signatureFormat = oneOf(format, SIGNATURE_FORMATS, '/roles/signature/format', 'signature format', 'format_unknown', add);
    const signs = stringMember(signature, 'signs', '/roles/signature', 'roles.signature', add);
    oneOf(signs, SIGNED_CONTENTS, '/roles/signature/signs', 'signed content', 'format_unknown', add);
  }

  const publicKey = roles['publicKey'];
  if (publicKey !== undefined && checkMembers(publicKey, '/roles/publicKey', 'roles.publicKey', ['pointer', 'format'], ['pointer', 'format'], add)) {
    out.publicKey = stringMember(publicKey, 'pointer', '/roles/publicKey', 'roles.publicKey', add);
    const format = stringMember(publicKey, 'format', '/roles/publicKey', 'roles.publicKey', add);
    const keyFormat: PublicKeyFormat | undefined = oneOf(format, PUBLIC_KEY_FORMATS, '/roles/publicKey/format', 'public key format', 'format_unknown', add);
    if (signatureFormat !== undefined && keyFormat !== undefined && !KEY_FORMATS_OF_SIGNATURE[signatureFormat].includes(keyFormat)) {
      add('/roles/publicKey/format', 'formats_incompatible', `public key format "${keyFormat}" cannot check "${signatureFormat}" signatures; use ${KEY_FORMATS_OF_SIGNATURE[signatureFormat].join(' or ')}`);
    }
  }

  const extraData = roles['extraData'];
  if (extraData !== undefined) {
    if (!Array.isArray(extraData)) add('/roles/extraData', 'wrong_type', `roles.extraData must be an array of JSON Pointers, not ${describe(extraData)}`);
    else {
      extraData.forEach((p, i) => {
        if (typeof p === 'string') out.extraData.push({ at: `/roles/extraData/${i}`, pointer: p });
        else add(`/roles/extraData/${i}`, 'wrong_type', `roles.extraData[${i}] must be a JSON Pointer string, not ${describe(p)}`);
      });
    }
  }
  return out;
}

function checkIndex(doc: Record<string, unknown>, add: Add): Array<{ at: string; name: string; pointer: string }> {
  if (!('index' in doc)) return [];
  const index = doc['index'];
  if (!isJsonObject(index)) {
    add('/index', 'wrong_type', `index must be an object of index name → JSON Pointer, not ${describe(index)}`);
    return [];
  }
  const out: Array<{ at: string; name: string; pointer: string }> = [];
  for (const [name, pointer] of Object.entries(index)) {
    const at = appendPointer('/index', name);
    if (!isValidIndexName(name)) add(at, 'index_name_invalid', `index name "${name}" must be a lowercase letter then letters, digits, ".", "_" or "-" (at most 64)`);
    if (typeof pointer !== 'string') add(at, 'wrong_type', `index "${name}" must map to a JSON Pointer string, not ${describe(pointer)}`);
    else out.push({ at, name, pointer });
  }
  return out;
}

/**
 * Returns every problem of a layout document, each with a JSON Pointer into it (an empty list
 * means valid): members and their types, layoutVersion, kind and version syntax, kinds reserved
 * for built-in and Rekor types, the spec schema (it must compile as draft 2020-12), role formats
 * and their compatibility, and role and index pointers (each must name a property the schema
 * declares; digest, signature and public key must be required strings). Never throws.
 */
export function validateLayout(doc: unknown): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const add: Add = (pointer, code, message) => problems.push({ pointer, code, message });
  if (!checkMembers(doc, '', 'layout', ['layoutVersion', 'kind', 'version', 'description', 'schema', 'roles', 'index'], ['layoutVersion', 'kind', 'version', 'schema', 'roles'], add)) {
    return [{ pointer: '', code: 'not_object', message: 'a layout must be a JSON object' }];
  }
  checkHeader(doc, add);
  const schema = checkSchema(doc, add);
  const roles = checkRoles(doc, add);
  const index = checkIndex(doc, add);
  checkLayoutPointers(schema, roles, index, add);
  return problems;
}

/** Returns true when validateLayout finds no problem. */
export function isValidLayout(doc: unknown): doc is Layout {
  return validateLayout(doc).length === 0;
}

/**
 * Returns the document typed as a Layout when it is valid; otherwise throws one
 * InputError('layout_invalid') whose details hold every problem (`{ problems }`).
 */
export function assertValidLayout(doc: unknown): Layout {
  const problems = validateLayout(doc);
  if (problems.length > 0) {
    const first = problems[0]!;
    const name = isJsonObject(doc) && typeof doc['kind'] === 'string' ? `layout ${doc['kind']}@${String(doc['version'])}` : 'layout';
    throw new InputError(
      'layout_invalid',
      `${name} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the first is at ${first.pointer || '(root)'}: ${first.message}`,
      { problems },
      { hint: 'fix every problem listed in details.problems; each names its place in the layout with a JSON Pointer' },
    );
  }
  return doc as Layout;
}
