import { ConflictError } from '../../../shared/api/index.js';
import { consistencyPlan, createTileHashReader, rehash, treeRoot, type Hash, type HashReader, type MerkleHasher } from '../../../shared/merkle/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import { loadTileBuilder } from '../log/index.js';
import type { LogRecord, NewEntry, Store } from '../store/index.js';

/**
 * A mirrored log in the store: entries are appended only after sync authenticated them against a
 * signed checkpoint of the remote, with their tiles and the new tree head in one transaction.
 */
export class MirrorLog {
  private readonly reader: HashReader;

  constructor(
    private readonly store: Store,
    private readonly logId: number,
    private readonly hasher: MerkleHasher,
  ) {
    this.reader = createTileHashReader((tiles) => store.readTiles(logId, tiles));
  }

  record(): LogRecord {
    return this.store.logById(this.logId)!;
  }

  /** Root of the stored tree at `size` (≤ the mirrored size). */
  rootAt(size: number): Hash {
    return size === 0 ? this.hasher.emptyRoot() : treeRoot(size, this.reader, this.hasher);
  }

  /** Consistency proof between stored sizes `first` < `second`, for fork evidence. */
  consistencyProof(first: number, second: number): Hash[] {
    const plan = consistencyPlan(first, second);
    return [...rehash(plan, this.reader.readHashes(plan.nodes), this.hasher)];
  }

  /**
   * Appends authenticated entries at index `first` (which must still be the mirrored size: a second
   * sync of the same remote running at once is refused) in one transaction.
   */
  append(first: number, entries: readonly NewEntry[], leafHashes: Uint8Array): void {
    this.store.transaction(() => {
      const log = this.record();
      if (log.treeSize !== first) {
        throw new ConflictError('sync_conflict', `mirror ${log.name} changed during sync (size ${log.treeSize}, expected ${first}); is another sync running?`);
      }
      const builder = loadTileBuilder(this.store, log, first, this.hasher);
      this.store.insertEntries(log.id, first, entries, leafHashes);
      this.store.writeTiles(log.id, builder.append(leafHashes));
      this.store.setTreeHead(log.id, first + entries.length, builder.root());
    });
  }

  /** Stores a verified signed checkpoint of the remote (once). */
  recordCheckpoint(note: string, checkpoint: Checkpoint, nowMs: number): void {
    this.store.insertCheckpoint({ logId: this.logId, treeSize: checkpoint.size, rootHash: checkpoint.rootHash, note, source: 'fetched', createdAt: nowMs });
  }
}
