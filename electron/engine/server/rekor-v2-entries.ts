/** Rekor v2's write API, `POST /api/v2/log/entries` (rekor-tiles `CreateEntry`): 201 with a TransparencyLogEntry. */

import { ConflictError } from '../../../shared/api/index.js';
import { proposedFromRekorV2Request } from '../types/index.js';
import { jsonAnswer, tryParseJson, type HttpAnswer } from './http-exchange.js';
import { rekorV2Error } from './rekor-errors.js';
import type { ServeContext } from './serve-context.js';
import type { ServeRequest } from './serve-request.js';
import { transparencyLogEntry } from './transparency-log-entry.js';

/**
 * Verifies a CreateEntryRequest (`hashedRekordRequestV002` or `dsseRequestV002`), appends its
 * canonical entry with its batch and answers 201 + TransparencyLogEntry; InvalidArgument (400) for
 * anything malformed or unverifiable, AlreadyExists (409) for a duplicate, as rekor-tiles.
 */
export async function createEntryV2(req: ServeRequest, ctx: ServeContext): Promise<HttpAnswer> {
  const parsed = tryParseJson(await req.body());
  if (!parsed.ok) throw rekorV2Error('input', `invalid request body: ${parsed.reason}`);
  const proposed = proposedFromRekorV2Request(parsed.value);
  const entry = await ctx.prepare(proposed);
  try {
    const appended = await ctx.queue.append(entry);
    return jsonAnswer(201, transparencyLogEntry(ctx, appended.logIndex));
  } catch (error) {
    if (error instanceof ConflictError) throw rekorV2Error('conflict', error.message);
    throw error;
  }
}
