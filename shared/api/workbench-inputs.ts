/**
 * The input schema of every WorkbenchApi method: the Electron main process and the browser-mode
 * host both check a call with parseApiInput before the engine sees it.
 */

import { InputError } from './errors.js';
import { array, integer, object, oneOf, string, validate, type InputProblem, type Schema } from './input-schema.js';
import type { ApiInput, ApiMethod } from './workbench-api.js';
import { MAX_CHECKPOINT_LIMIT, MAX_PAGE_ROWS, MAX_SEARCH_RESULTS } from './workbench-dto.js';
import { REMOTE_SCHEMAS } from './workbench-remote-inputs.js';
import { MONITOR_SCHEMAS } from './workbench-monitor-inputs.js';
import { MAX_ENTRY_JSON_CHARS, MAX_LAYOUT_JSON_CHARS } from './workbench-types-dto.js';

const logName = string({ minLength: 1, maxLength: 200, pattern: /^[^\u0000-\u001f\u007f]+$/, patternHint: 'a log name without control characters' });
const logIndex = integer({ min: 0 });
const treeSize = integer({ min: 1 });
const uuid = string({ maxLength: 80, pattern: /^([0-9a-fA-F]{16})?[0-9a-fA-F]{64}$/, patternHint: '64 hex digits (or 80, with a Rekor tree ID)' });

const keyName = string({ minLength: 1, maxLength: 128, pattern: /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, patternHint: '1–128 letters, digits and . _ @ + - (starting with a letter or digit)' });
// Long enough for any passphrase a person types or a manager generates; bounded so scrypt input stays small.
const passphrase = string({ minLength: 1, maxLength: 1024 });
const email = string({ minLength: 3, maxLength: 254, pattern: /^[^\s@<>]+@[^\s@<>]+$/, patternHint: 'an email address like release@example.org' });
// 1 MiB of key file (the keyring's own limit) is at most 1 398 104 base64 characters.
const keyBase64 = string({ minLength: 1, maxLength: 1_398_104, pattern: /^[A-Za-z0-9+/]*={0,2}$/, patternHint: 'base64' });
const layoutJson = string({ minLength: 1, maxLength: MAX_LAYOUT_JSON_CHARS });
const entryJson = string({ minLength: 1, maxLength: MAX_ENTRY_JSON_CHARS });
const artifactId = string({ maxLength: 32, minLength: 32, pattern: /^[0-9a-f]{32}$/, patternHint: 'a staged artefact id (32 hex digits)' });

const SCHEMAS: { readonly [M in ApiMethod]: Schema<ApiInput<M>> } = {
  ...REMOTE_SCHEMAS,
  ...MONITOR_SCHEMAS,
  'log.info': object({}, {}),
  'log.checkpoints': object({}, { log: logName, limit: integer({ min: 1, max: MAX_CHECKPOINT_LIMIT }) }),
  'log.consistency': object({ first: treeSize, second: treeSize }, { log: logName }, (v) =>
    v.first <= v.second ? [] : [{ pointer: '/first', message: `must not be larger than second (${v.second}), is ${v.first}` }],
  ),
  'entries.list': object({ start: logIndex, count: integer({ min: 1, max: MAX_PAGE_ROWS }) }, { log: logName }),
  'entries.search': object(
    {},
    {
      log: logName,
      sha256: string({ maxLength: 71, pattern: /^(sha256:)?[0-9a-fA-F]{64}$/, patternHint: 'a SHA-256 digest: 64 hex digits, optionally prefixed sha256:' }),
      keyFingerprint: string({ minLength: 1, maxLength: 200 }),
      email: string({ minLength: 1, maxLength: 320 }),
      fields: array(string({ maxLength: 512, pattern: /^[^=]+=/, patternHint: 'name=value' }), { maxItems: 16 }),
      uuid,
      limit: integer({ min: 1, max: MAX_SEARCH_RESULTS }),
    },
    (v) =>
      v.sha256 === undefined && v.keyFingerprint === undefined && v.email === undefined && (v.fields ?? []).length === 0 && v.uuid === undefined
        ? [{ pointer: '', message: 'needs at least one of sha256, keyFingerprint, email, fields or uuid' }]
        : [],
  ),
  'entries.get': object({}, { log: logName, logIndex, uuid, treeSize }, (v) =>
    (v.logIndex === undefined) === (v.uuid === undefined) ? [{ pointer: '', message: 'needs exactly one of logIndex and uuid' }] : [],
  ),
  'entries.add': object({ entryJson }, {}),
  'keys.list': object({}, {}),
  'keys.generate': object({ type: oneOf(['ed25519', 'ecdsa-p256', 'pgp'] as const), name: keyName, passphrase }, { email }, (v) =>
    v.type === 'pgp' && v.email === undefined ? [{ pointer: '/email', message: 'is required for pgp keys (it goes into the user ID)' }] : [],
  ),
  'keys.import': object({ name: keyName, keyBase64 }, { passphrase, sourcePassphrase: passphrase }),
  'keys.exportPublic': object({ name: keyName }, {}),
  'signing.sign': object({ artifact: artifactId, keyName, passphrase }, { kind: oneOf(['hashedrekord', 'rekord', 'dsse'] as const) }),
  'types.list': object({}, {}),
  'types.validateLayout': object({ layoutJson }, {}),
  'types.validateEntry': object({ layoutJson, entryJson }, {}),
  'types.signEntry': object({ layoutJson, entryJson, keyName, passphrase }, {}),
  'types.publish': object({ layoutJson }, {}),
};

/** Returns every problem of `input` as the input of `method` (empty when it is valid). */
export function validateApiInput(method: ApiMethod, input: unknown): InputProblem[] {
  return validate(SCHEMAS[method], input);
}

/**
 * Returns `input` checked as the input of `method`. Throws InputError('input_invalid') listing every
 * problem in its message and in `details.problems` (pointer + message each).
 */
export function parseApiInput<M extends ApiMethod>(method: M, input: unknown): ApiInput<M> {
  const problems: InputProblem[] = [];
  const value = (SCHEMAS[method] as Schema<ApiInput<M>>).check(input, '', problems);
  if (value === undefined || problems.length > 0) {
    const list = problems.map((p) => `${p.pointer === '' ? 'input' : p.pointer} ${p.message}`).join('; ');
    throw new InputError('input_invalid', `${method}: ${list}`, { method, problems });
  }
  return value;
}
