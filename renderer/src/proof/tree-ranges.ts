/**
 * The RFC 6962 tree as leaf ranges, for pictures: node [start, end) is MTH(D[start:end]) and splits
 * at the largest power of two below its width (RFC 6962 §2.1). Pure; reads no hashes.
 */

import { coveringNodes, splitPoint } from '../../../shared/merkle/index.js';

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Returns the level of a node: ⌈log₂ width⌉ (0 for a leaf). */
export function heightOf(range: Range): number {
  let h = 0;
  while (2 ** h < range.end - range.start) h++;
  return h;
}

/** Returns the children of a node of width ≥ 2. */
export function splitRange(range: Range): [Range, Range] {
  const k = splitPoint(range.end - range.start);
  return [
    { start: range.start, end: range.start + k },
    { start: range.start + k, end: range.end },
  ];
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

/** One split on the way from the root down to a leaf. */
export interface PathLevel {
  readonly parent: Range;
  /** The child holding the leaf. */
  readonly onPath: Range;
  /** The other child: its hash is proof hash `proofIndex`. */
  readonly sibling: Range;
  readonly siblingOnLeft: boolean;
  /** Index in the audit path, which lists hashes leaf-up. */
  readonly proofIndex: number;
}

/** Returns the splits from the root of `size` down to leaf `index`, top-down. Requires 0 ≤ index < size. */
export function inclusionPath(index: number, size: number): PathLevel[] {
  const levels: Array<Omit<PathLevel, 'proofIndex'>> = [];
  let node: Range = { start: 0, end: size };
  while (node.end - node.start > 1) {
    const [left, right] = splitRange(node);
    const leftHolds = index < left.end;
    levels.push({ parent: node, onPath: leftHolds ? left : right, sibling: leftHolds ? right : left, siblingOnLeft: !leftHolds });
    node = leftHolds ? left : right;
  }
  return levels.map((l, depth) => ({ ...l, proofIndex: levels.length - 1 - depth }));
}

export interface ConsistencyRanges {
  /** The nodes the proof's recursion descends through (RFC 6962 §2.1.2 SUBPROOF), top-down. */
  readonly spine: readonly Range[];
  /** The proof hashes' nodes, in proof order. */
  readonly proof: readonly Range[];
  /** The old tree's complete subtrees, left to right: its root folds from them. */
  readonly oldTree: readonly Range[];
}

/** Returns the nodes of a consistency proof from `first` to `second` (1 ≤ first ≤ second). */
export function consistencyRanges(first: number, second: number): ConsistencyRanges {
  const spine: Range[] = [{ start: 0, end: second }];
  const collected: Range[] = [];
  let m = first;
  let node: Range = { start: 0, end: second };
  let complete = true;
  while (m !== node.end - node.start) {
    const [left, right] = splitRange(node);
    if (m <= left.end - left.start) {
      collected.push(right);
      node = left;
    } else {
      collected.push(left);
      m -= left.end - left.start;
      node = right;
      complete = false;
    }
    spine.push(node);
  }
  if (!complete) collected.push(node);
  const oldTree = coveringNodes(0, first).map((n) => ({ start: n.index * 2 ** n.level, end: (n.index + 1) * 2 ** n.level }));
  return { spine, proof: collected.reverse(), oldTree };
}

/** Returns every node of the tree of `size` (for small trees), parents before children. */
export function allNodes(size: number): Range[] {
  const out: Range[] = [];
  const walk = (r: Range) => {
    out.push(r);
    if (r.end - r.start > 1) for (const child of splitRange(r)) walk(child);
  };
  if (size > 0) walk({ start: 0, end: size });
  return out;
}

/**
 * Returns an x scale over leaf positions [0, size] for a picture `width` wide: linear for small
 * trees; for large ones each stretch between two interesting positions gets room growing with the
 * log of its length, so a one-leaf sibling next to a half-a-million-leaf one stays visible.
 */
export function leafScale(points: readonly number[], size: number, width: number): (leaf: number) => number {
  const linear = size <= 64;
  const stops = [...new Set([0, size, ...points.filter((p) => p >= 0 && p <= size)])].sort((a, b) => a - b);
  const weights = stops.slice(1).map((p, i) => (linear ? p - stops[i]! : 1 + Math.log2(p - stops[i]!)));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const xs = [0];
  for (const w of weights) xs.push(xs[xs.length - 1]! + (w / total) * width);
  return (leaf) => {
    if (leaf <= 0) return 0;
    if (leaf >= size) return width;
    let i = 0;
    while (stops[i + 1]! < leaf) i++;
    const a = stops[i]!;
    const b = stops[i + 1]!;
    return xs[i]! + ((leaf - a) / (b - a)) * (xs[i + 1]! - xs[i]!);
  };
}
