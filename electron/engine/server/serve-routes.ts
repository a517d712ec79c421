/** The serve host's route table: which handler answers a method and path, in which error dialect. */

import { getLogInfo, getLogProof, getPublicKey } from './rekor-v1-log.js';
import { createLogEntry, getLogEntryByIndex, getLogEntryByUuid, searchLogQuery } from './rekor-v1-entries.js';
import { searchIndex } from './rekor-v1-index.js';
import { createEntryV2 } from './rekor-v2-entries.js';
import type { Handler } from './serve-request.js';
import { getCheckpoint, getTile } from './tlog-tiles.js';

/** How errors are answered: Rekor v1 `{code, message}`, Rekor v2 google.rpc.Status, or plain text (tiles). */
export type ErrorDialect = 'rekor-v1' | 'rekor-v2' | 'text';

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Matches the whole path; capture groups become `params`. */
  readonly pattern: RegExp;
  readonly dialect: ErrorDialect;
  readonly handler: Handler;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/api\/v1\/log$/, dialect: 'rekor-v1', handler: getLogInfo },
  { method: 'GET', pattern: /^\/api\/v1\/log\/publicKey$/, dialect: 'rekor-v1', handler: getPublicKey },
  { method: 'GET', pattern: /^\/api\/v1\/log\/proof$/, dialect: 'rekor-v1', handler: getLogProof },
  { method: 'POST', pattern: /^\/api\/v1\/log\/entries$/, dialect: 'rekor-v1', handler: createLogEntry },
  { method: 'GET', pattern: /^\/api\/v1\/log\/entries$/, dialect: 'rekor-v1', handler: getLogEntryByIndex },
  { method: 'POST', pattern: /^\/api\/v1\/log\/entries\/retrieve$/, dialect: 'rekor-v1', handler: searchLogQuery },
  { method: 'GET', pattern: /^\/api\/v1\/log\/entries\/([^/]+)$/, dialect: 'rekor-v1', handler: getLogEntryByUuid },
  { method: 'POST', pattern: /^\/api\/v1\/index\/retrieve$/, dialect: 'rekor-v1', handler: searchIndex },
  { method: 'POST', pattern: /^\/api\/v2\/log\/entries$/, dialect: 'rekor-v2', handler: createEntryV2 },
  { method: 'GET', pattern: /^\/checkpoint$/, dialect: 'text', handler: getCheckpoint },
  { method: 'GET', pattern: /^\/tile\/.+$/, dialect: 'text', handler: getTile },
];

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: readonly string[] }
  | { readonly kind: 'method_not_allowed'; readonly allow: readonly string[]; readonly dialect: ErrorDialect }
  | { readonly kind: 'not_found'; readonly dialect: ErrorDialect };

/** Returns the dialect a path's errors use even when no route matches it (by its API prefix). */
function dialectOfPath(path: string): ErrorDialect {
  if (path.startsWith('/api/v1/')) return 'rekor-v1';
  if (path.startsWith('/api/v2/')) return 'rekor-v2';
  return 'text';
}

/** Returns the route for a request; HEAD is answered by the GET route (without a body). */
export function matchRoute(method: string, path: string): RouteMatch {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allow: string[] = [];
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === wanted) return { kind: 'found', route, params: match.slice(1) };
    allow.push(route.method);
  }
  const dialect = dialectOfPath(path);
  return allow.length > 0 ? { kind: 'method_not_allowed', allow, dialect } : { kind: 'not_found', dialect };
}
