import { VerificationError } from '../../../shared/api/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { Workbench } from '../open-workbench.js';
import type { FetchLimits } from '../remote/fetch-bytes.js';
import { createRekorClient } from '../remote/rekor-client.js';
import { createTileSource } from '../remote/tile-source.js';
import { MirrorStore, PublicationStore, type LogRecord, type PublicationRecord } from '../store/index.js';
import { MirrorLog, checkNewCheckpoint, openRemoteTree, recordFork, rekorTreeView, remoteTreeView, type RemoteTreeView } from '../sync/index.js';
import type { PublishApi } from './publication-request.js';
import type { VerifiedPublication } from './verify-published.js';

/** Tiles fetched at once while checking a checkpoint against earlier ones. */
const PARALLEL_TILES = 8;

function treeView(api: PublishApi, remote: LogRecord, published: VerifiedPublication, limits: Partial<FetchLimits>): RemoteTreeView {
  if (api === 'rekor-v1') return rekorTreeView(createRekorClient(remote.url!, limits), published.checkpoint);
  const source = createTileSource('c2sp', remote.url!, limits);
  return remoteTreeView(openRemoteTree(source, published.checkpoint, nodeHasher, PARALLEL_TILES), nodeHasher);
}

/**
 * Stores a verified publication: the remote's checkpoint (source 'fetched' on the remote's row) and
 * the answer. The checkpoint is first checked against every checkpoint stored for the remote, as
 * sync checks a new one (same size → same root; consistent with the largest smaller one, by the
 * remote's proofs or tiles), so the next sync's consistency chain holds. A conflict stores fork
 * evidence and throws ForkError; an older view than one already seen throws `checkpoint_stale`.
 */
export async function recordPublication(
  workbench: Workbench,
  remote: LogRecord,
  api: PublishApi,
  published: VerifiedPublication,
  entry: { uuid: string; localIndex: number; answer: unknown; status: 'created' | 'existing' },
  limits: Partial<FetchLimits>,
): Promise<PublicationRecord> {
  const { store, clock } = workbench;
  const mirror = new MirrorLog(store, remote.id, nodeHasher);
  const check = await checkNewCheckpoint({ note: published.note, checkpoint: published.checkpoint, stored: store.checkpoints(remote.id), mirror, remote: treeView(api, remote, published, limits) });
  if (check.kind === 'fork') throw recordFork(workbench, remote, check);
  if (check.kind === 'stale') throw new VerificationError('checkpoint_stale', `${remote.name}: ${check.message}`, { remote: remote.name, size: published.checkpoint.size });
  return store.transaction(() => {
    if (remote.origin === '') new MirrorStore(store.db).setOrigin(remote.id, published.checkpoint.origin);
    mirror.recordCheckpoint(published.note, published.checkpoint, clock.nowMs());
    return new PublicationStore(store.db).upsert({
      logId: remote.id,
      uuid: entry.uuid,
      localIndex: entry.localIndex,
      remoteIndex: published.logIndex,
      treeSize: published.treeSize,
      answer: JSON.stringify(entry.answer),
      status: entry.status,
      publishedAt: clock.nowMs(),
    });
  });
}
