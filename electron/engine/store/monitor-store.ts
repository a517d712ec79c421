import type { Db } from './database.js';
import { globOf } from './index-search.js';

/** The search keys a watch can look for (the `index_keys.key_type` values). */
export const WATCH_KEY_TYPES = ['sha256', 'key_fingerprint', 'email', 'field'] as const;
export type WatchKeyType = (typeof WATCH_KEY_TYPES)[number];

/** One watch (migration 4): a search key, in one mirror or in all (`logId` null). */
export interface WatchRecord {
  readonly id: number;
  readonly keyType: WatchKeyType;
  /** As index_keys stores it; with `wildcard`, `*` stands for any run of characters. */
  readonly key: string;
  readonly wildcard: boolean;
  readonly logId: number | null;
  readonly createdAt: number;
}

export type AlertKind = 'entry' | 'fork';
export type AlertState = 'new' | 'acknowledged' | 'suppressed';

export interface AlertRecord {
  readonly id: number;
  readonly kind: AlertKind;
  /** The watch that matched (entry alerts); null for fork alerts. */
  readonly watchId: number | null;
  readonly logId: number;
  readonly index: number | null;
  /** Lowercase hex leaf hash (entry alerts). */
  readonly uuid: string | null;
  readonly forkId: number | null;
  readonly state: AlertState;
  readonly createdAt: number;
}

/** A webhook delivery not yet acknowledged by a 2xx. */
export interface PendingDelivery {
  readonly alert: AlertRecord;
  readonly attempts: number;
  readonly lastError: string | null;
}

export interface DeliveryRecord {
  readonly alertId: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastAttemptAt: number | null;
  readonly deliveredAt: number | null;
}

interface WatchRow {
  id: number;
  key_type: WatchKeyType;
  key: string;
  wildcard: number;
  log_id: number | null;
  created_at: number;
}

interface AlertRow {
  id: number;
  kind: AlertKind;
  watch_id: number | null;
  log_id: number;
  idx: number | null;
  uuid: string | null;
  fork_id: number | null;
  state: AlertState;
  created_at: number;
}

interface OutboxRow {
  alert_id: number;
  attempts: number;
  last_error: string | null;
  last_attempt_at: number | null;
  delivered_at: number | null;
}

function rowToWatch(row: WatchRow): WatchRecord {
  return { id: row.id, keyType: row.key_type, key: row.key, wildcard: row.wildcard === 1, logId: row.log_id, createdAt: row.created_at };
}

function rowToAlert(row: AlertRow): AlertRecord {
  return { id: row.id, kind: row.kind, watchId: row.watch_id, logId: row.log_id, index: row.idx, uuid: row.uuid, forkId: row.fork_id, state: row.state, createdAt: row.created_at };
}

function rowToDelivery(row: OutboxRow): DeliveryRecord {
  return { alertId: row.alert_id, attempts: row.attempts, lastError: row.last_error, lastAttemptAt: row.last_attempt_at, deliveredAt: row.delivered_at };
}

// An entry is from an expected signer when one of its key fingerprints is allow-listed.
const NOT_ALLOWED = `NOT EXISTS (SELECT 1 FROM index_keys s JOIN allowed_signers a ON a.fingerprint = s.key
  WHERE s.log_id = k.log_id AND s.idx = k.idx AND s.key_type = 'key_fingerprint')`;

/**
 * All SQL of monitors (migration 4): watches, per-watch cursors, alerts, allow-listed signers and
 * the webhook outbox. Methods do not open transactions; callers group writes with `Store.transaction`.
 */
export class MonitorStore {
  private readonly s;

  constructor(readonly db: Db) {
    const matchSql = (op: '=' | 'GLOB') =>
      `SELECT k.idx FROM index_keys k WHERE k.key_type = ? AND k.key ${op} ? AND k.log_id = ? AND k.idx >= ? AND k.idx < ? AND ${NOT_ALLOWED} ORDER BY k.idx LIMIT ?`;
    this.s = {
      insertWatch: db.prepare('INSERT INTO watches (key_type, key, wildcard, log_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      watchByKey: db.prepare<[string, string, number], WatchRow>('SELECT * FROM watches WHERE key_type = ? AND key = ? AND ifnull(log_id, 0) = ?'),
      watchById: db.prepare<[number], WatchRow>('SELECT * FROM watches WHERE id = ?'),
      watches: db.prepare<[], WatchRow>('SELECT * FROM watches ORDER BY id'),
      cursor: db.prepare<[number, number], number>('SELECT next_index FROM watch_cursors WHERE watch_id = ? AND log_id = ?').pluck(),
      cursorsOfWatch: db.prepare<[number], { log_id: number; next_index: number }>('SELECT log_id, next_index FROM watch_cursors WHERE watch_id = ? ORDER BY log_id'),
      setCursor: db.prepare(
        `INSERT INTO watch_cursors (watch_id, log_id, next_index) VALUES (?, ?, ?)
         ON CONFLICT (watch_id, log_id) DO UPDATE SET next_index = excluded.next_index`,
      ),
      matchExact: db.prepare<[string, string, number, number, number, number], number>(matchSql('=')).pluck(),
      matchGlob: db.prepare<[string, string, number, number, number, number], number>(matchSql('GLOB')).pluck(),
      insertEntryAlert: db.prepare(
        `INSERT INTO alerts (kind, watch_id, log_id, idx, uuid, created_at) VALUES ('entry', ?, ?, ?, ?, ?)
         ON CONFLICT (watch_id, log_id, idx) DO NOTHING`,
      ),
      insertForkAlert: db.prepare(`INSERT INTO alerts (kind, log_id, fork_id, created_at) VALUES ('fork', ?, ?, ?) ON CONFLICT (fork_id) DO NOTHING`),
      forksWithoutAlert: db.prepare<[], { id: number; log_id: number }>('SELECT f.id, f.log_id FROM forks f WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.fork_id = f.id) ORDER BY f.id'),
      alertById: db.prepare<[number], AlertRow>('SELECT * FROM alerts WHERE id = ?'),
      alerts: db.prepare<[], AlertRow>('SELECT * FROM alerts ORDER BY id'),
      openAlerts: db.prepare<[], AlertRow>("SELECT * FROM alerts WHERE state = 'new' ORDER BY id"),
      setAlertState: db.prepare('UPDATE alerts SET state = ? WHERE id = ?'),
      allowSigner: db.prepare('INSERT INTO allowed_signers (fingerprint, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      allowedSigners: db.prepare<[], string>('SELECT fingerprint FROM allowed_signers ORDER BY fingerprint').pluck(),
      setWebhook: db.prepare('INSERT INTO webhooks (id, url, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, created_at = excluded.created_at'),
      clearWebhook: db.prepare('DELETE FROM webhooks'),
      webhook: db.prepare<[], { url: string; created_at: number }>('SELECT url, created_at FROM webhooks WHERE id = 1'),
      enqueue: db.prepare('INSERT INTO webhook_outbox (alert_id) VALUES (?) ON CONFLICT DO NOTHING'),
      pending: db.prepare<[], AlertRow & { attempts: number; last_error: string | null }>(
        `SELECT a.*, o.attempts, o.last_error FROM webhook_outbox o JOIN alerts a ON a.id = o.alert_id
         WHERE o.delivered_at IS NULL AND a.state <> 'suppressed' ORDER BY a.id`,
      ),
      delivery: db.prepare<[number], OutboxRow>('SELECT * FROM webhook_outbox WHERE alert_id = ?'),
      attemptFailed: db.prepare('UPDATE webhook_outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ? WHERE alert_id = ? AND delivered_at IS NULL'),
      delivered: db.prepare('UPDATE webhook_outbox SET attempts = attempts + 1, last_error = NULL, last_attempt_at = ?, delivered_at = ? WHERE alert_id = ? AND delivered_at IS NULL'),
      alertCounts: db.prepare<[], { state: AlertState; n: number }>('SELECT state, count(*) AS n FROM alerts GROUP BY state'),
      openAlertsByLog: db.prepare<[], { log_id: number; n: number }>("SELECT log_id, count(*) AS n FROM alerts WHERE state = 'new' GROUP BY log_id"),
      latestAlerts: db.prepare<[number], AlertRow>('SELECT * FROM alerts ORDER BY id DESC LIMIT ?'),
      latestAlertsIn: db.prepare<[string, number], AlertRow>('SELECT * FROM alerts WHERE state = ? ORDER BY id DESC LIMIT ?'),
      alertHead: db.prepare<[], { open: number; max_id: number }>("SELECT (SELECT count(*) FROM alerts WHERE state = 'new') AS open, (SELECT ifnull(max(id), 0) FROM alerts) AS max_id"),
      openAlertsAfter: db.prepare<[number], number>("SELECT count(*) FROM alerts WHERE id > ? AND state = 'new'").pluck(),
      deliveredCount: db.prepare<[], number>('SELECT count(*) FROM webhook_outbox WHERE delivered_at IS NOT NULL').pluck(),
      lastDelivery: db.prepare<[], OutboxRow>('SELECT * FROM webhook_outbox WHERE last_attempt_at IS NOT NULL ORDER BY last_attempt_at DESC, alert_id DESC LIMIT 1'),
    };
  }

  /** Stores a watch; returns it and whether it is new (the same watch again returns the existing one). */
  insertWatch(input: { keyType: WatchKeyType; key: string; wildcard: boolean; logId: number | null; createdAt: number }): { watch: WatchRecord; created: boolean } {
    const { changes } = this.s.insertWatch.run(input.keyType, input.key, input.wildcard ? 1 : 0, input.logId, input.createdAt);
    const row = this.s.watchByKey.get(input.keyType, input.key, input.logId ?? 0);
    if (!row) throw new Error('bug: a watch vanished after insert');
    return { watch: rowToWatch(row), created: changes === 1 };
  }

  watchById(id: number): WatchRecord | undefined {
    const row = this.s.watchById.get(id);
    return row && rowToWatch(row);
  }

  watches(): WatchRecord[] {
    return this.s.watches.all().map(rowToWatch);
  }

  /** Returns the first index a watch has not yet looked at in a log (0 when it never looked). */
  cursor(watchId: number, logId: number): number {
    return this.s.cursor.get(watchId, logId) ?? 0;
  }

  cursorsOfWatch(watchId: number): Array<{ logId: number; nextIndex: number }> {
    return this.s.cursorsOfWatch.all(watchId).map((r) => ({ logId: r.log_id, nextIndex: r.next_index }));
  }

  setCursor(watchId: number, logId: number, nextIndex: number): void {
    this.s.setCursor.run(watchId, logId, nextIndex);
  }

  /**
   * Returns the indexes in [start, end) of a log whose index keys match the watch, leaving out
   * entries signed by an allow-listed key; at most `limit`, in order. One range scan of the
   * (key_type, key, log_id, idx) primary key for exact keys.
   */
  matchingIndexes(watch: WatchRecord, logId: number, start: number, end: number, limit: number): number[] {
    const statement = watch.wildcard ? this.s.matchGlob : this.s.matchExact;
    return statement.all(watch.keyType, watch.wildcard ? globOf(watch.key) : watch.key, logId, start, end, limit);
  }

  /** Stores an entry alert once per (watch, log, index); returns it when new, undefined when it existed. */
  insertEntryAlert(input: { watchId: number; logId: number; index: number; uuid: string; createdAt: number }): AlertRecord | undefined {
    const result = this.s.insertEntryAlert.run(input.watchId, input.logId, input.index, input.uuid, input.createdAt);
    return result.changes === 1 ? this.alertById(Number(result.lastInsertRowid)) : undefined;
  }

  /** Stores a fork alert once per fork; returns it when new. */
  insertForkAlert(input: { forkId: number; logId: number; createdAt: number }): AlertRecord | undefined {
    const result = this.s.insertForkAlert.run(input.logId, input.forkId, input.createdAt);
    return result.changes === 1 ? this.alertById(Number(result.lastInsertRowid)) : undefined;
  }

  /** Returns the stored forks (sync evidence) that have no alert yet. */
  forksWithoutAlert(): Array<{ forkId: number; logId: number }> {
    return this.s.forksWithoutAlert.all().map((r) => ({ forkId: r.id, logId: r.log_id }));
  }

  alertById(id: number): AlertRecord | undefined {
    const row = this.s.alertById.get(id);
    return row && rowToAlert(row);
  }

  /** Returns every alert, or only those still in state 'new'. */
  alerts(options: { openOnly: boolean }): AlertRecord[] {
    return (options.openOnly ? this.s.openAlerts : this.s.alerts).all().map(rowToAlert);
  }

  setAlertState(id: number, state: AlertState): void {
    this.s.setAlertState.run(state, id);
  }

  /** Allow-lists a key fingerprint (normalised by the caller); returns false when it already was. */
  allowSigner(fingerprint: string, createdAt: number): boolean {
    return this.s.allowSigner.run(fingerprint, createdAt).changes === 1;
  }

  allowedSigners(): string[] {
    return this.s.allowedSigners.all();
  }

  setWebhook(url: string, createdAt: number): void {
    this.s.setWebhook.run(url, createdAt);
  }

  clearWebhook(): void {
    this.s.clearWebhook.run();
  }

  webhook(): { url: string; createdAt: number } | undefined {
    const row = this.s.webhook.get();
    return row && { url: row.url, createdAt: row.created_at };
  }

  /** Queues an alert for webhook delivery (once). */
  enqueueDelivery(alertId: number): void {
    this.s.enqueue.run(alertId);
  }

  /** Returns the queued deliveries not yet acknowledged by a 2xx, oldest alert first; suppressed alerts are left out. */
  pendingDeliveries(): PendingDelivery[] {
    return this.s.pending.all().map((row) => ({ alert: rowToAlert(row), attempts: row.attempts, lastError: row.last_error }));
  }

  delivery(alertId: number): DeliveryRecord | undefined {
    const row = this.s.delivery.get(alertId);
    return row && rowToDelivery(row);
  }

  recordDeliveryFailure(alertId: number, error: string, atMs: number): void {
    this.s.attemptFailed.run(error, atMs, alertId);
  }

  recordDelivered(alertId: number, atMs: number): void {
    this.s.delivered.run(atMs, atMs, alertId);
  }

  /** Returns how many alerts are in each state (one grouped count). */
  alertCounts(): Record<AlertState, number> {
    const counts: Record<AlertState, number> = { new: 0, acknowledged: 0, suppressed: 0 };
    for (const row of this.s.alertCounts.all()) counts[row.state] = row.n;
    return counts;
  }

  /** Returns the number of open (state 'new') alerts per log id. */
  openAlertsByLog(): Map<number, number> {
    return new Map(this.s.openAlertsByLog.all().map((r) => [r.log_id, r.n]));
  }

  /** Returns the newest `limit` alerts, in `state` when given, newest first. */
  latestAlerts(limit: number, state?: AlertState): AlertRecord[] {
    return (state === undefined ? this.s.latestAlerts.all(limit) : this.s.latestAlertsIn.all(state, limit)).map(rowToAlert);
  }

  /** Returns the open alert count and the highest alert id (cheap enough to poll). */
  alertHead(): { open: number; maxId: number } {
    const row = this.s.alertHead.get()!;
    return { open: row.open, maxId: row.max_id };
  }

  /** Returns how many open alerts have an id above `id` (raised since a head was read). */
  openAlertsAfter(id: number): number {
    return this.s.openAlertsAfter.get(id) ?? 0;
  }

  /** Returns the number of alerts a webhook acknowledged with a 2xx. */
  deliveredCount(): number {
    return this.s.deliveredCount.get() ?? 0;
  }

  /** Returns the delivery with the most recent attempt (success or failure), if any. */
  lastDelivery(): DeliveryRecord | undefined {
    const row = this.s.lastDelivery.get();
    return row && rowToDelivery(row);
  }
}
