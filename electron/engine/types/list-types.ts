/** The types a workbench's local log accepts, as `types list` and the Type designer show them. */

import { ConflictError, type RekorLogEntryMap } from '../../../shared/api/index.js';
import { assertValidLayout } from '../../../shared/layout/index.js';
import { addEntry } from '../entries/index.js';
import type { Workbench } from '../open-workbench.js';
import { BUILTIN_KINDS } from './builtin/index.js';
import { layoutEntryKind } from './custom/index.js';

export interface TypeSummary {
  readonly kind: string;
  readonly version: string;
  readonly source: 'built-in' | 'layout';
  /** The `layout` entry that defined a custom type. */
  readonly logIndex?: number;
  /** The custom type's layout document, as logged. */
  readonly layout?: unknown;
}

/**
 * Returns every type the local log accepts, in the registry's order: built-in kinds, `layout`, then
 * custom types with the first `layout` entry of each kind and version (the one that stands) and its
 * layout. Reads each layout entry once.
 */
export function listTypes(workbench: Workbench): TypeSummary[] {
  const builtin = new Set([...BUILTIN_KINDS, layoutEntryKind].map((k) => `${k.kind}@${k.apiVersion}`));
  const logId = workbench.localLog().record().id;
  const decoder = new TextDecoder();
  const first = new Map<string, { logIndex: number; layout: unknown }>();
  for (const index of workbench.store.indexesOfKind(logId, layoutEntryKind.kind)) {
    const [entry] = workbench.store.entries(logId, index, index + 1);
    if (!entry) continue;
    const spec = (JSON.parse(decoder.decode(entry.body)) as { spec: { kind: string; version: string } }).spec;
    const key = `${spec.kind}@${spec.version}`;
    if (!first.has(key)) first.set(key, { logIndex: index, layout: spec });
  }
  return workbench
    .kinds()
    .list()
    .map((k) => {
      const key = `${k.kind}@${k.apiVersion}`;
      const defined = first.get(key);
      return builtin.has(key) || !defined
        ? { kind: k.kind, version: k.apiVersion, source: 'built-in' as const }
        : { kind: k.kind, version: k.apiVersion, source: 'layout' as const, logIndex: defined.logIndex, layout: defined.layout };
    });
}

/**
 * Logs a layout as a `layout` entry and returns its Rekor LogEntry. Throws
 * InputError('layout_invalid') with every problem, or ConflictError('already_exists') when the log
 * already defines the kind and version (layouts are immutable: a change is a new version).
 */
export async function publishLayout(workbench: Workbench, layoutDoc: unknown): Promise<RekorLogEntryMap> {
  const layout = assertValidLayout(layoutDoc);
  const context = workbench.entryContext();
  if (context.registry.list().some((k) => k.kind === layout.kind && k.apiVersion === layout.version)) {
    throw new ConflictError('already_exists', `type ${layout.kind} ${layout.version} is already defined; publish a new version instead`, { kind: layout.kind, version: layout.version }, {
      hint: 'raise the version (e.g. 0.0.1 → 0.0.2): entries of the old version keep verifying under their own layout',
    });
  }
  return addEntry(context, { apiVersion: layoutEntryKind.apiVersion, kind: layoutEntryKind.kind, spec: layout });
}
