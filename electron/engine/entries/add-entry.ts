import { InputError } from '../../../shared/api/index.js';
import { canonicalJsonBytes } from '../../../shared/canonical/index.js';
import { MAX_BUNDLE_ENTRY_SIZE } from '../../../shared/merkle/index.js';
import type { RekorLogEntryMap } from '../../../shared/api/index.js';
import type { Clock } from '../log/index.js';
import type { NewEntry } from '../store/index.js';
import type { KindRegistry } from './kind-registry.js';
import { rekorLogEntry, type LogEntryContext } from './log-entry.js';
import { parseProposedEntry } from './proposed-entry.js';

/** What verifying a proposed entry needs: the kinds and the clock that sets its integrated time. */
export interface PrepareEntryContext {
  readonly registry: KindRegistry;
  readonly clock: Clock;
}

/**
 * Returns the entry to append for a proposed entry: shape → kind lookup → schema + signature
 * verification by the kind → canonical body (RFC 8785) with its index keys. Reads and writes
 * nothing; throws InputError / VerificationError for anything that does not pass.
 */
export async function prepareEntry(ctx: PrepareEntryContext, proposedJson: unknown): Promise<NewEntry & { readonly body: Uint8Array; readonly kind: string }> {
  const proposed = parseProposedEntry(proposedJson);
  const kind = ctx.registry.lookup(proposed.kind, proposed.apiVersion);
  const integratedTimeSec = Math.floor(ctx.clock.nowMs() / 1000);
  const accepted = await kind.accept(proposed, { integratedTimeSec });
  const body = canonicalJsonBytes(accepted.body);
  if (body.length > MAX_BUNDLE_ENTRY_SIZE) {
    throw new InputError('entry_too_large', `the canonical body is ${body.length} bytes; a log entry holds at most ${MAX_BUNDLE_ENTRY_SIZE}`, { bytes: body.length });
  }
  return { body, kind: kind.kind, apiVersion: kind.apiVersion, integratedTime: integratedTimeSec, indexKeys: accepted.indexKeys, attachment: accepted.attachment };
}

/**
 * Adds a proposed entry to the local log: `prepareEntry`, then the duplicate check and append with
 * its index keys, in one transaction. Nothing is stored unless every step passes. Returns the
 * Rekor v1 LogEntry.
 */
export async function addEntry(ctx: LogEntryContext & PrepareEntryContext, proposedJson: unknown): Promise<RekorLogEntryMap> {
  const entry = await prepareEntry(ctx, proposedJson);
  const result = ctx.log.append([entry], { rejectDuplicates: true });
  return rekorLogEntry(ctx, result.first);
}
