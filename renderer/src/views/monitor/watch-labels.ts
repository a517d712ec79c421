import type { AlertDto, WatchTypeDto } from '../../../../shared/api/index.js';

export const WATCH_TYPE_LABELS: Readonly<Record<WatchTypeDto, string>> = {
  sha256: 'Artefact digest (SHA-256)',
  key_fingerprint: 'Signing key fingerprint',
  email: 'Email or identity (* wildcard)',
  field: 'Custom layout field NAME=VALUE',
};

const SHORT: Readonly<Record<WatchTypeDto, string>> = { sha256: 'digest', key_fingerprint: 'key', email: 'email', field: 'field' };

export const WATCH_PLACEHOLDERS: Readonly<Record<WatchTypeDto, string>> = {
  sha256: '64 hex digits, e.g. from sha256sum',
  key_fingerprint: 'hex SHA-256 of the key (as Keys shows it), or SHA256:… for SSH',
  email: 'release@example.org or *@example.org',
  field: 'package=left-pad',
};

/** Returns a watch's type in one word (digest, key, email, field). */
export function watchTypeShort(type: WatchTypeDto): string {
  return SHORT[type];
}

/** Returns what an alert is about in one line: the watched key, or the fork's sizes. */
export function alertSubject(alert: AlertDto): string {
  if (alert.kind === 'fork') return alert.fork ? `fork: sizes ${alert.fork.olderSize} and ${alert.fork.newerSize} conflict` : 'fork';
  return alert.key ? `${SHORT[alert.key.type]} ${alert.key.value}` : `watch ${alert.watch ?? '?'}`;
}
