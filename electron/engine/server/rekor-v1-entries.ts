/**
 * Rekor v1 `/api/v1/log/entries`: create (201 + Location + ETag; 409 + Location for a duplicate),
 * get by index or uuid (64 hex, or 80 hex = 16-hex tree ID ‖ uuid), and `retrieve` (SearchLogQuery).
 */

import { ConflictError, NotFoundError, type RekorLogEntryMap } from '../../../shared/api/index.js';
import { fromHex, toHex } from '../../../shared/encoding/index.js';
import { nodeHasher } from '../crypto/index.js';
import { rekorLogEntry, rekorLogEntryJson, type AppendedEntry } from '../entries/index.js';
import { HttpRefusal, jsonAnswer, jsonTextAnswer, tryParseJson, type HttpAnswer } from './http-exchange.js';
import { rekorV1Error, schemaViolation } from './rekor-errors.js';
import type { ServeContext } from './serve-context.js';
import { integerParam, type ServeRequest } from './serve-request.js';

export const ENTRIES_PATH = '/api/v1/log/entries';

/** Rekor's SearchLogQuery limit: at most 10 items in each list. */
export const MAX_SEARCH_ITEMS = 10;

/** Returns the body as JSON, or the 400 Rekor gives a body it cannot parse. */
export async function readJsonBody(req: ServeRequest, what: string): Promise<unknown> {
  return (await readJsonBodyWithText(req, what)).value;
}

/** Returns the body as JSON with its text, or the 400 Rekor gives a body it cannot parse. */
async function readJsonBodyWithText(req: ServeRequest, what: string): Promise<{ value: unknown; text: string }> {
  const parsed = tryParseJson(await req.body());
  if (!parsed.ok) throw rekorV1Error(400, `parsing ${what} body failed: ${parsed.reason}`);
  return parsed;
}

/** Returns the entry's location as Rekor gives it in `Location`. */
function entryLocation(uuid: string): string {
  return `${ENTRIES_PATH}/${uuid}`;
}

/** Returns the uuid of a ConflictError('already_exists') from the append queue, if it is one. */
function duplicateUuid(error: unknown): string | undefined {
  if (!(error instanceof ConflictError) || error.code !== 'already_exists') return undefined;
  const uuid = error.details?.uuid;
  return typeof uuid === 'string' ? uuid : undefined;
}

/** POST /api/v1/log/entries: verify a ProposedEntry, append it with its batch, answer the LogEntry. */
export async function createLogEntry(req: ServeRequest, ctx: ServeContext): Promise<HttpAnswer> {
  const proposed = await readJsonBodyWithText(req, 'proposedEntry');
  const entry = await ctx.prepare(proposed.value, proposed.text);
  let appended: AppendedEntry;
  try {
    appended = await ctx.queue.append(entry);
  } catch (error) {
    const uuid = duplicateUuid(error);
    if (uuid === undefined) throw error;
    throw rekorV1Error(409, `an equivalent entry already exists in the transparency log with UUID ${uuid}`, { Location: entryLocation(uuid) });
  }
  return jsonTextAnswer(201, rekorLogEntryJson(ctx.entries, appended.logIndex), { Location: entryLocation(appended.uuid), ETag: appended.uuid });
}

/** GET /api/v1/log/entries?logIndex=N. */
export function getLogEntryByIndex(req: ServeRequest, ctx: ServeContext): HttpAnswer {
  const logIndex = integerParam(req.query, 'logIndex', { minimum: 0, required: true });
  return jsonTextAnswer(200, rekorLogEntryJson(ctx.entries, logIndex));
}

/**
 * Returns the leaf hash an entry UUID names: 64 hex, or 80 hex whose first 16 are this log's tree
 * ID (another tree's ID names an entry this log does not have: NotFoundError). Anything else breaks
 * Rekor's pattern and is a 422.
 */
export function leafHashOfUuid(uuid: string, ctx: ServeContext): Uint8Array {
  if (!/^([0-9a-fA-F]{64}|[0-9a-fA-F]{80})$/.test(uuid)) throw schemaViolation(`entryUUID ${JSON.stringify(uuid.slice(0, 100))} should match '^([0-9a-fA-F]{64}|[0-9a-fA-F]{80})$'`);
  if (uuid.length === 80 && uuid.slice(0, 16).toLowerCase() !== ctx.treeIdHex) {
    throw new NotFoundError('entry_not_found', `entry ${uuid} belongs to tree ${uuid.slice(0, 16)}, not this log's tree ${ctx.treeIdHex}`);
  }
  return fromHex(uuid.slice(-64).toLowerCase());
}

/** Returns the index of the typed entry with this leaf hash; NotFoundError when the log has none. */
function indexOfLeafHash(leafHash: Uint8Array, ctx: ServeContext): number {
  const index = ctx.entries.log.findIndexByLeafHash(leafHash);
  if (index === undefined) throw new NotFoundError('entry_not_found', `no entry with uuid ${toHex(leafHash)} in this log`);
  return index;
}

/** GET /api/v1/log/entries/{entryUUID}. */
export function getLogEntryByUuid(req: ServeRequest, ctx: ServeContext): HttpAnswer {
  return jsonTextAnswer(200, rekorLogEntryJson(ctx.entries, indexOfLeafHash(leafHashOfUuid(req.params[0]!, ctx), ctx)));
}

function listOf(query: Record<string, unknown>, name: string): unknown[] | undefined {
  const value = query[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw schemaViolation(`${name} in body must be of type array`);
  if (value.length > MAX_SEARCH_ITEMS) throw schemaViolation(`${name} in body should have at most ${MAX_SEARCH_ITEMS} items`);
  return value;
}

/** Returns the entry's answer, or undefined when the log has no such entry (retrieve skips those). */
function found(lookup: () => RekorLogEntryMap): RekorLogEntryMap | undefined {
  try {
    return lookup();
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * POST /api/v1/log/entries/retrieve: the entries named by `entryUUIDs`, `logIndexes` and `entries`
 * (proposed entries, found by their canonical leaf), at most 10 of each; those the log does not
 * hold are left out, as Rekor does.
 */
export async function searchLogQuery(req: ServeRequest, ctx: ServeContext): Promise<HttpAnswer> {
  const query = await readJsonBody(req, 'entry');
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw schemaViolation('the SearchLogQuery body must be a JSON object');
  const record = query as Record<string, unknown>;
  const uuids = listOf(record, 'entryUUIDs');
  const indexes = listOf(record, 'logIndexes');
  const proposed = listOf(record, 'entries');
  if (uuids === undefined && indexes === undefined && proposed === undefined) throw schemaViolation('give at least one of entryUUIDs, logIndexes or entries');
  for (const u of uuids ?? []) if (typeof u !== 'string') throw schemaViolation('entryUUIDs in body must be strings');
  for (const i of indexes ?? []) if (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 0) throw schemaViolation(`logIndexes in body must be integers ≥ 0, not ${JSON.stringify(i)}`);
  const leafHashes = (uuids as string[] | undefined ?? []).map((u) => leafHashOfUuidOrUndefined(u, ctx));
  for (const p of proposed ?? []) {
    const entry = await ctx.prepare(p);
    leafHashes.push(nodeHasher.hashLeaf(entry.body));
  }
  const results: RekorLogEntryMap[] = [];
  for (const leafHash of leafHashes) {
    const index = leafHash && ctx.entries.log.findIndexByLeafHash(leafHash);
    const answer = index === undefined ? undefined : found(() => rekorLogEntry(ctx.entries, index));
    if (answer) results.push(answer);
  }
  for (const index of (indexes as number[] | undefined) ?? []) {
    const answer = found(() => rekorLogEntry(ctx.entries, index));
    if (answer) results.push(answer);
  }
  return jsonAnswer(200, results);
}

function leafHashOfUuidOrUndefined(uuid: string, ctx: ServeContext): Uint8Array | undefined {
  try {
    return leafHashOfUuid(uuid, ctx);
  } catch (error) {
    if (error instanceof HttpRefusal) throw error;
    return undefined;
  }
}
