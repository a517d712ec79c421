/**
 * Input schemas of the remotes, forks, audit and tasks operations (spread into workbench-inputs.ts's
 * table, so the Electron main process and the browser-mode host check them like every other call).
 */

import { integer, object, oneOf, string, type Schema } from './input-schema.js';
import type { ApiInput, ApiMethod } from './workbench-api.js';
import { MAX_CHECKPOINT_LIMIT } from './workbench-dto.js';
import { MAX_REMOTE_KEY_CHARS, REMOTE_TYPE_NAMES } from './workbench-remote-dto.js';

type RemoteMethod = Extract<ApiMethod, `remotes.${string}` | `forks.${string}` | `audit.${string}` | `tasks.${string}`>;

// The engine's rule for remote names (remote/remotes.ts); `local` and `all` are refused there.
const remoteName = string({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternHint: '1–64 letters, digits, . _ - (starting with a letter or digit)' });
const auditedLog = string({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternHint: '`local` or a remote name' });
const url = string({ minLength: 1, maxLength: 2048, pattern: /^(https?|file):\/\/\S+$/i, patternHint: 'an http://, https:// or file:// URL without spaces' });
const key = string({ minLength: 1, maxLength: MAX_REMOTE_KEY_CHARS, pattern: /\S/, patternHint: 'a C2SP verifier key or a PEM public key' });
const origin = string({ minLength: 1, maxLength: 512, pattern: /^[^\u0000-\u001f\u007f]+$/, patternHint: 'one line of text' });
const taskId = string({ minLength: 1, maxLength: 64, pattern: /^[a-z]+-[0-9a-f]{16}$/, patternHint: 'a task id such as sync-0123456789abcdef' });

export const REMOTE_SCHEMAS: { readonly [M in RemoteMethod]: Schema<ApiInput<M>> } = {
  'remotes.list': object({}, {}),
  'remotes.add': object({ name: remoteName, type: oneOf(REMOTE_TYPE_NAMES), url, key }, { origin }, (v) =>
    v.type === 'rekor' && v.url.toLowerCase().startsWith('file:') ? [{ pointer: '/url', message: 'must be http:// or https:// for a Rekor v1 API (file:// serves tiles logs only)' }] : [],
  ),
  'remotes.sync': object({ name: remoteName }, { toSize: integer({ min: 0 }) }),
  'remotes.checkpoints': object({ name: remoteName }, { limit: integer({ min: 1, max: MAX_CHECKPOINT_LIMIT }) }),
  'remotes.cosign': object({ name: remoteName }, {}),
  'forks.list': object({}, {}),
  'forks.get': object({ id: integer({ min: 1 }) }, {}),
  'audit.run': object({ log: auditedLog }, {}),
  'tasks.list': object({}, {}),
  'tasks.get': object({ id: taskId }, {}),
  'tasks.cancel': object({ id: taskId }, {}),
};
