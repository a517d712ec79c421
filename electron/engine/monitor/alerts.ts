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

/**
 * Returns a function giving alerts their display form; the remote, watch and fork rows it needs are
 * read once per formatter (a check can raise thousands of alerts from one watch and log).
 */
export function alertFormatter(store: Store, monitors: MonitorStore): (alert: AlertRecord) => AlertJson {
  let mirrors: MirrorStore | undefined;
  const names = new Map<number, string>();
  const watches = new Map<number, AlertJson['key']>();
  const name = (logId: number) => {
    if (!names.has(logId)) names.set(logId, store.logById(logId)?.name ?? String(logId));
    return names.get(logId)!;
  };
  const key = (watchId: number) => {
    if (!watches.has(watchId)) {
      const watch = monitors.watchById(watchId);
      watches.set(watchId, watch ? { type: watch.keyType, value: watch.key } : null);
    }
    return watches.get(watchId)!;
  };
  return (alert) => {
    const fork = alert.forkId === null ? undefined : (mirrors ??= new MirrorStore(store.db)).forkById(alert.forkId);
    return {
      id: alert.id,
      kind: alert.kind,
      watch: alert.watchId,
      key: alert.watchId === null ? null : key(alert.watchId),
      remote: name(alert.logId),
      logIndex: alert.index,
      uuid: alert.uuid,
      fork: fork ? { id: fork.id, olderSize: fork.olderSize, newerSize: fork.newerSize } : null,
      state: alert.state,
      createdAt: alert.createdAt,
    };
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
  return alertFormatter(store, monitors)(alert);
}
