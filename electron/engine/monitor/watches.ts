import { InputError, NotFoundError } from '../../../shared/api/index.js';
import { normalizeFingerprint, searchFilters } from '../entries/index.js';
import { remoteByName } from '../remote/remotes.js';
import { MonitorStore, type Store, type WatchKeyType, type WatchRecord } from '../store/index.js';

/** What `monitor add` asks to watch: exactly one search key, optionally in one remote. */
export interface WatchInput {
  readonly sha256?: string | undefined;
  readonly keyFingerprint?: string | undefined;
  /** An email or identity; `*` is a wildcard. */
  readonly email?: string | undefined;
  /** A custom-layout field filter NAME=VALUE. */
  readonly field?: string | undefined;
  /** A remote's name; undefined watches every mirrored remote. */
  readonly remote?: string | undefined;
}

/** A watch as the CLI and UI show it. */
export interface WatchJson {
  readonly id: number;
  readonly type: WatchKeyType;
  readonly value: string;
  /** The remote watched, or null for every mirrored remote. */
  readonly remote: string | null;
  readonly createdAt: number;
  /** How far the watch has looked in each log: entries below nextIndex were checked. */
  readonly checked: ReadonlyArray<{ readonly remote: string; readonly nextIndex: number }>;
}

/** Returns a watch's display form. */
export function watchJson(store: Store, monitors: MonitorStore, watch: WatchRecord): WatchJson {
  const name = (id: number) => store.logById(id)?.name ?? String(id);
  return {
    id: watch.id,
    type: watch.keyType,
    value: watch.key,
    remote: watch.logId === null ? null : name(watch.logId),
    createdAt: watch.createdAt,
    checked: monitors.cursorsOfWatch(watch.id).map((c) => ({ remote: name(c.logId), nextIndex: c.nextIndex })),
  };
}

/**
 * Stores a watch for one search key, normalised as the search index stores it (so `search` and the
 * monitor agree on what matches). Throws InputError `watch_invalid` unless exactly one key is
 * given, the key's own InputError when malformed, NotFoundError `remote_not_found`. Adding the same
 * watch again returns the existing one (`created: false`).
 */
export function addWatch(store: Store, input: WatchInput, nowMs: number): { watch: WatchJson; created: boolean } {
  const given = [input.sha256, input.keyFingerprint, input.email, input.field].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw new InputError('watch_invalid', `a watch looks for exactly one of --sha256, --key-fingerprint, --email or --field (got ${given})`, { given });
  }
  const [filter] = searchFilters({ sha256: input.sha256, keyFingerprint: input.keyFingerprint, email: input.email, fields: input.field === undefined ? undefined : [input.field] });
  const logId = input.remote === undefined ? null : remoteByName(store, input.remote).id;
  const monitors = new MonitorStore(store.db);
  const { watch, created } = store.transaction(() =>
    monitors.insertWatch({ keyType: filter!.type as WatchKeyType, key: filter!.value, wildcard: filter!.wildcard ?? false, logId, createdAt: nowMs }),
  );
  return { watch: watchJson(store, monitors, watch), created };
}

/** Returns the watch with this id; NotFoundError `watch_not_found` otherwise. */
export function watchById(monitors: MonitorStore, id: number): WatchRecord {
  const watch = monitors.watchById(id);
  if (!watch) throw new NotFoundError('watch_not_found', `no watch with id ${id}`, { id }, { hint: 'list them with `provwb monitor list`' });
  return watch;
}

/**
 * Allow-lists an expected signer: entries carrying this key fingerprint raise no entry alerts.
 * Returns the normalised fingerprint and whether it was new. InputError `fingerprint_invalid`.
 */
export function allowSigner(store: Store, fingerprint: string, nowMs: number): { fingerprint: string; created: boolean } {
  const normalised = normalizeFingerprint(fingerprint);
  const monitors = new MonitorStore(store.db);
  const created = store.transaction(() => monitors.allowSigner(normalised, nowMs));
  return { fingerprint: normalised, created };
}

/**
 * Sets the webhook new alerts are POSTed to (replacing any earlier one), or clears it with `null`.
 * Throws InputError `url_invalid` for anything but an http(s) URL.
 */
export function setWebhook(store: Store, url: string | null, nowMs: number): { url: string | null } {
  const monitors = new MonitorStore(store.db);
  if (url === null) {
    store.transaction(() => monitors.clearWebhook());
    return { url: null };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('url_invalid', `${JSON.stringify(url)} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError('url_invalid', `a webhook URL must use http or https (got ${parsed.protocol})`);
  }
  store.transaction(() => monitors.setWebhook(parsed.href, nowMs));
  return { url: parsed.href };
}
