/**
 * Addresses of complete subtrees. Node (level, index) is the root of the complete subtree over
 * leaves [index·2^level, (index+1)·2^level); level 0 nodes are leaf hashes.
 * Numbers, not bigints: every count stays below 2^53 (≈ 9·10^15 entries).
 */

export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** Returns 2^exponent exactly for exponents up to 53. */
export function pow2(exponent: number): number {
  return 2 ** exponent;
}

/** Returns the largest power of two strictly below n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Returns the complete subtrees that exactly cover leaves [start, end), left to right, as large as
 * possible (x/mod tlog's subTreeIndex). Folding their hashes right to left gives the hash of the range
 * as RFC 6962 defines it for a tree whose size is `end` when the range is a right edge.
 */
export function coveringNodes(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let lo = start;
  while (lo < end) {
    // Grow while lo stays aligned and the subtree still fits (sizes are exact doubles up to 2^53).
    let level = 0;
    let size = 1;
    while (lo % (size * 2) === 0 && lo + size * 2 <= end) {
      level++;
      size *= 2;
    }
    nodes.push({ level, index: lo / size });
    lo += size;
  }
  return nodes;
}

/** Returns true when node (level, index) is complete in a tree of the given size. */
export function isNodeComplete(node: NodeId, size: number): boolean {
  return (node.index + 1) * pow2(node.level) <= size;
}
