import { isWorkbenchError } from '../../../shared/api/index.js';
import type { KindRegistry } from '../entries/index.js';
import type { NewEntry } from '../store/index.js';

/** An authenticated entry of a mirrored Rekor log that its own kind's rules reject. */
export interface EntryProblem {
  readonly index: number;
  readonly problem: string;
}

/**
 * Returns a mirrored Rekor entry ready to store: with its kind, integrated time and search keys
 * when the body is a kind we know and it re-verifies; as plain bytes otherwise. A log that
 * included an entry its kind rejects has misbehaved, but the mirror must still hold exactly what
 * the log signed, so the entry is kept (unindexed) and the problem is reported.
 */
export async function typedEntryOf(kinds: KindRegistry, body: Uint8Array, index: number, integratedTime: number | undefined, problems?: EntryProblem[]): Promise<NewEntry> {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) as Record<string, unknown>;
  } catch {
    problems?.push({ index, problem: 'the entry is not JSON, so not a Rekor entry' });
    return { body };
  }
  const { kind, apiVersion } = parsed;
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') {
    problems?.push({ index, problem: 'the entry has no kind and apiVersion' });
    return { body };
  }
  try {
    const entryKind = kinds.lookup(kind, apiVersion);
    await entryKind.verifyStored(parsed, { integratedTimeSec: integratedTime ?? 0 });
    return { body, kind, apiVersion, integratedTime, indexKeys: entryKind.indexKeys(parsed) };
  } catch (error) {
    problems?.push({ index, problem: `${kind} ${apiVersion}: ${isWorkbenchError(error) ? error.message : String(error)}` });
    return { body };
  }
}
