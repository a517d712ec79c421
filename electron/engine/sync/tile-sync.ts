import { VerificationError, WorkbenchError } from '../../../shared/api/index.js';
import { bytesEqual, toHex } from '../../../shared/encoding/index.js';
import { HASH_SIZE, TILE_WIDTH, buildTileNodes, consistencyPlan, fullTileRoot, rehash, type MerkleHasher } from '../../../shared/merkle/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import type { NewEntry } from '../store/index.js';
import type { TileSource } from '../remote/tile-source.js';
import type { RemoteTreeView } from './checkpoint-check.js';
import type { MirrorLog } from './mirror-log.js';
import { RemoteTree } from './remote-tree.js';

/** Turns authenticated entry bytes into stored entries (typed ones get kind, index keys). */
export type EntryTyper = (body: Uint8Array, index: number) => Promise<NewEntry>;

export interface TileSyncProgress {
  readonly done: number;
  readonly total: number;
}

export interface TileSyncOptions {
  readonly parallel: number;
  /** Entries per transaction: a killed sync refetches at most this many plus the bundles in flight. */
  readonly commitEntries: number;
  readonly onProgress?: ((p: TileSyncProgress) => void) | undefined;
  readonly typeEntry?: EntryTyper | undefined;
  /** Checked after each commit: what was committed stays, so a cancelled sync resumes from there. */
  readonly signal?: AbortSignal | undefined;
}

/** Returns the remote's authenticated tree for a verified checkpoint, as the checkpoint check needs it. */
export function remoteTreeView(tree: RemoteTree, hasher: MerkleHasher): RemoteTreeView {
  return {
    rootAt: (size) => tree.rootAt(size),
    async consistencyProof(first) {
      const plan = consistencyPlan(first, tree.size);
      return rehash(plan, await tree.readHashes(plan.nodes), hasher);
    },
  };
}

/**
 * Mirrors entries [mirrored size, target) of a tiled log whose checkpoint (size ≥ target) verified:
 * each bundle is downloaded (bounded parallel), its leaf hashes computed and checked against the
 * authenticated tree — a full bundle's subtree root against its entry in the level-1 tile, a
 * partial one hash by hash against the authenticated level-0 tile — then appended in order, a few
 * thousand entries per transaction, while the next downloads run. Returns how many entries were fetched.
 */
export async function syncTileEntries(source: TileSource, tree: RemoteTree, mirror: MirrorLog, target: number, hasher: MerkleHasher, options: TileSyncOptions): Promise<number> {
  let size = mirror.record().treeSize;
  const start = size;
  const lastBundle = Math.ceil(target / TILE_WIDTH) - 1;
  // A sliding window of downloads: the next bundles are already on their way while a batch commits.
  const inFlight = new Map<number, Promise<VerifiedBundle>>();
  let nextBundle = Math.floor(size / TILE_WIDTH);
  const refill = () => {
    for (; inFlight.size < options.parallel && nextBundle <= lastBundle; nextBundle++) {
      const download = fetchVerifiedBundle(source, tree, nextBundle, hasher);
      download.catch(() => undefined); // awaited in order below; this only keeps an early failure from being "unhandled"
      inFlight.set(nextBundle, download);
    }
  };
  let fetched = 0;
  let batch: NewEntry[] = [];
  let batchHashes: Uint8Array[] = [];
  for (let k = Math.floor(size / TILE_WIDTH); k <= lastBundle; k++) {
    refill();
    const { bodies, hashes } = await inFlight.get(k)!;
    inFlight.delete(k);
    fetched += bodies.length;
    const first = k * TILE_WIDTH;
    const from = Math.max(size + batch.length, first) - first;
    const to = Math.min(target, first + bodies.length) - first;
    for (let j = from; j < to; j++) batch.push(options.typeEntry ? await options.typeEntry(bodies[j]!, first + j) : { body: bodies[j]! });
    batchHashes.push(hashes.subarray(from * HASH_SIZE, to * HASH_SIZE));
    if (batch.length >= options.commitEntries || k === lastBundle) {
      refill();
      mirror.append(size, batch, concat(batchHashes));
      size += batch.length;
      batch = [];
      batchHashes = [];
      options.onProgress?.({ done: size - start, total: target - start });
      if (options.signal?.aborted && k < lastBundle) throw syncCancelled(size);
    }
  }
  return fetched;
}

interface VerifiedBundle {
  readonly bodies: Uint8Array[];
  readonly hashes: Uint8Array;
}

async function fetchVerifiedBundle(source: TileSource, tree: RemoteTree, k: number, hasher: MerkleHasher): Promise<VerifiedBundle> {
  const width = Math.min(TILE_WIDTH, tree.size - k * TILE_WIDTH);
  const bodies = await source.entries(k, width);
  const hashes = hasher.hashLeaves(bodies);
  if (width === TILE_WIDTH) {
    const expected = await tree.nodeHash(8, k);
    if (!bytesEqual(fullTileRoot(buildTileNodes(hashes, hasher), hasher), expected)) {
      throw new VerificationError('entries_invalid', `entry bundle ${k} (entries ${k * TILE_WIDTH}–${k * TILE_WIDTH + 255}) does not hash to the log's signed tree`, { bundle: k });
    }
  } else {
    const expected = await tree.readHashes(Array.from({ length: width }, (_, i) => ({ level: 0, index: k * TILE_WIDTH + i })));
    for (let i = 0; i < width; i++) {
      if (!bytesEqual(hashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE), expected[i]!)) {
        throw new VerificationError('entries_invalid', `entry ${k * TILE_WIDTH + i} does not hash to the leaf the log signed (${toHex(expected[i]!)})`, { index: k * TILE_WIDTH + i });
      }
    }
  }
  return { bodies, hashes };
}

/** The error a cancelled sync ends with (the CLI never cancels; the UI's Cancel does). */
export function syncCancelled(size: number): WorkbenchError {
  return new WorkbenchError('sync_cancelled', `sync cancelled; the mirror keeps the ${size} entries verified and committed so far`, { treeSize: size }, { hint: 'sync again to resume from there' });
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Returns the remote tree of a verified checkpoint. */
export function openRemoteTree(source: TileSource, checkpoint: Checkpoint, hasher: MerkleHasher, parallel: number): RemoteTree {
  return new RemoteTree(source, checkpoint.size, checkpoint.rootHash, hasher, parallel);
}
