import { TileBuilder, type Hash, type MerkleHasher } from '../../../shared/merkle/index.js';
import type { Store } from '../store/index.js';

export interface RebuiltTree {
  readonly treeSize: number;
  readonly rootHash: Hash;
}

/**
 * Returns the root recomputed from a log's stored entries alone (every leaf hash and every interior
 * node, ignoring stored tiles): what an offline audit trusts. Streams bundle by bundle, so memory
 * stays O(log n); `onProgress` hears the entries done after each bundle.
 */
export function rebuildTree(store: Store, logId: number, treeSize: number, hasher: MerkleHasher, onProgress?: (done: number) => void): RebuiltTree {
  const builder = new TileBuilder(hasher);
  for (const { bundle, width, index } of store.iterateEntryBundles(logId, treeSize)) {
    const leafHashes = hasher.hashEntryBundle(bundle, width);
    const wanted = Math.min(width, treeSize - index * 256);
    builder.append(leafHashes.subarray(0, wanted * 32));
    onProgress?.(builder.size);
  }
  return { treeSize: builder.size, rootHash: builder.root() };
}
