import { ConflictError, InputError, NotFoundError, VerificationError } from '../../../shared/api/index.js';
import { bytesEqual, toBase64, toHex } from '../../../shared/encoding/index.js';
import {
  MAX_BUNDLE_ENTRY_SIZE,
  TileBuilder,
  buildConsistencyProof,
  buildInclusionProof,
  createTileHashReader,
  treeRoot,
  type Hash,
  type HashReader,
  type MerkleHasher,
} from '../../../shared/merkle/index.js';
import type { LogRecord, NewEntry, Store } from '../store/index.js';
import type { CheckpointSigner, Clock } from './checkpoint-signer.js';
import { signEntryTimestamps, type EntryTimestampSigner } from './entry-timestamp.js';
import { loadTileBuilder } from './tile-edge.js';

export interface AppendResult {
  readonly first: number;
  readonly count: number;
  readonly treeSize: number;
  readonly rootHash: Hash;
  readonly checkpoint: string;
}

export interface InclusionProof {
  readonly logIndex: number;
  readonly treeSize: number;
  readonly leafHash: Hash;
  readonly hashes: readonly Hash[];
  readonly rootHash: Hash;
}

export interface ConsistencyProof {
  readonly first: number;
  readonly second: number;
  readonly firstRoot: Hash;
  readonly secondRoot: Hash;
  readonly hashes: readonly Hash[];
}

export interface LocalLogDeps {
  readonly store: Store;
  readonly logName: string;
  readonly hasher: MerkleHasher;
  readonly signer: CheckpointSigner;
  readonly clock: Clock;
  /** Signs the SET of each typed entry it integrates (the local log; a mirror keeps what its log signed). */
  readonly timestamps?: EntryTimestampSigner;
}

/** Returns the C2SP tlog-checkpoint body for (origin, size, root). */
export function checkpointBody(origin: string, size: number, root: Hash): string {
  return `${origin}\n${size}\n${toBase64(root)}\n`;
}

/**
 * The local transparency log: appends entries in one transaction with their tiles and a freshly
 * signed checkpoint, and answers proofs from O(log n) stored hashes.
 */
export class LocalLog {
  private builder: TileBuilder;
  private readonly reader: HashReader;

  constructor(private readonly deps: LocalLogDeps) {
    const log = this.record();
    this.reader = createTileHashReader((tiles) => deps.store.readTiles(log.id, tiles));
    this.builder = this.loadBuilder(log.treeSize);
  }

  /** Returns the log's stored row (size and root as of the last commit). */
  record(): LogRecord {
    const log = this.deps.store.logByName(this.deps.logName);
    if (!log) throw new NotFoundError('log_not_found', `no log named ${this.deps.logName}`);
    return log;
  }

  get verifierKey(): string {
    return this.deps.signer.verifierKey;
  }

  /**
   * Appends entries as leaves size, size+1, … in one transaction that also stores the new tiles,
   * the new tree head and a signed checkpoint: all of it commits or none. Rejects an empty batch
   * or an entry over 65 535 bytes (the tlog-tiles bundle limit) before touching the database.
   */
  append(entries: readonly NewEntry[], options: { rejectDuplicates?: boolean } = {}): AppendResult {
    if (entries.length === 0) throw new InputError('empty_input', 'nothing to append: no entries were given');
    for (const [i, e] of entries.entries()) {
      if (e.body.length > MAX_BUNDLE_ENTRY_SIZE) {
        throw new InputError('entry_too_large', `entry ${i} is ${e.body.length} bytes; a tlog-tiles entry holds at most ${MAX_BUNDLE_ENTRY_SIZE}`, { entry: i, bytes: e.body.length });
      }
    }
    const leafHashes = this.deps.hasher.hashLeaves(entries.map((e) => e.body));
    const { store, signer, clock, timestamps } = this.deps;
    // SETs name the entry's index: signed before taking the write lock for the indexes expected,
    // again inside it in the rare case another process appended meanwhile.
    const expectedFirst = this.builder.size;
    let sets = timestamps && signEntryTimestamps(timestamps, entries, expectedFirst);
    try {
      return store.transaction(() => {
        const log = this.record();
        // Another process may have appended since we loaded the right edge.
        if (log.treeSize !== this.builder.size) this.builder = this.loadBuilder(log.treeSize);
        const first = log.treeSize;
        // Inside the write transaction, so two writers cannot both add the same entry.
        if (options.rejectDuplicates) this.assertNoDuplicates(log, leafHashes);
        if (timestamps && first !== expectedFirst) sets = signEntryTimestamps(timestamps, entries, first);
        store.insertEntries(log.id, first, entries, leafHashes, sets);
        store.writeTiles(log.id, this.builder.append(leafHashes));
        const treeSize = first + entries.length;
        const rootHash = this.builder.root();
        store.setTreeHead(log.id, treeSize, rootHash);
        const checkpoint = signer.sign(checkpointBody(log.origin, treeSize, rootHash));
        store.insertCheckpoint({ logId: log.id, treeSize, rootHash, note: checkpoint, source: 'issued', createdAt: clock.nowMs() });
        return { first, count: entries.length, treeSize, rootHash, checkpoint };
      });
    } catch (error) {
      // The transaction rolled back; the in-memory edge may be ahead of the database.
      this.builder = this.loadBuilder(this.record().treeSize);
      throw error;
    }
  }

  /** Returns the index of the typed entry with this leaf hash, if the log has one. */
  findIndexByLeafHash(leafHash: Hash): number | undefined {
    return this.indexOfLeafHash(this.record(), leafHash);
  }

  /** Returns, for each leaf hash, the index of the typed entry with it, if the log has one (one read of the head for all). */
  findIndexesByLeafHashes(leafHashes: readonly Hash[]): Array<number | undefined> {
    const log = this.record();
    return leafHashes.map((leafHash) => this.indexOfLeafHash(log, leafHash));
  }

  private indexOfLeafHash(log: LogRecord, leafHash: Hash): number | undefined {
    for (const index of this.deps.store.indexesWithLeafHashPrefix(log.id, leafHash)) {
      if (index < log.treeSize && bytesEqual(this.reader.readHashes([{ level: 0, index }])[0]!, leafHash)) return index;
    }
    return undefined;
  }

  private assertNoDuplicates(log: LogRecord, leafHashes: Uint8Array): void {
    const seen = new Set<string>();
    for (let i = 0; i < leafHashes.length; i += 32) {
      const leafHash = leafHashes.subarray(i, i + 32);
      const uuid = toHex(leafHash);
      const existing = this.indexOfLeafHash(log, leafHash);
      if (existing !== undefined || seen.has(uuid)) {
        throw new ConflictError('already_exists', `an equivalent entry already exists in the log with uuid ${uuid}`, { uuid, ...(existing === undefined ? {} : { logIndex: existing }) });
      }
      seen.add(uuid);
    }
  }

  /** Returns the latest signed checkpoint note. */
  latestCheckpoint(): string {
    const log = this.record();
    const checkpoint = this.deps.store.latestCheckpoint(log.id);
    if (!checkpoint) throw new NotFoundError('checkpoint_not_found', `log ${log.name} has no checkpoint yet`);
    return checkpoint.note;
  }

  /** Returns the root of the tree at `size` (≤ current size), from at most log₂ size stored hashes. */
  rootAt(size: number): Hash {
    this.assertSize(size, 'tree size');
    return treeRoot(size, this.reader, this.deps.hasher);
  }

  /** Returns the leaf hash of entry `index`. */
  leafHash(index: number): Hash {
    const size = this.record().treeSize;
    this.assertIndex(index, size);
    return this.reader.readHashes([{ level: 0, index }])[0]!;
  }

  /**
   * Returns the inclusion proof of entry `index` in the tree of `size` (default: current size).
   * Reads at most 2·log₂ size stored hashes from at most ⌈log₂₅₆ size⌉ + 1 tiles, in one query.
   */
  proveInclusion(index: number, size?: number): InclusionProof {
    const treeSize = size ?? this.record().treeSize;
    this.assertSize(treeSize, 'tree size');
    this.assertIndex(index, treeSize);
    return { logIndex: index, treeSize, ...buildInclusionProof(index, treeSize, this.reader, this.deps.hasher) };
  }

  /** Returns the consistency proof from tree size `first` to `second` (default: current size). */
  proveConsistency(first: number, second?: number): ConsistencyProof {
    const secondSize = second ?? this.record().treeSize;
    this.assertSize(secondSize, 'second tree size');
    if (!Number.isSafeInteger(first) || first < 1 || first > secondSize) {
      throw new InputError('size_out_of_range', `first tree size ${first} must be between 1 and ${secondSize}`, { first, second: secondSize });
    }
    return { first, second: secondSize, ...buildConsistencyProof(first, secondSize, this.reader, this.deps.hasher) };
  }

  /** Checks that the stored tree head equals the root rebuilt from stored tiles; throws if not. */
  assertTreeHeadMatchesTiles(): void {
    const log = this.record();
    const root = treeRoot(log.treeSize, this.reader, this.deps.hasher);
    if (!bytesEqual(root, log.rootHash)) {
      throw new VerificationError('tree_head_mismatch', `stored tiles give root ${toBase64(root)}, tree head says ${toBase64(log.rootHash)}`);
    }
  }

  private assertSize(size: number, what: string): void {
    const current = this.record().treeSize;
    if (!Number.isSafeInteger(size) || size < 0 || size > current) {
      throw new InputError('size_out_of_range', `${what} ${size} is out of range: the log has ${current} entries`, { size, treeSize: current });
    }
  }

  private assertIndex(index: number, size: number): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new InputError('index_out_of_range', `entry index ${index} is out of range: the tree has ${size} entries`, { index, treeSize: size });
    }
  }

  private loadBuilder(size: number): TileBuilder {
    return loadTileBuilder(this.deps.store, this.record(), size, this.deps.hasher);
  }
}
