import { bytesEqual, toHex } from '../../../shared/encoding/index.js';
import type { Hash } from '../../../shared/merkle/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import type { CheckpointRecord } from '../store/index.js';
import type { MirrorLog } from './mirror-log.js';

/** What the remote says about its own tree, authenticated against its new signed checkpoint. */
export interface RemoteTreeView {
  /**
   * Root of the first `size` leaves per the new checkpoint's tree (size ≤ its size). `expected` is the
   * root the mirror trusts there: a proof-based view needs it when the old tree is a power of two.
   */
  rootAt(size: number, expected?: Hash): Promise<Hash>;
  /** Consistency proof from `first` to the new checkpoint's size, from the remote's authenticated data. */
  consistencyProof(first: number): Promise<readonly Hash[]>;
}

/** A conflict between a new checkpoint and what the mirror trusted before. */
export interface CheckpointConflict {
  readonly olderNote: string;
  readonly newerNote: string;
  readonly proof?: { first: number; second: number; olderRootPerNewer: Hash; hashes: readonly Hash[] };
  readonly message: string;
}

export type CheckpointCheck =
  | { readonly kind: 'consistent' }
  /** The remote shows an older tree that agrees with the mirror: nothing to fetch. */
  | { readonly kind: 'behind'; readonly message: string }
  /** The remote shows an older tree than one it signed before, beyond what is mirrored: refused. */
  | { readonly kind: 'stale'; readonly message: string }
  | ({ readonly kind: 'fork' } & CheckpointConflict);

/**
 * Checks a new verified checkpoint against every checkpoint stored for the mirror: one of the same
 * size must have the same root; the largest smaller one must be the new tree's root at its size (per
 * the remote's authenticated tiles or proof); a larger one must agree with the mirrored entries at the
 * new size. Consistency with each stored checkpoint follows, as each was checked the same way.
 */
export async function checkNewCheckpoint(input: {
  note: string;
  checkpoint: Checkpoint;
  stored: readonly CheckpointRecord[];
  mirror: MirrorLog;
  remote: RemoteTreeView;
}): Promise<CheckpointCheck> {
  const { note, checkpoint, stored, mirror, remote } = input;
  const size = checkpoint.size;
  for (const earlier of stored) {
    if (earlier.treeSize === size && !bytesEqual(earlier.rootHash, checkpoint.rootHash)) {
      return { kind: 'fork', olderNote: earlier.note, newerNote: note, message: `the log signed two different roots for tree size ${size}: ${toHex(earlier.rootHash)} and ${toHex(checkpoint.rootHash)}` };
    }
  }
  const smaller = stored.filter((c) => c.treeSize < size && c.treeSize > 0).at(-1);
  if (smaller) {
    const rootPerNew = await remote.rootAt(smaller.treeSize, smaller.rootHash);
    if (!bytesEqual(rootPerNew, smaller.rootHash)) {
      return {
        kind: 'fork',
        olderNote: smaller.note,
        newerNote: note,
        proof: { first: smaller.treeSize, second: size, olderRootPerNewer: rootPerNew, hashes: await remote.consistencyProof(smaller.treeSize) },
        message: `the log's tree of size ${size} is not consistent with its checkpoint of size ${smaller.treeSize}: root ${toHex(rootPerNew)} instead of ${toHex(smaller.rootHash)}`,
      };
    }
  }
  const larger = stored.find((c) => c.treeSize > size);
  if (larger) {
    const mirrored = mirror.record().treeSize;
    if (size === 0 || size > mirrored) {
      return { kind: 'stale', message: `the log now shows tree size ${size}, older than size ${larger.treeSize} it signed before; not syncing from an older view` };
    }
    const ours = mirror.rootAt(size);
    if (!bytesEqual(ours, checkpoint.rootHash)) {
      // Our entries up to `size` were authenticated against a larger signed tree: prove from it when we hold it all.
      const newer = stored.filter((c) => c.treeSize > size && c.treeSize <= mirrored).at(-1);
      return {
        kind: 'fork',
        olderNote: note,
        newerNote: newer?.note ?? larger.note,
        ...(newer ? { proof: { first: size, second: newer.treeSize, olderRootPerNewer: ours, hashes: mirror.consistencyProof(size, newer.treeSize) } } : {}),
        message: `the log signed root ${toHex(checkpoint.rootHash)} for size ${size}, but the tree it signed before has root ${toHex(ours)} there`,
      };
    }
    return { kind: 'behind', message: `the log shows tree size ${size}, older than size ${larger.treeSize} already mirrored; it agrees with the mirror` };
  }
  return { kind: 'consistent' };
}
