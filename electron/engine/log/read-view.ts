/**
 * A reader's view of one log for answering many requests (`provwb serve`): the committed head (size,
 * root, signed checkpoint), stored entries and inclusion proofs, from memory wherever the data
 * cannot have changed. Full entry bundles and full tiles never change once written; the right edge
 * (the partial bundle and tiles) and the head are re-read when the head moves.
 *
 * Each SQLite read takes a read lock, ~10 µs on this kind of machine: as much as the rest of an
 * answer. So the view asks SQLite only when something may have changed: commits through this Store
 * are seen at once (it counts them), commits by other processes through PRAGMA data_version, checked
 * at most every `maxStaleMs`. An answer may therefore lag another process's append by that long,
 * never more; it is always a true proof against a signed checkpoint.
 */

import { InputError, NotFoundError } from '../../../shared/api/index.js';
import { bytesEqual } from '../../../shared/encoding/index.js';
import {
  HASH_SIZE,
  TILE_WIDTH,
  buildInclusionProof,
  createTileLookupReader,
  entryBundleOffsets,
  tileBottom,
  treeRoot,
  type FoldMemo,
  type Hash,
  type HashReader,
  type MerkleHasher,
  type StoredTile,
} from '../../../shared/merkle/index.js';
import { LruMap } from '../store/lru-map.js';
import { storedEntry, type CheckpointRecord, type EntryMeta, type LogRecord, type Store, type StoredEntry } from '../store/index.js';
import type { InclusionProof, LocalLog } from './local-log.js';

/** The log as last committed: its row (size, root) and the checkpoint signed at that size. */
export interface LogHead {
  readonly record: LogRecord;
  readonly checkpoint: CheckpointRecord | undefined;
}

export interface LogReadViewOptions {
  /** How long a commit by another process may go unnoticed, ms (default 0: checked on every read). */
  readonly maxStaleMs?: number;
  /** Bytes of full entry bundles kept in memory, least recently used dropped first (default 0: none). */
  readonly bundleCacheBytes?: number;
  /** Monotonic milliseconds (default performance.now). */
  readonly nowMs?: () => number;
}

/** A stored entry with the leaf hash the tree holds for it, and whether its body still hashes to that leaf. */
export interface CheckedEntry {
  readonly stored: StoredEntry;
  readonly leafHash: Hash;
  readonly matchesLeaf: boolean;
}

/**
 * An entry bundle as read once: its bytes, where each entry starts, and which entries hash to the
 * leaves the tree stores (checked once, for the whole bundle, when it is read). Entries' metadata
 * is read when first asked for, META_CHUNK rows at a time (not the bundle's 256: a miss stays cheap).
 */
interface CachedBundle {
  readonly index: number;
  readonly bundle: Uint8Array;
  readonly offsets: Uint32Array;
  /** The level-0 tile's leaf hashes, as stored when the bundle was read. */
  readonly leaves: Uint8Array;
  /** Per entry: 1 when its body hashes to its stored leaf. */
  readonly matchesLeaf: Uint8Array;
  /** Per entry: its entry_meta row, null for a raw entry, undefined until read. */
  readonly meta: Array<EntryMeta | null | undefined>;
  readonly bytes: number;
}

interface HeadState {
  readonly head: LogHead;
  readonly ownCommits: number;
  othersStamp: number;
  checkedAtMs: number;
  /** The root of the head's tree as its stored tiles give it, computed on first use. */
  rootFromTiles?: Hash;
  /** Right-edge sibling hashes folded for proofs in this head's tree. */
  readonly folds: FoldMemo;
  /** Right-edge tiles (key: tileNumber) and bundle as read for this head (they grow with the log, so they live as long as the head). */
  readonly partialTiles: Map<number, StoredTile>;
  rightBundle?: CachedBundle;
}

/** Entries whose metadata one query reads: a cold read stays cheap, a warm bundle needs few queries. */
const META_CHUNK = 32;

/** Rough per-entry cost of a cached bundle beyond its bytes (offset, leaf, metadata once read), for the cache budget. */
const ENTRY_OVERHEAD_BYTES = 128;

/** Full tiles the view keeps (references; with their interior a level-0 tile is 16 KiB). */
const FULL_TILES_KEPT = 4096;

/** Returns a number naming tile (level, index): tile levels stay below 8 for any tree of < 2⁶⁴ leaves. */
function tileNumber(level: number, index: number): number {
  return index * 8 + level;
}

export class LogReadView {
  private state: HeadState | undefined;
  private readonly bundles: LruMap<number, CachedBundle>;
  private readonly fullTiles = new LruMap<number, StoredTile>(FULL_TILES_KEPT);
  private readonly bundleCacheBytes: number;
  private readonly maxStaleMs: number;
  private readonly nowMs: () => number;
  private readonly reader: HashReader;

  constructor(
    private readonly deps: { readonly store: Store; readonly log: LocalLog; readonly hasher: MerkleHasher },
    options: LogReadViewOptions = {},
  ) {
    this.maxStaleMs = options.maxStaleMs ?? 0;
    this.bundleCacheBytes = options.bundleCacheBytes ?? 0;
    this.bundles = new LruMap(this.bundleCacheBytes);
    this.nowMs = options.nowMs ?? (() => performance.now());
    this.reader = createTileLookupReader((level, index) => this.tileAt(level, index));
  }

  /** Returns the committed head, re-read only when a commit may have moved it. */
  head(): LogHead {
    return this.currentState().head;
  }

  /**
   * Returns stored entry `index` of the tree as of `head` (default: the current head), or undefined
   * when the tree has no such entry.
   */
  entry(index: number, head: LogHead = this.head()): StoredEntry | undefined {
    return this.checkedEntry(index, head)?.stored;
  }

  /**
   * Returns stored entry `index` of the tree as of `head` with its stored leaf hash and whether its
   * body hashes to it (never answer for a body the tree did not commit to), or undefined when the
   * tree has no such entry. Cached bundles are checked once, as a whole, when read.
   */
  checkedEntry(index: number, head: LogHead = this.head()): CheckedEntry | undefined {
    if (!Number.isSafeInteger(index) || index < 0 || index >= head.record.treeSize) return undefined;
    if (this.bundleCacheBytes === 0) {
      const stored = this.deps.store.entries(head.record.id, index, index + 1)[0];
      if (!stored) return undefined;
      const leafHash = this.leafHash(index);
      return { stored, leafHash, matchesLeaf: bytesEqual(this.deps.hasher.hashLeaf(stored.body), leafHash) };
    }
    const bundle = this.bundle(Math.floor(index / TILE_WIDTH), head.record.id);
    const slot = index % TILE_WIDTH;
    if (!bundle || slot + 1 >= bundle.offsets.length || (slot + 1) * HASH_SIZE > bundle.leaves.length) return undefined;
    if (bundle.meta[slot] === undefined) this.readMeta(bundle, head.record.id, slot);
    const stored = storedEntry(index, bundle.bundle.subarray(bundle.offsets[slot]! + 2, bundle.offsets[slot + 1]!), bundle.meta[slot] ?? undefined);
    return { stored, leafHash: bundle.leaves.subarray(slot * HASH_SIZE, (slot + 1) * HASH_SIZE), matchesLeaf: bundle.matchesLeaf[slot] === 1 };
  }

  /** Returns the inclusion proof of entry `index` in the tree of `treeSize` (at most the head's size). */
  proveInclusion(index: number, treeSize: number): InclusionProof {
    const state = this.currentState();
    const current = state.head.record.treeSize;
    if (!Number.isSafeInteger(treeSize) || treeSize < 1 || treeSize > current) {
      throw new InputError('size_out_of_range', `tree size ${treeSize} is out of range: the log has ${current} entries`, { size: treeSize, treeSize: current });
    }
    if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
      throw new InputError('index_out_of_range', `entry index ${index} is out of range: the tree has ${treeSize} entries`, { index, treeSize });
    }
    if (treeSize !== current) return { logIndex: index, treeSize, ...buildInclusionProof(index, treeSize, this.reader, this.deps.hasher) };
    // The head's root is folded from the stored tiles once per head (not taken from the logs row), so
    // proof and root always come from the same stored hashes.
    state.rootFromTiles ??= treeRoot(treeSize, this.reader, this.deps.hasher);
    return { logIndex: index, treeSize, ...buildInclusionProof(index, treeSize, this.reader, this.deps.hasher, { knownRoot: state.rootFromTiles, memo: state.folds }) };
  }

  private currentState(): HeadState {
    const now = this.nowMs();
    const state = this.state;
    if (state && state.ownCommits === this.deps.store.ownCommits()) {
      if (now - state.checkedAtMs < this.maxStaleMs) return state;
      const othersStamp = this.deps.store.othersCommitStamp();
      if (othersStamp === state.othersStamp) {
        state.checkedAtMs = now;
        return state;
      }
    }
    // The stamps are taken before the reads: a commit in between only makes the next read look again.
    const ownCommits = this.deps.store.ownCommits();
    const othersStamp = this.deps.store.othersCommitStamp();
    const record = this.deps.log.record();
    const checkpoint = this.deps.store.checkpointAtSize(record.id, record.treeSize);
    this.state = { head: { record, checkpoint }, ownCommits, othersStamp, checkedAtMs: now, partialTiles: new Map<number, StoredTile>(), folds: new Map() };
    return this.state;
  }

  /** Returns the stored leaf hash of entry `index` (hash_missing when the tree lacks it). */
  private leafHash(index: number): Hash {
    return this.reader.readHashes([{ level: 0, index }])[0]!;
  }

  /** Returns a tile of the current head: full ones kept across heads (they never change), partial ones until the head moves. */
  private tileAt(level: number, index: number): StoredTile | undefined {
    const key = tileNumber(level, index);
    const full = this.fullTiles.get(key);
    if (full) return full;
    const { partialTiles, head } = this.currentState();
    const partial = partialTiles.get(key);
    if (partial) return partial;
    const tile = this.deps.store.readTiles(head.record.id, [{ level, index }]).values().next().value;
    if (!tile) return undefined;
    // Inside a transaction a tile may yet be rolled back: only committed full tiles are kept.
    if (tile.width < TILE_WIDTH) partialTiles.set(key, tile);
    else if (!this.deps.store.db.inTransaction) this.fullTiles.set(key, tile);
    return tile;
  }

  private bundle(bundleIndex: number, logId: number): CachedBundle | undefined {
    const cached = this.bundles.get(bundleIndex);
    if (cached) return cached;
    const state = this.currentState();
    if (state.rightBundle?.index === bundleIndex) return state.rightBundle;
    const read = this.readBundle(logId, bundleIndex);
    if (!read) return undefined;
    // Kept across heads only when full, committed and checked against a full tile: a bundle another
    // process filled after this head was read may have been checked against the head's partial tile.
    const checkedFull = read.offsets.length - 1 === TILE_WIDTH && read.leaves.length === TILE_WIDTH * HASH_SIZE;
    if (checkedFull && !this.deps.store.db.inTransaction) this.bundles.set(bundleIndex, read, read.bytes);
    else state.rightBundle = read;
    return read;
  }

  /** Reads the metadata of the META_CHUNK entries around `slot`: one query, amortised over neighbours read later. */
  private readMeta(bundle: CachedBundle, logId: number, slot: number): void {
    const from = slot - (slot % META_CHUNK);
    const to = Math.min(from + META_CHUNK, bundle.offsets.length - 1);
    const start = bundle.index * TILE_WIDTH;
    for (let i = from; i < to; i++) bundle.meta[i] = null;
    for (const m of this.deps.store.entryMetaInRange(logId, start + from, start + to)) bundle.meta[m.index - start] = m;
  }

  /** Reads a bundle and checks all its entries against the level-0 tile of the current head at once (batch hashing). */
  private readBundle(logId: number, bundleIndex: number): CachedBundle | undefined {
    const row = this.deps.store.entryBundle(logId, bundleIndex);
    if (!row) return undefined;
    const offsets = entryBundleOffsets(row.bundle, row.width);
    const tile = this.tileAt(0, bundleIndex);
    const leaves = tile ? tileBottom(tile.nodes, tile.width) : new Uint8Array(0);
    const matchesLeaf = new Uint8Array(row.width);
    const hashes = this.deps.hasher.hashEntryBundle(row.bundle, row.width);
    for (let slot = 0; (slot + 1) * HASH_SIZE <= Math.min(leaves.length, hashes.length); slot++) {
      const at = slot * HASH_SIZE;
      matchesLeaf[slot] = bytesEqual(hashes.subarray(at, at + HASH_SIZE), leaves.subarray(at, at + HASH_SIZE)) ? 1 : 0;
    }
    return { index: bundleIndex, bundle: row.bundle, offsets, leaves, matchesLeaf, meta: [], bytes: row.bundle.byteLength + row.width * ENTRY_OVERHEAD_BYTES };
  }
}

/** Returns the head with its checkpoint, or throws NotFoundError when the log has none at its size. */
export function signedHead(head: LogHead): LogHead & { readonly checkpoint: CheckpointRecord } {
  if (!head.checkpoint) throw new NotFoundError('checkpoint_not_found', `no checkpoint for tree size ${head.record.treeSize}`);
  return head as LogHead & { readonly checkpoint: CheckpointRecord };
}
