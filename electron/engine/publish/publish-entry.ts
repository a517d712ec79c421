import { ConflictError, InputError, NotFoundError } from '../../../shared/api/index.js';
import { fromHex } from '../../../shared/encoding/index.js';
import type { Workbench } from '../open-workbench.js';
import type { FetchLimits } from '../remote/fetch-bytes.js';
import { remoteByName } from '../remote/remotes.js';
import type { LogRecord } from '../store/index.js';
import { existingV2Entry } from './existing-v2-entry.js';
import { publicationRequest, type PublishApi } from './publication-request.js';
import { recordPublication } from './record-publication.js';
import { submitEntry } from './submit-entry.js';
import { verifyPublication } from './verify-published.js';

export interface PublishOptions {
  readonly limits?: Partial<FetchLimits> | undefined;
}

/** What `provwb publish` did. */
export interface PublishResult {
  readonly remote: string;
  readonly uuid: string;
  readonly localIndex: number;
  /** The entry's index in the remote log. */
  readonly logIndex: number;
  /** The remote tree size the verified inclusion proof is for. */
  readonly treeSize: number;
  readonly status: 'created' | 'existing';
  /** The remote's answer, verified: a Rekor v1 `{uuid: LogEntry}` map or a Rekor v2 TransparencyLogEntry. */
  readonly entry: unknown;
}

/** Returns the write API of a remote; InputError `remote_type_unsupported` for logs without one. */
export function publishApiOf(remote: LogRecord): PublishApi {
  if (remote.remoteType === 'rekor') return 'rekor-v1';
  if (remote.remoteType === 'rekor-v2') return 'rekor-v2';
  throw new InputError('remote_type_unsupported', `remote ${remote.name} is a ${remote.remoteType} log, which has no write API; publish to a rekor or rekor-v2 remote`, { remote: remote.name, type: remote.remoteType });
}

/** Returns the leaf hash a uuid names (64 hex, or an 80-hex sharded Rekor uuid's last 64); InputError `uuid_invalid`. */
export function parseUuid(text: string): string {
  const hex = text.toLowerCase();
  if (!/^([0-9a-f]{16})?[0-9a-f]{64}$/.test(hex)) throw new InputError('uuid_invalid', `${JSON.stringify(text)} is not an entry uuid (64 hex digits, or 80 for a sharded Rekor uuid)`);
  return hex.slice(-64);
}

/**
 * Publishes the local typed entry `uuid` to the Rekor v1 or v2 remote `remoteName`: rebuilds the
 * request that yields exactly its body, submits it (a duplicate: Rekor v1 is asked for the entry,
 * a Rekor v2 log is synced and the entry read from its verified tiles), verifies the answer offline with the remote's
 * pinned key, checks the answer's checkpoint against everything seen of the remote, then stores the
 * checkpoint and the answer. Nothing is stored unless every step passes. Throws NotFoundError
 * (`remote_not_found`, `entry_not_found`), InputError (`uuid_invalid`, `remote_type_unsupported`,
 * `publish_kind_unsupported`), VerificationError (`remote_error`, `remote_answer_malformed`,
 * `publication_invalid`, `checkpoint_stale`), ForkError.
 */
export async function publishEntry(workbench: Workbench, remoteName: string, uuidText: string, options: PublishOptions = {}): Promise<PublishResult> {
  const remote = remoteByName(workbench.store, remoteName);
  const api = publishApiOf(remote);
  const uuid = parseUuid(uuidText);
  const local = workbench.localLog();
  const localIndex = local.findIndexByLeafHash(fromHex(uuid));
  if (localIndex === undefined) throw new NotFoundError('entry_not_found', `no entry with uuid ${uuid} in the local log`, { uuid });
  const [entry] = workbench.store.entries(local.record().id, localIndex, localIndex + 1);
  const request = await publicationRequest({ registry: workbench.kinds(), clock: workbench.clock }, entry!, api);
  const limits = options.limits ?? {};
  const answer = await submitEntry(api, remote.url!, request, uuid, limits).catch(async (error: unknown) => {
    if (!(error instanceof ConflictError && error.code === 'already_in_remote')) throw error;
    return { entry: await existingV2Entry(workbench, remote, uuid, limits), status: 'existing' as const };
  });
  const verified = verifyPublication(remote, api, answer.entry, uuid);
  await recordPublication(workbench, remote, api, verified, { uuid, localIndex, answer: answer.entry, status: answer.status }, limits);
  return { remote: remote.name, uuid, localIndex, logIndex: verified.logIndex, treeSize: verified.treeSize, status: answer.status, entry: answer.entry };
}
