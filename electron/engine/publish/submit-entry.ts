import { ConflictError, isWorkbenchError } from '../../../shared/api/index.js';
import type { FetchLimits } from '../remote/fetch-bytes.js';
import { createRekorClient, getJson } from '../remote/rekor-client.js';
import type { PublishApi } from './publication-request.js';

/** A remote's answer to a submission, not yet verified. */
export interface SubmitAnswer {
  /** Rekor v1: the `{uuid: LogEntry}` map; Rekor v2: the TransparencyLogEntry. */
  readonly entry: unknown;
  /** 'existing' when the log already held the entry (Rekor v1 409, then fetched by uuid). */
  readonly status: 'created' | 'existing';
}

/**
 * Submits `request` to the Rekor log at `url`: v1 `POST /api/v1/log/entries` (201; 409 = already
 * logged, then `GET /api/v1/log/entries/{uuid}`), v2 `POST /api/v2/log/entries` (201). Throws the
 * fetch errors (timeouts, size limits, HTML pages, other statuses with the log's message) and
 * ConflictError `already_in_remote` for a Rekor v2 duplicate (v2 has no lookup by uuid: see existingV2Entry).
 */
export async function submitEntry(api: PublishApi, url: string, request: unknown, uuid: string, limits: Partial<FetchLimits>): Promise<SubmitAnswer> {
  if (api === 'rekor-v1') {
    const client = createRekorClient(url, limits);
    const answer = await client.submit(request);
    if (answer.status !== 409) return { entry: answer.body, status: 'created' };
    return { entry: await client.entryByUuid(uuid), status: 'existing' };
  }
  try {
    const answer = await getJson(`${url.replace(/\/+$/, '')}/api/v2/log/entries`, limits, { method: 'POST', json: request, acceptStatuses: [201] });
    return { entry: answer.value, status: 'created' };
  } catch (error) {
    if (isWorkbenchError(error) && error.details?.status === 409) {
      throw new ConflictError('already_in_remote', `${url} already holds entry ${uuid}, and Rekor v2 answers duplicates without the entry`, { uuid });
    }
    throw error;
  }
}
