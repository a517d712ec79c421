/**
 * The `layout` kind (0.0.1): an entry that records a layout document, so custom types are
 * tamper-evident and travel with the log. Its spec is the layout; it carries no signature.
 */

import { InputError } from '../api/errors.js';
import { canonicalJson } from '../canonical/index.js';
import { isJsonObject } from './json-pointer.js';
import type { EntryProblemCode, Layout, LayoutIndexKey, LayoutProblemCode } from './layout-types.js';
import { validateLayout } from './validate-layout.js';

export const LAYOUT_KIND = 'layout';
export const LAYOUT_KIND_VERSION = '0.0.1';

/** A problem of a layout entry: of the entry itself, or of its layout (pointer under `/spec`). */
export interface LayoutEntryProblem {
  readonly pointer: string;
  readonly code: EntryProblemCode | LayoutProblemCode;
  readonly message: string;
}

/** The canonical body of a layout entry. */
export type LayoutEntryBody = {
  readonly apiVersion: typeof LAYOUT_KIND_VERSION;
  readonly kind: typeof LAYOUT_KIND;
  readonly spec: Layout;
};

/**
 * Returns every problem of a proposed `layout` entry, with pointers into the entry: kind must be
 * "layout", apiVersion "0.0.1", and the spec a valid layout (validateLayout's problems, under /spec).
 */
export function validateLayoutEntry(proposed: unknown): LayoutEntryProblem[] {
  if (!isJsonObject(proposed)) return [{ pointer: '', code: 'not_object', message: 'an entry must be a JSON object {apiVersion, kind, spec}' }];
  const problems: LayoutEntryProblem[] = [];
  for (const name of Object.keys(proposed)) {
    if (!['apiVersion', 'kind', 'spec'].includes(name)) problems.push({ pointer: `/${name}`, code: 'schema_violation', message: `an entry has only apiVersion, kind and spec, not "${name}"` });
  }
  if (proposed['kind'] !== LAYOUT_KIND) problems.push({ pointer: '/kind', code: 'kind_mismatch', message: `kind is ${JSON.stringify(proposed['kind'])}, not "layout"` });
  if (proposed['apiVersion'] !== LAYOUT_KIND_VERSION) {
    problems.push({ pointer: '/apiVersion', code: 'api_version_mismatch', message: `apiVersion is ${JSON.stringify(proposed['apiVersion'])}; layout entries are version "${LAYOUT_KIND_VERSION}"` });
  }
  for (const p of validateLayout(proposed['spec'])) problems.push({ pointer: '/spec' + p.pointer, code: p.code, message: p.message });
  return problems;
}

/**
 * Returns the canonical body `{apiVersion: "0.0.1", kind: "layout", spec: <layout>}` of a layout
 * entry, the whole layout kept (a fresh copy in RFC 8785 key order). Throws
 * InputError('layout_invalid') with every problem (pointers into the entry).
 */
export function deriveLayoutEntryBody(proposed: unknown): LayoutEntryBody {
  const problems = validateLayoutEntry(proposed);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new InputError(
      'layout_invalid',
      `layout entry has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the first is at ${first.pointer || '(root)'}: ${first.message}`,
      { problems },
      { hint: 'fix every problem listed in details.problems; each names its place in the entry with a JSON Pointer' },
    );
  }
  const spec = JSON.parse(canonicalJson((proposed as { spec: unknown }).spec)) as Layout;
  return { apiVersion: LAYOUT_KIND_VERSION, kind: LAYOUT_KIND, spec };
}

/** Returns the index key of a layout entry: `field` `layout=<kind>@<version>`. Throws like deriveLayoutEntryBody. */
export function deriveLayoutEntryIndexKeys(body: unknown): LayoutIndexKey[] {
  const { spec } = deriveLayoutEntryBody(body);
  return [{ type: 'field', value: `layout=${spec.kind}@${spec.version}` }];
}
