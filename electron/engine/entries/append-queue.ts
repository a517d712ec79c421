/**
 * Group commit for typed entries: callers verify their entries concurrently, then wait for the write
 * lock together; whatever is waiting when the lock is free is appended in ONE transaction (one
 * fsync, one signed checkpoint). Each caller learns its own outcome: a duplicate, or an entry the
 * batch could not take, fails only that caller.
 */

import { ConflictError } from '../../../shared/api/index.js';
import { toHex } from '../../../shared/encoding/index.js';
import type { MerkleHasher } from '../../../shared/merkle/index.js';
import type { LocalLog } from '../log/index.js';
import type { NewEntry } from '../store/index.js';
import { prepareEntry, type PrepareEntryContext } from './add-entry.js';

/** Where an appended entry landed. */
export interface AppendedEntry {
  readonly logIndex: number;
  /** Lowercase hex leaf hash. */
  readonly uuid: string;
}

export interface AppendQueueDeps extends PrepareEntryContext {
  readonly log: LocalLog;
  readonly hasher: MerkleHasher;
  /** Largest number of entries in one transaction (default 1024): bounds one commit's latency. */
  readonly maxBatch?: number;
  /**
   * How many entries are still being verified by callers and will be appended soon. While there are
   * some, a commit waits for them up to `maxWaitMs` (default 2), so they share its fsync.
   */
  readonly inFlight?: () => number;
  readonly maxWaitMs?: number;
  /** The clock for that wait (monotonic ms), default performance.now. */
  readonly nowMs?: () => number;
}

export interface AppendQueue {
  /**
   * Verifies a proposed entry (as `addEntry`), then appends it with whatever else is waiting.
   * Rejects with the kind's InputError/VerificationError, or ConflictError('already_exists') with
   * `details.uuid` and `details.logIndex` when the log (or an earlier entry of the batch) holds it.
   */
  add(proposedJson: unknown): Promise<AppendedEntry>;
  /** Appends an entry that was already verified (`prepareEntry`); same outcomes as `add`. */
  append(entry: NewEntry & { readonly body: Uint8Array }): Promise<AppendedEntry>;
  /** How many transactions and entries were committed so far (for benchmarks and tests). */
  stats(): { readonly batches: number; readonly entries: number };
}

interface Waiter {
  readonly entry: NewEntry & { readonly body: Uint8Array };
  readonly leafHash: Uint8Array;
  resolve(value: AppendedEntry): void;
  reject(error: unknown): void;
}

type Outcome = { readonly appended: AppendedEntry } | { readonly error: unknown };

function duplicate(uuid: string, logIndex: number): ConflictError {
  return new ConflictError('already_exists', `an equivalent entry already exists in the log with uuid ${uuid}`, { uuid, logIndex });
}

/** Returns a queue appending to `deps.log`; one per log and process, shared by every writer in it. */
export function createAppendQueue(deps: AppendQueueDeps): AppendQueue {
  const maxBatch = deps.maxBatch ?? 1024;
  const maxWaitMs = deps.maxWaitMs ?? 2;
  const nowMs = deps.nowMs ?? (() => performance.now());
  let waiting: Waiter[] = [];
  let scheduled = false;
  let firstWaitingAtMs = 0;
  let batches = 0;
  let entries = 0;

  /** Appends `batch` in one transaction; returns per waiter its place, or the error it gets. */
  function commit(batch: readonly Waiter[]): Map<Waiter, Outcome> {
    const outcome = new Map<Waiter, Outcome>();
    // Duplicates are sorted out first, against the log and within the batch, so they fail alone.
    const fresh: Waiter[] = [];
    const firstOf = new Map<string, Waiter>();
    const copies: Array<[Waiter, Waiter]> = [];
    const existingIndexes = deps.log.findIndexesByLeafHashes(batch.map((w) => w.leafHash));
    for (const [i, w] of batch.entries()) {
      const uuid = toHex(w.leafHash);
      const existing = existingIndexes[i];
      const first = firstOf.get(uuid);
      if (existing !== undefined) outcome.set(w, { error: duplicate(uuid, existing) });
      else if (first) copies.push([w, first]);
      else {
        firstOf.set(uuid, w);
        fresh.push(w);
      }
    }
    if (fresh.length === 0) return outcome;
    // rejectDuplicates re-checks inside the write transaction: another process may have appended.
    const result = deps.log.append(fresh.map((w) => w.entry), { rejectDuplicates: true });
    batches++;
    entries += fresh.length;
    fresh.forEach((w, i) => outcome.set(w, { appended: { logIndex: result.first + i, uuid: toHex(w.leafHash) } }));
    for (const [w, first] of copies) {
      const { appended } = outcome.get(first) as { appended: AppendedEntry };
      outcome.set(w, { error: duplicate(appended.uuid, appended.logIndex) });
    }
    return outcome;
  }

  function settle(batch: readonly Waiter[]): void {
    let outcome: Map<Waiter, Outcome>;
    try {
      outcome = commit(batch);
    } catch (error) {
      // The transaction rolled back as a whole; one entry must not sink the others, so a batch that
      // failed is retried one entry at a time, each getting its own outcome.
      if (batch.length > 1) {
        for (const w of batch) settle([w]);
        return;
      }
      outcome = new Map([[batch[0]!, { error }]]);
    }
    for (const w of batch) {
      const result = outcome.get(w);
      if (result === undefined) w.reject(new Error('bug: an entry of the batch got no outcome'));
      else if ('appended' in result) w.resolve(result.appended);
      else w.reject(result.error);
    }
  }

  function flush(): void {
    const more = deps.inFlight?.() ?? 0;
    if (more > 0 && waiting.length + more <= maxBatch && nowMs() - firstWaitingAtMs < maxWaitMs) {
      // Entries still verifying will land within the wait: let them join this commit.
      setImmediate(flush);
      return;
    }
    scheduled = false;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      settle(batch);
    }
  }

  const queue: AppendQueue = {
    async add(proposedJson) {
      return queue.append(await prepareEntry(deps, proposedJson));
    },
    append(entry) {
      return new Promise<AppendedEntry>((resolve, reject) => {
        waiting.push({ entry, leafHash: deps.hasher.hashLeaf(entry.body), resolve, reject });
        if (!scheduled) {
          scheduled = true;
          firstWaitingAtMs = nowMs();
          // setImmediate runs after pending I/O callbacks: requests whose bodies arrived in the same
          // turn finish verifying and join this batch instead of each paying its own fsync.
          setImmediate(flush);
        }
      });
    },
    stats: () => ({ batches, entries }),
  };
  return queue;
}
