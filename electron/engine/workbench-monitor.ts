/**
 * The Monitor view's and the witness's operations of WorkbenchApi (`monitor.*`, `witness.*`) over
 * engine/monitor and engine/witness: the same code `provwb monitor …` and `provwb witness key` run.
 * A check runs as a task (like a sync); `alerts-changed` reports the open alert count whenever it
 * moves, including after a `provwb monitor check` in another process on the same database.
 */

import {
  ConflictError,
  DEFAULT_ALERT_LIMIT,
  MONITOR_TASK_SUBJECT,
  type AlertDto,
  type MonitorCheckResultDto,
  type WatchDto,
  type WebhookStatusDto,
  type WorkbenchApi,
  type WorkbenchEvents,
} from '../../shared/api/index.js';
import { addWatch, allowSigner, alertFormatter, checkMonitors, setAlertState, setWebhook, watchJson, type AlertJson, type MonitorCheckResult, type WatchJson } from './monitor/index.js';
import type { Workbench } from './open-workbench.js';
import { MonitorStore } from './store/index.js';
import { witnessKeyJson } from './witness/index.js';
import type { TaskRegistry } from './workbench-tasks.js';

function alertDto(alert: AlertJson): AlertDto {
  const { createdAt, ...rest } = alert;
  return { ...rest, createdAtMs: createdAt };
}

function checkResultDto(result: MonitorCheckResult): MonitorCheckResultDto {
  return { alerts: result.alerts.map(alertDto), synced: result.synced, syncErrors: result.syncErrors, webhook: result.webhook };
}

export interface AlertWatcher {
  /** Re-reads the open alert count and emits `alerts-changed` when it or the newest alert moved. */
  notify(): void;
  /** Polls every `pollMs` while someone listens (another process may raise or acknowledge alerts). */
  setListening(listening: boolean): void;
}

/** Returns the watcher behind `alerts-changed`; one cheap query per poll. */
export function createAlertWatcher(options: {
  readonly monitors: () => MonitorStore;
  readonly emit: (event: 'alerts-changed', payload: WorkbenchEvents['alerts-changed']) => void;
  readonly pollMs: number;
}): AlertWatcher {
  let last: { open: number; maxId: number } | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;

  function notify(): void {
    const monitors = options.monitors();
    const head = monitors.alertHead();
    const before = last;
    last = head;
    if (before === undefined || (head.open === before.open && head.maxId === before.maxId)) return;
    options.emit('alerts-changed', { unacknowledged: head.open, raised: head.maxId > before.maxId ? monitors.openAlertsAfter(before.maxId) : 0 });
  }

  return {
    notify,
    setListening(listening) {
      if (listening && !poll) {
        if (last === undefined) notify();
        poll = setInterval(() => {
          try {
            notify();
          } catch {
            // The database may be briefly busy (another writer); the next tick reads again.
          }
        }, options.pollMs);
        poll.unref?.();
      } else if (!listening && poll) {
        clearInterval(poll);
        poll = undefined;
      }
    },
  };
}

/** Returns `monitor` and `witness` for createWorkbenchApi, with the alert watcher it notifies. */
export function createMonitorOperations(workbench: Workbench, tasks: TaskRegistry, watcher: AlertWatcher): Pick<WorkbenchApi, 'monitor' | 'witness'> {
  const { store, clock } = workbench;
  const monitors = () => new MonitorStore(store.db);

  function webhookStatus(): WebhookStatusDto {
    const m = monitors();
    const hook = m.webhook();
    const last = m.lastDelivery();
    return {
      url: hook?.url ?? null,
      pending: hook ? m.pendingDeliveries().length : 0,
      delivered: m.deliveredCount(),
      lastAttempt: last && last.lastAttemptAt !== null ? { alertId: last.alertId, atMs: last.lastAttemptAt, ok: last.lastError === null, error: last.lastError } : null,
    };
  }

  return {
    monitor: {
      async watches() {
        const m = monitors();
        return { watches: m.watches().map((w) => watchDto(watchJson(store, m, w))) };
      },

      async addWatch(input) {
        const key = { sha256: 'sha256', key_fingerprint: 'keyFingerprint', email: 'email', field: 'field' } as const;
        const result = addWatch(store, { [key[input.type]]: input.value.trim(), remote: input.remote }, clock.nowMs());
        return { watch: watchDto(result.watch), created: result.created };
      },

      async alerts(input) {
        const m = monitors();
        const limit = input.limit ?? DEFAULT_ALERT_LIMIT;
        const records = m.latestAlerts(limit + 1, input.state);
        const format = alertFormatter(store, m);
        return { alerts: records.slice(0, limit).map((a) => alertDto(format(a))), counts: m.alertCounts(), truncated: records.length > limit };
      },

      async check(input) {
        // A check syncs the watched mirrors; a sync task of one of them would race it for the tree head.
        const busy = store.logs().filter((l) => l.role === 'mirror' && tasks.runningFor('sync', l.name) !== null).map((l) => l.name);
        if (busy.length > 0) {
          throw new ConflictError('task_running', `a sync of ${busy.join(', ')} is running; a monitor check syncs the watched remotes itself`, { remotes: busy }, { hint: 'wait for the sync to finish, then check again' });
        }
        return tasks.start(
          'monitor',
          MONITOR_TASK_SUBJECT,
          async (ctx) => {
            try {
              const result = await checkMonitors(workbench, { sync: !(input.offline ?? false), onProgress: (remote, done, total) => ctx.progress(`Sync ${remote}`, done, total) });
              return checkResultDto(result);
            } finally {
              watcher.notify();
            }
          },
          { cancellable: false },
        );
      },

      async ack(input) {
        const alert = alertDto(setAlertState(store, input.id, 'acknowledged'));
        watcher.notify();
        return alert;
      },

      async suppress(input) {
        const alert = alertDto(setAlertState(store, input.id, 'suppressed'));
        watcher.notify();
        return alert;
      },

      async signers() {
        return { signers: monitors().allowedSigners() };
      },

      async allowSigner(input) {
        return allowSigner(store, input.fingerprint.trim(), clock.nowMs());
      },

      webhook: async () => webhookStatus(),

      async setWebhook(input) {
        setWebhook(store, input.url, clock.nowMs());
        return webhookStatus();
      },

      async clearWebhook() {
        setWebhook(store, null, clock.nowMs());
        return webhookStatus();
      },
    },

    witness: {
      key: async () => witnessKeyJson(workbench),
    },
  };
}

function watchDto(watch: WatchJson): WatchDto {
  const { createdAt, ...rest } = watch;
  return { ...rest, createdAtMs: createdAt };
}

/** Returns the open alert count per log id (the dashboard's badges). */
export function openAlertsByLog(workbench: Workbench): Map<number, number> {
  return new MonitorStore(workbench.store.db).openAlertsByLog();
}
