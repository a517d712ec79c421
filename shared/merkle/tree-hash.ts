import type { Hash, MerkleHasher } from './hasher.js';
import { coveringNodes } from './node-id.js';
import { foldRange, type HashReader } from './proof-plan.js';

/**
 * Returns the RFC 6962 root (MTH) of the first `size` leaves from stored complete-subtree hashes:
 * reads at most log₂ size hashes, in one call. Size 0 gives SHA-256("").
 */
export function treeRoot(size: number, reader: HashReader, hasher: MerkleHasher): Hash {
  if (size === 0) return hasher.emptyRoot();
  return foldRange(reader.readHashes(coveringNodes(0, size)), hasher);
}

/** Returns the RFC 6962 root of a list of leaf hashes, computed in full (for tests and small trees). */
export function rootOfLeafHashes(leafHashes: readonly Hash[], hasher: MerkleHasher): Hash {
  if (leafHashes.length === 0) return hasher.emptyRoot();
  let level = [...leafHashes];
  // Pair left to right; an odd last node is carried up unchanged, which equals RFC 6962's split rule.
  while (level.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(hasher.hashChildren(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}
