/**
 * Input schemas of the monitor and witness operations (spread into workbench-inputs.ts's table, so
 * the Electron main process and the browser-mode host check them like every other call, and the
 * Monitor view's forms show the same problems before sending).
 */

import { boolean, integer, object, oneOf, string, type InputProblem, type Schema } from './input-schema.js';
import type { ApiInput, ApiMethod } from './workbench-api.js';
import { ALERT_STATE_NAMES, MAX_ALERT_LIMIT, WATCH_TYPE_NAMES, type AddWatchInputDto } from './workbench-monitor-dto.js';

type MonitorMethod = Extract<ApiMethod, `monitor.${string}` | `witness.${string}`>;

// The engine's rule for remote names (remote/remotes.ts).
const remoteName = string({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternHint: 'a remote name (letters, digits, . _ -)' });
const watchValue = string({ minLength: 1, maxLength: 512, pattern: /^[^\u0000-\u001f\u007f]+$/, patternHint: 'one line of text' });
const alertId = integer({ min: 1 });
// What normalizeFingerprint accepts: hex (separators allowed) or an SSH SHA256:… fingerprint.
const FINGERPRINT = /^(SHA256:[A-Za-z0-9+/]{1,86}=*|[0-9A-Fa-f:\s]{16,200})$/;
const fingerprint = string({ minLength: 1, maxLength: 200, pattern: FINGERPRINT, patternHint: 'a key fingerprint: hex SHA-256 of the key, or SHA256:… for SSH keys' });
const webhookUrl = string({ minLength: 1, maxLength: 2048, pattern: /^https?:\/\/[^\s/]+\S*$/i, patternHint: 'an http:// or https:// URL' });

/** Returns the problems of a watch's value for its type (the engine would refuse the same values). */
export function watchValueProblems(input: Pick<AddWatchInputDto, 'type' | 'value'>): InputProblem[] {
  const v = input.value.trim();
  switch (input.type) {
    case 'sha256':
      return /^(sha256:)?[0-9A-Fa-f]{64}$/.test(v) ? [] : [{ pointer: '/value', message: 'must be a SHA-256 digest: 64 hex digits' }];
    case 'key_fingerprint': {
      const hexDigits = v.replace(/[\s:]/g, '').length;
      return FINGERPRINT.test(v) && (v.startsWith('SHA256:') || (hexDigits >= 16 && hexDigits <= 128)) ? [] : [{ pointer: '/value', message: 'must be a key fingerprint: hex SHA-256 of the key, or SHA256:… for SSH keys' }];
    }
    case 'email':
      // Identities in certificates (OIDC subject URIs) need not contain @; only a space is impossible.
      return /^\S+$/.test(v) ? [] : [{ pointer: '/value', message: 'must be an email or identity without spaces, like release@example.org (* matches any run of characters)' }];
    case 'field':
      return /^[^=\s][^=]*=.+$/.test(v) ? [] : [{ pointer: '/value', message: 'must be NAME=VALUE, a custom layout’s indexed field' }];
  }
}

export const MONITOR_SCHEMAS: { readonly [M in MonitorMethod]: Schema<ApiInput<M>> } = {
  'monitor.watches': object({}, {}),
  'monitor.addWatch': object({ type: oneOf(WATCH_TYPE_NAMES), value: watchValue }, { remote: remoteName }, watchValueProblems),
  'monitor.alerts': object({}, { state: oneOf(ALERT_STATE_NAMES), limit: integer({ min: 1, max: MAX_ALERT_LIMIT }) }),
  'monitor.check': object({}, { offline: boolean() }),
  'monitor.ack': object({ id: alertId }, {}),
  'monitor.suppress': object({ id: alertId }, {}),
  'monitor.signers': object({}, {}),
  'monitor.allowSigner': object({ fingerprint }, {}),
  'monitor.webhook': object({}, {}),
  'monitor.setWebhook': object({ url: webhookUrl }, {}),
  'monitor.clearWebhook': object({}, {}),
  'witness.key': object({}, {}),
};
