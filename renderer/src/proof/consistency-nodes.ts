import { formatCount, formatRange } from '../format/format.js';
import { WHOLE_TREE_MAX } from './inclusion-nodes.js';
import type { Bracket, PictureNode } from './picture-types.js';
import { allNodes, consistencyRanges, sameRange, type Range } from './tree-ranges.js';

export interface ConsistencyPicture {
  readonly nodes: readonly PictureNode[];
  readonly brackets: readonly Bracket[];
  /** Each proof hash's node, in proof order, and whether it lies inside the old tree. */
  readonly proofNodes: ReadonlyArray<{ readonly range: Range; readonly insideOld: boolean }>;
}

/**
 * Returns the picture of a consistency proof from `first` to `second`: the old tree's complete
 * subtrees inside the new tree (dashed), the nodes the proof recursion descends through, and the
 * proof hashes (p0… in proof order). Small trees are drawn whole.
 */
export function consistencyPicture(first: number, second: number, proof: readonly string[], verdict: 'pass' | 'fail' | undefined, roots: { first?: string; second?: string } = {}): ConsistencyPicture {
  const ranges = consistencyRanges(first, second);
  interface Draft {
    range: Range;
    classes: Set<string>;
    label: string;
    sub: string | undefined;
    title: string;
  }
  const byKey = new Map<string, Draft>();
  // Later roles win the label (proof hashes last); classes add up, so a node can be old and proof.
  const put = (r: Range, cls: string, label: string, title: string, sub?: string) => {
    const key = `${r.start}-${r.end}`;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { range: r, classes: new Set([cls]), label, sub, title });
      return;
    }
    existing.classes.add(cls);
    if (label !== '') existing.label = label;
    existing.title = `${existing.title}; ${title}`;
    existing.sub ??= sub;
  };

  if (second <= WHOLE_TREE_MAX) {
    for (const r of allNodes(second)) put(r, r.end <= first ? 'dim in-old' : 'dim', r.end - r.start === 1 ? String(r.start) : '', formatRange(r.start, r.end));
  }
  ranges.spine.forEach((r, i) =>
    put(r, 'path', i === 0 ? `new root ${(roots.second ?? '?').slice(0, 8)}` : '', i === 0 ? `the new tree's root (size ${formatCount(second)})` : 'the proof descends through this node', formatRange(r.start, r.end)),
  );
  for (const r of ranges.oldTree) put(r, 'old', '', `a complete subtree of the old tree (size ${formatCount(first)})`, formatRange(r.start, r.end));
  ranges.proof.forEach((r, i) =>
    put(r, 'proof', `p${i} ${(proof[i] ?? '?').slice(0, 8)}`, `proof hash p${i} = ${proof[i] ?? 'missing'}${r.end <= first ? ' (inside the old tree)' : ' (new leaves)'}`, formatRange(r.start, r.end)),
  );

  const nodes: PictureNode[] = [...byKey.values()].map((n) => {
    const classes = new Set([...n.classes].flatMap((c) => c.split(' ')));
    if (classes.has('path') || classes.has('old') || classes.has('proof')) {
      classes.delete('dim');
      classes.delete('in-old');
    }
    if (sameRange(n.range, { start: 0, end: second })) {
      classes.add('root');
      if (verdict) classes.add(verdict);
    }
    const label = n.label === '' && classes.has('old') ? 'old subtree' : n.label;
    return { range: n.range, className: [...classes].join(' '), label, ...(n.sub === undefined ? {} : { sub: n.sub }), title: `${formatRange(n.range.start, n.range.end)}: ${n.title}` };
  });
  return {
    nodes,
    brackets: [
      { range: { start: 0, end: first }, label: `old tree · size ${formatCount(first)}${roots.first ? ` · root ${roots.first.slice(0, 8)}` : ''}`, className: 'old' },
      { range: { start: 0, end: second }, label: `new tree · size ${formatCount(second)}${roots.second ? ` · root ${roots.second.slice(0, 8)}` : ''}`, className: 'new' },
    ],
    proofNodes: ranges.proof.map((r) => ({ range: r, insideOld: r.end <= first })),
  };
}
