import { isWorkbenchError } from '../../../shared/api/index.js';
import type { Workbench } from '../open-workbench.js';
import type { FetchLimits } from '../remote/fetch-bytes.js';
import { MonitorStore, type AlertRecord, type LogRecord } from '../store/index.js';
import { syncRemote, type SyncProgress } from '../sync/index.js';
import { alertFormatter, type AlertJson } from './alerts.js';
import { scanWatch, type ScanDeps } from './scan-watch.js';
import { deliverWebhooks, type WebhookOptions, type WebhookReport } from './webhook.js';

export interface MonitorCheckOptions {
  /** Sync the watched remotes first (default true); false checks what is already mirrored. */
  readonly sync?: boolean | undefined;
  readonly limits?: Partial<FetchLimits> | undefined;
  readonly webhook?: WebhookOptions | undefined;
  readonly batch?: ScanDeps['batch'];
  readonly onBatch?: ScanDeps['onBatch'];
  readonly onProgress?: ((remote: string, done: number, total: number) => void) | undefined;
}

/** A remote whose sync failed for another reason than a fork (that one is an alert). */
export interface SyncFailure {
  readonly remote: string;
  readonly code: string;
  readonly message: string;
}

export interface MonitorCheckResult {
  /** Alerts raised by this check, oldest first; earlier ones are not repeated. */
  readonly alerts: readonly AlertJson[];
  readonly synced: ReadonlyArray<{ readonly remote: string; readonly treeSize: number; readonly fetched: number }>;
  readonly syncErrors: readonly SyncFailure[];
  /** Webhook delivery of this and earlier checks' alerts; null when no webhook is set. */
  readonly webhook: WebhookReport | null;
}

/**
 * Runs every watch once: syncs the watched remotes (each remote a watch names; every mirror when a
 * watch names none) — a fork that sync detects, now or before, becomes a `fork` alert — then finds
 * the entries each watch has not seen yet through the search index and records an alert per match
 * exactly once (see scanWatch), then delivers queued alerts to the webhook. A remote that cannot be
 * synced is reported in `syncErrors`, and its already mirrored entries are still checked.
 */
export async function checkMonitors(workbench: Workbench, options: MonitorCheckOptions = {}): Promise<MonitorCheckResult> {
  const { store, clock } = workbench;
  const monitors = new MonitorStore(store.db);
  const watches = monitors.watches();
  const mirrors = store.logs().filter((l) => l.role === 'mirror');
  const watched = watches.some((w) => w.logId === null) ? mirrors : mirrors.filter((m) => watches.some((w) => w.logId === m.id));
  const synced: Array<{ remote: string; treeSize: number; fetched: number }> = [];
  const syncErrors: SyncFailure[] = [];
  if (options.sync ?? true) {
    for (const remote of watched) {
      try {
        const onProgress = (p: SyncProgress) => {
          if (p.phase === 'entries') options.onProgress?.(remote.name, p.done, p.total);
        };
        const result = await syncRemote(workbench, remote.name, { limits: options.limits, onProgress });
        synced.push({ remote: remote.name, treeSize: result.treeSize, fetched: result.fetched });
      } catch (error) {
        // A fork is stored by sync as evidence and alerted below, with forks found by earlier syncs.
        if (isWorkbenchError(error) && error.family === 'fork') continue;
        if (!isWorkbenchError(error)) throw error;
        syncErrors.push({ remote: remote.name, code: error.code, message: error.message });
      }
    }
  }
  const raised: AlertRecord[] = [...raiseForkAlerts(workbench, monitors, watched)];
  const deps: ScanDeps = { store, monitors, leafHashes: workbench.leafHashes, nowMs: () => clock.nowMs(), batch: options.batch, onBatch: options.onBatch };
  for (const watch of watches) {
    for (const log of watch.logId === null ? mirrors : mirrors.filter((m) => m.id === watch.logId)) raised.push(...scanWatch(deps, watch, log.id));
  }
  const format = alertFormatter(store, monitors);
  const alerts = raised.map(format);
  const webhook = await deliverWebhooks({ store, monitors, nowMs: () => clock.nowMs(), payloadOf: (id) => format(monitors.alertById(id)!) }, options.webhook);
  return { alerts, synced, syncErrors, webhook: webhook ?? null };
}

/** Raises one alert for every stored fork of a watched remote that has none yet. */
function raiseForkAlerts(workbench: Workbench, monitors: MonitorStore, watched: readonly LogRecord[]): AlertRecord[] {
  const ids = new Set(watched.map((l) => l.id));
  return workbench.store.transaction(() => {
    const deliver = monitors.webhook() !== undefined;
    const alerts: AlertRecord[] = [];
    for (const fork of monitors.forksWithoutAlert().filter((f) => ids.has(f.logId))) {
      const alert = monitors.insertForkAlert({ forkId: fork.forkId, logId: fork.logId, createdAt: workbench.clock.nowMs() });
      if (!alert) continue;
      alerts.push(alert);
      if (deliver) monitors.enqueueDelivery(alert.id);
    }
    return alerts;
  });
}
