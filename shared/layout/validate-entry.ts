/** Checks a proposed entry (or a stored body) against its layout and lists every problem. */

import { InputError } from '../api/errors.js';
import { isJsonObject } from './json-pointer.js';
import { decodeRoles } from './decode-roles.js';
import type { EntryDocument, EntryProblem, Layout } from './layout-types.js';
import { prepareLayout } from './prepared-layout.js';

const ENTRY_MEMBERS = ['apiVersion', 'kind', 'spec'];

/**
 * Returns every problem of an entry `{apiVersion, kind, spec}` under `layout`, each with a JSON
 * Pointer into the entry (an empty list means valid): kind and apiVersion must name exactly this
 * layout, every JSON Schema error of `spec` (at the offending or missing member), and malformed
 * digest, signature and key values. Does not check the signature (verifyEntrySignature does).
 * Throws InputError('layout_invalid') when the layout itself is not valid.
 */
export function validateEntry(layout: Layout, proposed: unknown): EntryProblem[] {
  const prepared = prepareLayout(layout);
  const { kind, version } = prepared.layout;
  if (!isJsonObject(proposed)) return [{ pointer: '', code: 'not_object', message: 'an entry must be a JSON object {apiVersion, kind, spec}' }];
  const problems: EntryProblem[] = [];
  for (const name of Object.keys(proposed)) {
    if (!ENTRY_MEMBERS.includes(name)) problems.push({ pointer: `/${name}`, code: 'schema_violation', message: `an entry has only apiVersion, kind and spec, not "${name}"` });
  }
  if (proposed['kind'] !== kind) problems.push({ pointer: '/kind', code: 'kind_mismatch', message: `kind is ${JSON.stringify(proposed['kind'])}, this layout is "${kind}"` });
  if (proposed['apiVersion'] !== version) {
    problems.push({ pointer: '/apiVersion', code: 'api_version_mismatch', message: `apiVersion is ${JSON.stringify(proposed['apiVersion'])}, this layout is ${kind} version "${version}"` });
  }
  if (!('spec' in proposed)) {
    problems.push({ pointer: '/spec', code: 'schema_violation', message: 'the entry has no spec' });
    return problems;
  }
  const spec = proposed['spec'];
  for (const issue of prepared.validateSpec(spec)) problems.push({ pointer: '/spec' + issue.pointer, code: 'schema_violation', message: `/spec${issue.pointer} ${issue.message}` });
  problems.push(...decodeRoles(prepared, spec).problems);
  return problems;
}

/**
 * Returns the entry typed when validateEntry finds nothing; otherwise throws one
 * InputError('entry_invalid') whose details hold every problem (`{ problems }`).
 */
export function assertValidEntry(layout: Layout, proposed: unknown): EntryDocument {
  const problems = validateEntry(layout, proposed);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new InputError(
      'entry_invalid',
      `${layout.kind} ${layout.version} entry has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the first is at ${first.pointer || '(root)'}: ${first.message}`,
      { kind: layout.kind, version: layout.version, problems },
      { hint: `compare the entry with the schema of layout ${layout.kind}@${layout.version}; details.problems lists each place` },
    );
  }
  return proposed as EntryDocument;
}
