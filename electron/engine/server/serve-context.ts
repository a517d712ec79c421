/**
 * What the serve handlers share, built once from the opened workbench: the local log, the append
 * queue every write goes through, the log's identity in the forms each API spells it.
 */

import { toBase64, fromHex } from '../../../shared/encoding/index.js';
import { nodeHasher } from '../crypto/index.js';
import { createAppendQueue, createVerifyPool, prepareEntry, type AppendQueue, type KindRegistry, type LogEntryContext, type PreparedEntry } from '../entries/index.js';
import { LogReadView } from '../log/index.js';
import type { Workbench } from '../open-workbench.js';
import { ed25519SpkiDer } from '../sigstore/index.js';
import { layoutEntryKind } from '../types/index.js';
import { encodePem } from '../sigstore/pem.js';

export interface ServeContext {
  readonly workbench: Workbench;
  /** What rekorLogEntry needs (store, log, SET signer, log ID). */
  readonly entries: LogEntryContext;
  readonly queue: AppendQueue;
  /** The kinds the log accepts now, custom layouts included (they are entries too, so they can change while serving). */
  kinds(): KindRegistry;
  /** `prepareEntry` with the current kinds: on the verify pool's workers when there is one (`text`: the proposal's JSON text, if at hand). */
  prepare(proposedJson: unknown, text?: string): Promise<PreparedEntry>;
  /** Stops the verify pool, if any. */
  close(): Promise<void>;
  /** Rekor's tree ID: the first 8 bytes of the log ID as a positive int64, decimal. */
  readonly treeId: string;
  /** The tree ID as the 16 hex digits that prefix an 80-hex Rekor entry ID. */
  readonly treeIdHex: string;
  /** The log ID, standard base64 (protobuf `LogId.keyId`). */
  readonly logIdBase64: string;
  /** The log's Ed25519 public key, PEM SubjectPublicKeyInfo. */
  readonly publicKeyPem: string;
  /** Largest request body accepted, bytes. */
  readonly maxBodyBytes: number;
  /** Reports an unexpected error (a bug): the client only learns "internal error". */
  report(error: unknown): void;
}

/**
 * How long serve may answer from a head that another process has since moved, ms: its own appends
 * are seen at once. Checking on every request costs a read lock (~10 µs of a ~100 µs answer).
 */
export const SERVE_MAX_STALE_MS = 20;

/** Full entry bundles serve keeps in memory: 128 MiB holds ~170 000 typical hashedrekord entries. */
export const SERVE_BUNDLE_CACHE_BYTES = 128 * 1024 * 1024;

/** Returns Rekor's tree ID for a log ID: its first 8 bytes with the sign bit cleared (Trillian tree IDs are positive int64). */
export function treeIdOf(logIdHex: string): { decimal: string; hex: string } {
  const value = BigInt(`0x${logIdHex.slice(0, 16)}`) & 0x7fff_ffff_ffff_ffffn;
  return { decimal: value.toString(10), hex: value.toString(16).padStart(16, '0') };
}

/** Returns the serve context of `workbench`. */
export function createServeContext(workbench: Workbench, options: { maxBodyBytes: number; verifyWorkers: number; report(error: unknown): void }): ServeContext {
  const log = workbench.localLog();
  const view = new LogReadView({ store: workbench.store, log, hasher: nodeHasher }, { maxStaleMs: SERVE_MAX_STALE_MS, bundleCacheBytes: SERVE_BUNDLE_CACHE_BYTES });
  // workbench.signer signs with node:crypto already (see crypto/node-note-signer.ts).
  const entries: LogEntryContext = { store: workbench.store, log, signer: workbench.signer, logIdHex: workbench.logIdHex, view };
  // Custom kinds are `layout` entries: the registry is rebuilt only when the log grew and the
  // number of layouts changed (rebuilding on every write cost ~0.8 ms of each POST).
  let registry: { treeSize: number; layouts: number; kinds: KindRegistry } | undefined;
  const kinds = () => {
    const { record } = view.head();
    if (registry?.treeSize === record.treeSize) return registry.kinds;
    const layouts = workbench.store.indexesOfKind(record.id, layoutEntryKind.kind).length;
    registry = { treeSize: record.treeSize, layouts, kinds: registry?.layouts === layouts ? registry.kinds : workbench.kinds() };
    return registry.kinds;
  };
  const treeId = treeIdOf(workbench.logIdHex);
  const pool = createVerifyPool(options.verifyWorkers);
  const prepareContext = () => ({ registry: kinds(), clock: workbench.clock });
  // Entries being verified: the append queue holds a commit briefly for them (group commit).
  let verifying = 0;
  const prepare = async (proposedJson: unknown, text?: string) => {
    verifying++;
    try {
      return await (pool ? pool.prepare(prepareContext(), proposedJson, text) : prepareEntry(prepareContext(), proposedJson));
    } finally {
      verifying--;
    }
  };
  return {
    workbench,
    entries,
    // The queue's own `add` needs a registry; the handlers verify with a fresh one and call `append`.
    queue: createAppendQueue({ log, hasher: nodeHasher, clock: workbench.clock, registry: kinds(), inFlight: () => verifying }),
    kinds,
    prepare,
    close: async () => pool?.close(),
    treeId: treeId.decimal,
    treeIdHex: treeId.hex,
    logIdBase64: toBase64(fromHex(workbench.logIdHex)),
    publicKeyPem: encodePem('PUBLIC KEY', ed25519SpkiDer(workbench.signer.verifier.publicKey)),
    maxBodyBytes: options.maxBodyBytes,
    report: options.report,
  };
}
