import { InputError } from '../../../shared/api/index.js';
import { toHex } from '../../../shared/encoding/index.js';
import type { IndexKeyFilter, Store } from '../store/index.js';
import type { IndexKey } from '../types/entry-kind.js';

export interface SearchQuery {
  readonly sha256?: string | undefined;
  readonly keyFingerprint?: string | undefined;
  readonly email?: string | undefined;
  /** `*` in `email` is a wildcard (default), or an ordinary character as in Rekor's index/retrieve. */
  readonly emailWildcards?: boolean | undefined;
  readonly fields?: readonly string[] | undefined;
  readonly sinceSec?: number | undefined;
  readonly untilSec?: number | undefined;
  /** A log name, or undefined for all logs. */
  readonly log?: string | undefined;
  readonly limit?: number | undefined;
}

export interface SearchMatch {
  readonly log: string;
  readonly logIndex: number;
  readonly uuid: string;
}

export interface SearchResult {
  readonly uuids: readonly string[];
  readonly matches: readonly SearchMatch[];
}

/** Returns a sha256 digest as the index stores it (lowercase hex), accepting a `sha256:` prefix. */
export function normalizeSha256(value: string): string {
  const hex = value.toLowerCase().replace(/^sha256:/, '');
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new InputError('digest_invalid', `${JSON.stringify(value)} is not a SHA-256 digest (64 hex digits)`);
  return hex;
}

/** Returns a key fingerprint as the index stores it: lowercase hex without separators, or an OpenSSH `SHA256:` form as given. */
export function normalizeFingerprint(value: string): string {
  if (value.startsWith('SHA256:')) return value;
  const hex = value.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{16,128}$/.test(hex)) throw new InputError('fingerprint_invalid', `${JSON.stringify(value)} is not a key fingerprint (hex, or SHA256:… for SSH keys)`);
  return hex;
}

/** Returns the filters of a query, each value normalised as the index stores it. */
export function searchFilters(query: SearchQuery): IndexKeyFilter[] {
  const filters: IndexKeyFilter[] = [];
  if (query.sha256 !== undefined) filters.push({ type: 'sha256', value: normalizeSha256(query.sha256) });
  if (query.keyFingerprint !== undefined) filters.push({ type: 'key_fingerprint', value: normalizeFingerprint(query.keyFingerprint) });
  if (query.email !== undefined) {
    const email = query.email.toLowerCase();
    filters.push({ type: 'email', value: email, wildcard: query.emailWildcards !== false && email.includes('*') });
  }
  for (const field of query.fields ?? []) {
    const eq = field.indexOf('=');
    if (eq <= 0) throw new InputError('field_filter_invalid', `field filter ${JSON.stringify(field)} must be NAME=VALUE`);
    filters.push({ type: 'field', value: field });
  }
  return filters;
}

/** Returns true when the entry's index keys contain this key (used by monitors and index checks). */
export function hasIndexKey(keys: readonly IndexKey[], type: IndexKey['type'], value: string): boolean {
  return keys.some((k) => k.type === type && k.value === value);
}

/**
 * Returns the entries matching every filter (AND) across one log or all, with their uuids (leaf hashes).
 * Throws InputError('search_empty') when no filter is given: a search must say what it looks for.
 */
export function searchEntries(store: Store, leafHashesOf: (logId: number, indexes: readonly number[]) => Uint8Array[], query: SearchQuery): SearchResult {
  const filters = searchFilters(query);
  if (filters.length === 0) throw new InputError('search_empty', 'give at least one of --sha256, --public-key, --key-fingerprint, --email or --field');
  const logs = store.logs();
  let logId: number | undefined;
  if (query.log !== undefined && query.log !== 'all') {
    const log = logs.find((l) => l.name === query.log);
    if (!log) throw new InputError('log_unknown', `no log named ${query.log}; logs: ${logs.map((l) => l.name).join(', ')}`);
    logId = log.id;
  }
  const names = new Map(logs.map((l) => [l.id, l.name]));
  const found = store.searchIndex(filters, { logId, sinceSec: query.sinceSec, untilSec: query.untilSec, limit: query.limit ?? 1000 });
  // Matches come in (log, index) order: the leaf hashes of each log's run are read in one call (a
  // search can match thousands of entries in a few tiles).
  const matches: SearchMatch[] = [];
  for (let start = 0; start < found.length; ) {
    const runLogId = found[start]!.logId;
    let end = start;
    while (end < found.length && found[end]!.logId === runLogId) end++;
    const run = found.slice(start, end);
    const log = names.get(runLogId) ?? String(runLogId);
    leafHashesOf(runLogId, run.map((m) => m.index)).forEach((hash, i) => matches.push({ log, logIndex: run[i]!.index, uuid: toHex(hash) }));
    start = end;
  }
  return { uuids: matches.map((m) => m.uuid), matches };
}
