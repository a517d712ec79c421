import { NotFoundError } from '../../../shared/api/index.js';
import { MirrorStore, MonitorStore, type AlertKind, type AlertRecord, type AlertState, type Store, type WatchKeyType } from '../store/index.js';

/** An alert as `monitor check` prints it and the webhook receives it. */
export interface AlertJson {
  readonly id: number;
  readonly kind: AlertKind;
  /** The id of the watch that matched (entry alerts), null for a fork. */
  readonly watch: number | null;
  /** What the watch looks for (entry alerts). */
  readonly key: { readonly type: WatchKeyType; readonly value: string } | null;
  readonly remote: string;
  readonly logIndex: number | null;
  readonly uuid: string | null;
  /** Fork alerts: the two tree sizes whose signed checkpoints conflict (evidence in the forks table). */
  readonly fork: { readonly id: number; readonly olderSize: number; readonly newerSize: number } | null;
  readonly state: AlertState;
  /** Unix milliseconds. */
  readonly createdAt: number;
}

/** Returns an alert's display form. */
export function alertJson(store: Store, monitors: MonitorStore, alert: AlertRecord): AlertJson {
  const watch = alert.watchId === null ? undefined : monitors.watchById(alert.watchId);
  const fork = alert.forkId === null ? undefined : new MirrorStore(store.db).forkById(alert.forkId);
  return {
    id: alert.id,
    kind: alert.kind,
    watch: alert.watchId,
    key: watch ? { type: watch.keyType, value: watch.key } : null,
    remote: store.logById(alert.logId)?.name ?? String(alert.logId),
    logIndex: alert.index,
    uuid: alert.uuid,
    fork: fork ? { id: fork.id, olderSize: fork.olderSize, newerSize: fork.newerSize } : null,
    state: alert.state,
    createdAt: alert.createdAt,
  };
}

/**
 * Sets an alert's state: 'acknowledged' (seen and handled) or 'suppressed' (a false positive: hidden
 * from the open list, and a webhook delivery still pending is dropped). NotFoundError `alert_not_found`.
 */
export function setAlertState(store: Store, id: number, state: Exclude<AlertState, 'new'>): AlertJson {
  const monitors = new MonitorStore(store.db);
  const alert = store.transaction(() => {
    if (!monitors.alertById(id)) throw new NotFoundError('alert_not_found', `no alert with id ${id}`, { id }, { hint: 'list open alerts with `provwb monitor list`' });
    monitors.setAlertState(id, state);
    return monitors.alertById(id)!;
  });
  return alertJson(store, monitors, alert);
}
