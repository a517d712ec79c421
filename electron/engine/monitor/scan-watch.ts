import { toHex } from '../../../shared/encoding/index.js';
import type { AlertRecord, MonitorStore, Store, WatchRecord } from '../store/index.js';

/** Matches looked at per transaction: bounds the work a killed check loses. */
export const DEFAULT_SCAN_BATCH = 1000;

export interface ScanDeps {
  readonly store: Store;
  readonly monitors: MonitorStore;
  /** Leaf hashes (uuids) of stored entries of a log. */
  readonly leafHashes: (logId: number, indexes: readonly number[]) => Uint8Array[];
  readonly nowMs: () => number;
  readonly batch?: number | undefined;
  /** Called inside each batch's transaction just before it commits (tests crash a check here). */
  readonly onBatch?: ((info: { watchId: number; logId: number; nextIndex: number; created: number }) => void) | undefined;
}

/**
 * Returns the alerts newly raised by `watch` in the log `logId`: matching entries from the watch's
 * cursor up to the log's current size, less allow-listed signers. Each batch stores its alerts (and
 * their webhook deliveries, when a webhook is set) and moves the cursor in one transaction, and the
 * (watch, log, index) unique constraint drops a repeat: a check killed anywhere leaves every alert
 * recorded exactly once, and the next check goes on from the last committed batch.
 */
export function scanWatch(deps: ScanDeps, watch: WatchRecord, logId: number): AlertRecord[] {
  const { store, monitors } = deps;
  const batch = deps.batch ?? DEFAULT_SCAN_BATCH;
  const created: AlertRecord[] = [];
  for (;;) {
    const step = store.transaction(() => {
      const size = store.logById(logId)?.treeSize ?? 0;
      const start = monitors.cursor(watch.id, logId);
      if (start >= size) return { done: true, alerts: [] as AlertRecord[] };
      const indexes = monitors.matchingIndexes(watch, logId, start, size, batch);
      const nextIndex = indexes.length === batch ? indexes.at(-1)! + 1 : size;
      const uuids = deps.leafHashes(logId, indexes).map(toHex);
      const deliver = monitors.webhook() !== undefined;
      const alerts: AlertRecord[] = [];
      indexes.forEach((index, i) => {
        const alert = monitors.insertEntryAlert({ watchId: watch.id, logId, index, uuid: uuids[i]!, createdAt: deps.nowMs() });
        if (!alert) return;
        alerts.push(alert);
        if (deliver) monitors.enqueueDelivery(alert.id);
      });
      monitors.setCursor(watch.id, logId, nextIndex);
      deps.onBatch?.({ watchId: watch.id, logId, nextIndex, created: alerts.length });
      return { done: nextIndex >= size, alerts };
    });
    created.push(...step.alerts);
    if (step.done) return created;
  }
}
