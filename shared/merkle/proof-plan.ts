import type { Hash, MerkleHasher } from './hasher.js';
import { coveringNodes, type NodeId } from './node-id.js';

/**
 * Proofs are planned, fetched, then rehashed: a plan lists the stored complete-subtree hashes a
 * proof needs (in the order they are folded) and, per proof hash, how many of them fold into it.
 * Only right-edge subtrees of a non-power-of-two tree take more than one stored hash.
 */
export interface ProofPlan {
  readonly nodes: readonly NodeId[];
  /** For each proof hash, the number of consecutive `nodes` folded into it. */
  readonly groups: readonly number[];
}

/** Source of stored complete-subtree hashes; the store answers a whole plan in one query. */
export interface HashReader {
  /** Returns the hashes of the given complete subtrees, in order. */
  readHashes(nodes: readonly NodeId[]): readonly Hash[];
}

export class ProofPlanBuilder {
  private readonly nodes: NodeId[] = [];
  private readonly groups: number[] = [];

  /** Adds one proof hash: the hash of leaves [start, end). */
  addRange(start: number, end: number): void {
    const cover = coveringNodes(start, end);
    this.nodes.push(...cover);
    this.groups.push(cover.length);
  }

  build(): ProofPlan {
    return { nodes: this.nodes, groups: this.groups };
  }
}

/** Returns the hash of complete subtrees given left to right (x/mod tlog's subTreeHash fold). */
export function foldRange(hashes: readonly Hash[], hasher: MerkleHasher): Hash {
  if (hashes.length === 0) throw new Error('bug: folding an empty range');
  let hash = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) hash = hasher.hashChildren(hashes[i]!, hash);
  return hash;
}

/**
 * Hashes of leaf ranges already folded, keyed by the range's first and last covering node. A range's
 * hash never changes, so a server proving many entries against one tree keeps its right-edge folds.
 */
export type FoldMemo = Map<string, Hash>;

/** Returns the proof hashes: the fetched node hashes folded group by group (through `memo` when given). */
export function rehash(plan: ProofPlan, nodeHashes: readonly Hash[], hasher: MerkleHasher, memo?: FoldMemo): Hash[] {
  if (nodeHashes.length !== plan.nodes.length) {
    throw new Error(`bug: plan needs ${plan.nodes.length} hashes, reader returned ${nodeHashes.length}`);
  }
  const proof: Hash[] = [];
  let offset = 0;
  for (const count of plan.groups) {
    if (count === 1) proof.push(nodeHashes[offset]!);
    else if (!memo) proof.push(foldRange(nodeHashes.slice(offset, offset + count), hasher));
    else {
      const first = plan.nodes[offset]!;
      const last = plan.nodes[offset + count - 1]!;
      const key = `${first.level}/${first.index}-${last.level}/${last.index}`;
      let hash = memo.get(key);
      if (!hash) memo.set(key, (hash = foldRange(nodeHashes.slice(offset, offset + count), hasher)));
      proof.push(hash);
    }
    offset += count;
  }
  return proof;
}
