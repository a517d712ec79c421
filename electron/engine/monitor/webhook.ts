import { isWorkbenchError } from '../../../shared/api/index.js';
import type { MonitorStore, Store } from '../store/index.js';
import type { AlertJson } from './alerts.js';

/** How alerts are POSTed to the webhook. */
export interface WebhookOptions {
  /** Tries per alert in one check (default 3). */
  readonly attempts?: number | undefined;
  /** Wait before the second try; doubled before each further one (default 500 ms). */
  readonly backoffMs?: number | undefined;
  /** Deadline of one request (default 10 s). */
  readonly timeoutMs?: number | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** What one delivery round did. */
export interface WebhookReport {
  readonly url: string;
  readonly delivered: number;
  /** Alerts still queued (the receiver failed; retried on the next check). */
  readonly pending: number;
  readonly lastError: string | null;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** POSTs one alert; resolves on a 2xx answer, throws with the reason otherwise. */
async function postAlert(url: string, alert: AlertJson, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      // The alert id lets a receiver drop a repeat: a 2xx lost on the way back means the alert is sent again.
      headers: { 'content-type': 'application/json', 'x-provwb-alert-id': String(alert.id) },
      body: JSON.stringify(alert),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw new Error(`request failed: ${error instanceof Error ? error.message : String(error)}${cause instanceof Error ? ` (${cause.message})` : ''}`);
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
}

/**
 * Delivers the queued alerts (the outbox) to the webhook, oldest first, each tried a few times with
 * exponential backoff. Success (a 2xx) and every failure are recorded per alert; an alert is never
 * POSTed again once a 2xx acknowledged it. When an alert exhausts its tries the receiver is taken to
 * be down: the rest wait for the next check. Returns undefined when no webhook is set.
 */
export async function deliverWebhooks(deps: { store: Store; monitors: MonitorStore; nowMs: () => number; payloadOf: (alertId: number) => AlertJson }, options: WebhookOptions = {}): Promise<WebhookReport | undefined> {
  const { store, monitors } = deps;
  const hook = monitors.webhook();
  if (!hook) return undefined;
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? sleepMs;
  let delivered = 0;
  let lastError: string | null = null;
  for (const pending of monitors.pendingDeliveries()) {
    let ok = false;
    for (let attempt = 0; attempt < attempts && !ok; attempt++) {
      if (attempt > 0) await sleep((options.backoffMs ?? 500) * 2 ** (attempt - 1));
      try {
        await postAlert(hook.url, deps.payloadOf(pending.alert.id), options.timeoutMs ?? 10_000);
        store.transaction(() => monitors.recordDelivered(pending.alert.id, deps.nowMs()));
        ok = true;
      } catch (error) {
        lastError = isWorkbenchError(error) || error instanceof Error ? error.message : String(error);
        store.transaction(() => monitors.recordDeliveryFailure(pending.alert.id, lastError!, deps.nowMs()));
      }
    }
    if (!ok) break;
    delivered++;
  }
  const left = monitors.pendingDeliveries().length;
  return { url: hook.url, delivered, pending: left, lastError: left > 0 ? lastError : null };
}
