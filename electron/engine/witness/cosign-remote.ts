import { ForkError, NotFoundError, VerificationError } from '../../../shared/api/index.js';
import { bytesEqual, toHex } from '../../../shared/encoding/index.js';
import { cosignCheckpoint } from '../../../shared/note/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { Workbench } from '../open-workbench.js';
import { openLogCheckpoint } from '../remote/log-verifier.js';
import { remoteByName } from '../remote/remotes.js';
import { MirrorStore, type CheckpointRecord } from '../store/index.js';
import { MirrorLog } from '../sync/index.js';
import { witnessKeyJson, witnessCosigner, type WitnessKeyJson } from './witness-key.js';

/** What `witness cosign` produced. */
export interface CosignResult {
  readonly remote: string;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** The log's signed checkpoint with the witness's cosignature/v1 line appended. */
  readonly note: string;
  readonly witness: WitnessKeyJson & { readonly timestamp: number };
}

/**
 * Returns the latest checkpoint of remote `name` cosigned by the workbench's witness (C2SP
 * tlog-cosignature, cosignature/v1: "as of this time, the largest consistent tree I have seen of
 * this log has this root"), stored as a checkpoint with source 'cosigned'. It cosigns only what it
 * checked itself: no fork is stored for the remote; the checkpoint is the largest the remote has
 * shown, still verifies with the remote's key, and the mirror holds that whole tree (every entry
 * authenticated by sync) with that root; and every other stored checkpoint of the remote within the
 * mirror has the mirror's root at its size. Throws NotFoundError (`remote_not_found`,
 * `checkpoint_not_found`), ForkError `remote_forked`, VerificationError (`checkpoint_not_mirrored`,
 * `checkpoint_inconsistent`).
 */
export function cosignRemote(workbench: Workbench, name: string): CosignResult {
  const { store, clock } = workbench;
  const log = remoteByName(store, name);
  const forks = new MirrorStore(store.db).forks(log.id);
  if (forks.length > 0) {
    throw new ForkError('remote_forked', `${name} has shown conflicting signed checkpoints (fork ${forks.map((f) => f.id).join(', ')}); a witness does not cosign a forked log`, { remote: name, forks: forks.map((f) => f.id) }, { hint: 'see the evidence with `provwb verify evidence`' });
  }
  const seen = store.checkpoints(log.id).filter((c) => c.source !== 'evidence');
  const latest = seen.filter((c) => c.source === 'fetched').at(-1);
  if (!latest) throw new NotFoundError('checkpoint_not_found', `no verified checkpoint of ${name} is stored`, { remote: name }, { hint: `run \`provwb sync ${name}\` first` });
  const mirror = new MirrorLog(store, log.id, nodeHasher);
  const mirrored = mirror.record().treeSize;
  if (latest.treeSize > mirrored) {
    throw new VerificationError('checkpoint_not_mirrored', `${name}'s latest checkpoint is for size ${latest.treeSize}, the mirror holds ${mirrored} entries; the witness cosigns only a tree it holds`, { remote: name, size: latest.treeSize, mirrored }, { hint: `run \`provwb sync ${name}\`` });
  }
  for (const c of seen) assertMirrorRoot(mirror, c, name);
  const checkpoint = openLogCheckpoint(log, latest.note);
  const timestamp = Math.floor(clock.nowMs() / 1000);
  const note = cosignCheckpoint(latest.note, witnessCosigner(workbench), timestamp);
  store.transaction(() => store.insertCheckpoint({ logId: log.id, treeSize: checkpoint.size, rootHash: checkpoint.rootHash, note, source: 'cosigned', createdAt: clock.nowMs() }));
  return { remote: name, origin: checkpoint.origin, treeSize: checkpoint.size, rootHash: toHex(checkpoint.rootHash), note, witness: { ...witnessKeyJson(workbench), timestamp } };
}

/** Throws checkpoint_inconsistent unless a checkpoint within the mirror has the mirror's root at its size (O(log n) reads). */
function assertMirrorRoot(mirror: MirrorLog, checkpoint: CheckpointRecord, name: string): void {
  if (checkpoint.treeSize > mirror.record().treeSize) return;
  const root = mirror.rootAt(checkpoint.treeSize);
  if (!bytesEqual(root, checkpoint.rootHash)) {
    throw new VerificationError('checkpoint_inconsistent', `${name}'s stored checkpoint of size ${checkpoint.treeSize} has root ${toHex(checkpoint.rootHash)}, the mirrored tree ${toHex(root)}; run \`provwb audit ${name}\``, { remote: name, size: checkpoint.treeSize });
  }
}
