import { createHttpApi } from './http-api.js';
import { createIpcApi, isWorkbenchBridge } from './ipc-api.js';
import type { Connection } from './connection.js';

/** What start-up reads from the page: injected so tests need no browser. */
export interface StartupEnvironment {
  /** `window.workbench`, set by the Electron preload; absent in a browser. */
  readonly bridge: unknown;
  readonly origin: string;
  readonly hash: string;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Replaces the URL fragment without a navigation (so the token leaves the address bar). */
  replaceHash(hash: string): void;
  readonly fetch?: typeof fetch;
}

export type StartupResult = { readonly ok: true; readonly connection: Connection } | { readonly ok: false; readonly reason: 'no_token' };

const TOKEN_KEY = 'provwb.token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;

/**
 * Picks the transport at start-up: the preload bridge when there is one (desktop), else HTTP with
 * the token from `#token=…` (kept in sessionStorage so a reload still works, and removed from the
 * address bar at once), else no connection.
 */
export function connect(env: StartupEnvironment): StartupResult {
  if (isWorkbenchBridge(env.bridge)) return { ok: true, connection: createIpcApi(env.bridge) };
  const fragment = new URLSearchParams(env.hash.replace(/^#/, ''));
  const fromHash = fragment.get('token');
  if (fromHash !== null && TOKEN_PATTERN.test(fromHash)) {
    env.storage.setItem(TOKEN_KEY, fromHash);
    env.replaceHash('#/');
  }
  const token = env.storage.getItem(TOKEN_KEY);
  if (token === null || !TOKEN_PATTERN.test(token)) return { ok: false, reason: 'no_token' };
  return { ok: true, connection: createHttpApi({ baseUrl: env.origin, token, ...(env.fetch ? { fetch: env.fetch } : {}) }) };
}
