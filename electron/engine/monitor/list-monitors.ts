import { MonitorStore, type Store } from '../store/index.js';
import { alertFormatter, type AlertJson } from './alerts.js';
import { watchJson, type WatchJson } from './watches.js';

/** Everything `monitor list` shows. */
export interface MonitorListJson {
  readonly watches: readonly WatchJson[];
  readonly allowedSigners: readonly string[];
  readonly webhook: { readonly url: string; readonly pending: number } | null;
  /** Open alerts (state 'new'), or every alert with `all`. */
  readonly alerts: readonly AlertJson[];
}

/** Returns the watches, allow-listed signers, webhook and alerts (open ones unless `all`). */
export function listMonitors(store: Store, options: { all: boolean }): MonitorListJson {
  const monitors = new MonitorStore(store.db);
  const hook = monitors.webhook();
  return {
    watches: monitors.watches().map((w) => watchJson(store, monitors, w)),
    allowedSigners: monitors.allowedSigners(),
    webhook: hook ? { url: hook.url, pending: monitors.pendingDeliveries().length } : null,
    alerts: monitors.alerts({ openOnly: !options.all }).map(alertFormatter(store, monitors)),
  };
}
