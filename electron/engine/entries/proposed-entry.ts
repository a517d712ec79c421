import { InputError } from '../../../shared/api/index.js';
import type { ProposedEntry } from '../types/entry-kind.js';

/** Returns the `{apiVersion, kind, spec}` envelope of a Rekor proposed entry, checked for shape only. */
export function parseProposedEntry(value: unknown): ProposedEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('entry_malformed', 'a proposed entry must be a JSON object {apiVersion, kind, spec}');
  }
  const { apiVersion, kind, spec } = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof kind !== 'string' || kind === '') problems.push('"kind" must be a non-empty string');
  if (typeof apiVersion !== 'string' || apiVersion === '') problems.push('"apiVersion" must be a non-empty string');
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) problems.push('"spec" must be an object');
  if (problems.length > 0) throw new InputError('entry_malformed', `the proposed entry is malformed: ${problems.join('; ')}`, { problems });
  return { apiVersion: apiVersion as string, kind: kind as string, spec };
}
