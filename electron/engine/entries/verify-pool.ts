/**
 * A small pool of verification workers: `prepareEntry` for built-in kinds on other cores, so the
 * main thread only parses HTTP and commits. Entries of kinds the workers do not know (custom
 * layouts) are prepared on the main thread with the caller's registry.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorFromData, type WorkbenchErrorData } from '../../../shared/api/index.js';
import type { NewEntry } from '../store/index.js';
import { prepareEntry, type PrepareEntryContext } from './add-entry.js';

export type PreparedEntry = NewEntry & { readonly body: Uint8Array; readonly kind: string };

/** A message to a worker. */
export interface VerifyRequest {
  readonly id: number;
  /** The proposed entry as JSON text: a string crosses to the worker far cheaper than a cloned object tree. */
  readonly proposedJson: string;
  /** The integrated time is the main thread's clock, read when the request was made. */
  readonly nowMs: number;
}

/** A worker's answer. */
export type VerifyReply = { readonly id: number; readonly entry: PreparedEntry } | { readonly id: number; readonly error: WorkbenchErrorData };

export interface VerifyPool {
  /** Same contract as prepareEntry; `text` is the proposal's JSON text when the caller has it (saves a stringify). */
  prepare(ctx: PrepareEntryContext, proposedJson: unknown, text?: string): Promise<PreparedEntry>;
  close(): Promise<void>;
}

/** The compiled worker script (next to this module in dist/); absent when running from TypeScript sources. */
const WORKER_FILE = fileURLToPath(new URL('./verify-worker.js', import.meta.url));

/** Returns a pool of `size` workers, or undefined when size is 0 or the compiled worker is not there. */
export function createVerifyPool(size: number): VerifyPool | undefined {
  if (size < 1 || !existsSync(WORKER_FILE)) return undefined;
  const pending = new Map<number, { resolve(entry: PreparedEntry): void; reject(error: unknown): void }>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(WORKER_FILE);
    worker.on('message', (reply: VerifyReply) => {
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiter) return;
      if ('entry' in reply) waiter.resolve(reply.entry);
      else waiter.reject(errorFromData(reply.error));
    });
    // A worker that dies takes its requests with it; they fail instead of hanging.
    worker.on('error', (error) => {
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(error);
      }
    });
    worker.unref();
    return worker;
  });
  let nextId = 0;
  return {
    async prepare(ctx, proposedJson, text) {
      const id = nextId++;
      try {
        return await new Promise<PreparedEntry>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          workers[id % workers.length]!.postMessage({ id, proposedJson: text ?? JSON.stringify(proposedJson), nowMs: ctx.clock.nowMs() } satisfies VerifyRequest);
        });
      } catch (error) {
        // A custom kind is known only to the main thread's registry.
        if ((error as { code?: string }).code === 'kind_unknown') return prepareEntry(ctx, proposedJson);
        throw error;
      }
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
