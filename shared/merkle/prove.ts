/**
 * Proofs as a log answers them, built from its stored complete-subtree hashes through a HashReader:
 * one read of every node a proof and its root need, then pure folding.
 */

import type { Hash, MerkleHasher } from './hasher.js';
import { coveringNodes } from './node-id.js';
import { consistencyPlan } from './consistency.js';
import { inclusionPlan } from './inclusion.js';
import { rehash, type FoldMemo, type HashReader } from './proof-plan.js';
import { treeRoot } from './tree-hash.js';

export interface BuiltInclusionProof {
  readonly leafHash: Hash;
  readonly hashes: readonly Hash[];
  readonly rootHash: Hash;
}

export interface BuiltConsistencyProof {
  readonly firstRoot: Hash;
  readonly secondRoot: Hash;
  readonly hashes: readonly Hash[];
}

/** What a caller that proves many entries of one tree can hand over to skip work. */
export interface InclusionProofShortcuts {
  /** The root of the tree of `size`, when already known: the right edge is then neither read nor folded. */
  readonly knownRoot?: Hash;
  /** Range hashes folded before (right-edge siblings are the same for most entries of a tree). */
  readonly memo?: FoldMemo;
}

/** Returns the leaf hash, RFC 6962 audit path and root of leaf `index` in the tree of `size` (0 ≤ index < size). */
export function buildInclusionProof(index: number, size: number, reader: HashReader, hasher: MerkleHasher, shortcuts: InclusionProofShortcuts = {}): BuiltInclusionProof {
  const plan = inclusionPlan(index, size);
  const nodes = [{ level: 0, index }, ...plan.nodes];
  const rootNodes = shortcuts.knownRoot ? [] : coveringNodes(0, size);
  const hashes = reader.readHashes(rootNodes.length > 0 ? [...nodes, ...rootNodes] : nodes);
  const rootHash = shortcuts.knownRoot ?? treeRoot(size, { readHashes: () => hashes.slice(nodes.length) }, hasher);
  return { leafHash: hashes[0]!, hashes: rehash(plan, hashes.slice(1, nodes.length), hasher, shortcuts.memo), rootHash };
}

/** Returns the RFC 6962 consistency proof from tree size `first` to `second` (1 ≤ first ≤ second) with both roots. */
export function buildConsistencyProof(first: number, second: number, reader: HashReader, hasher: MerkleHasher): BuiltConsistencyProof {
  const plan = consistencyPlan(first, second);
  const firstNodes = coveringNodes(0, first);
  const secondNodes = coveringNodes(0, second);
  const hashes = reader.readHashes([...plan.nodes, ...firstNodes, ...secondNodes]);
  const firstEnd = plan.nodes.length + firstNodes.length;
  return {
    firstRoot: treeRoot(first, { readHashes: () => hashes.slice(plan.nodes.length, firstEnd) }, hasher),
    secondRoot: treeRoot(second, { readHashes: () => hashes.slice(firstEnd) }, hasher),
    hashes: rehash(plan, hashes.slice(0, plan.nodes.length), hasher),
  };
}
