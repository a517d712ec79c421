import { formatRange } from '../format/format.js';
import type { PictureNode } from './picture-types.js';
import { allNodes, inclusionPath, sameRange, type Range } from './tree-ranges.js';

/** Trees up to this size are drawn whole; larger ones by their proof path only. */
export const WHOLE_TREE_MAX = 32;

export interface InclusionPictureInput {
  readonly index: number;
  readonly size: number;
  /** Audit path, hex, leaf-up. */
  readonly proof: readonly string[];
  /** Hex results of each recomputation step (leaf-up); undefined when the path has the wrong shape. */
  readonly results: readonly string[] | undefined;
  /** The leaf hash the page computed from the body. */
  readonly leafHash: string | undefined;
  /** 0: only the leaf hash is known; t: t steps of the recomputation are done. */
  readonly stage: number;
  /** Whether the recomputed root equals the signed checkpoint's root (undefined: not comparable). */
  readonly rootMatches: boolean | undefined;
}

export interface InclusionNode extends PictureNode {
  /** The stage that shows this node being computed (clicking it goes there). */
  readonly stage: number | undefined;
}

function hex8(h: string | undefined): string {
  return h === undefined ? '?' : h.slice(0, 8);
}

/**
 * Returns the nodes of an inclusion proof picture: the path from leaf `index` to the root, every
 * sibling whose hash is in the proof (labelled p0… leaf-up), and for small trees every other node,
 * dimmed. Step t of the recomputation combines the path node below with sibling p(t−1).
 */
export function inclusionNodes(input: InclusionPictureInput): InclusionNode[] {
  const { index, size, proof, results, stage } = input;
  const levels = inclusionPath(index, size);
  const depth = levels.length;
  const nodes: InclusionNode[] = [];
  const drawn: Range[] = [];

  levels.forEach((level, d) => {
    // The parent at depth d is produced by step number proofIndex + 1.
    const producedAt = level.proofIndex + 1;
    const isRoot = d === 0;
    const done = stage >= producedAt;
    const classes = ['path', done ? 'done' : '', stage === producedAt ? 'current' : '', isRoot ? 'root' : '', isRoot && done && input.rootMatches !== undefined ? (input.rootMatches ? 'pass' : 'fail') : ''];
    const hash = results?.[level.proofIndex];
    nodes.push({
      range: level.parent,
      className: classes.filter(Boolean).join(' '),
      label: isRoot ? `root ${done ? hex8(hash) : '?'}` : done ? hex8(hash) : '?',
      sub: formatRange(level.parent.start, level.parent.end),
      title: `${isRoot ? 'root' : 'path node'} over ${formatRange(level.parent.start, level.parent.end)}: ${done && hash ? hash : 'not computed yet'} (step ${producedAt})`,
      stage: producedAt,
    });
    drawn.push(level.parent);
    const sibling = proof[level.proofIndex];
    nodes.push({
      range: level.sibling,
      className: ['sibling', stage === producedAt ? 'current' : ''].filter(Boolean).join(' '),
      label: `p${level.proofIndex} ${hex8(sibling)}`,
      sub: formatRange(level.sibling.start, level.sibling.end),
      title: `proof hash p${level.proofIndex} = ${sibling ?? 'missing'}: the ${level.siblingOnLeft ? 'left' : 'right'} sibling over ${formatRange(level.sibling.start, level.sibling.end)}`,
      stage: producedAt,
    });
    drawn.push(level.sibling);
  });

  const leaf: Range = { start: index, end: index + 1 };
  nodes.push({
    range: leaf,
    className: ['leaf', stage === 0 ? 'current' : ''].filter(Boolean).join(' '),
    label: `leaf ${index}`,
    sub: hex8(input.leafHash),
    title: `leaf ${index}: H(0x00 ‖ body) = ${input.leafHash ?? '?'}`,
    stage: 0,
  });
  drawn.push(leaf);
  if (depth === 0) return nodes;

  if (size <= WHOLE_TREE_MAX) {
    for (const r of allNodes(size)) {
      if (drawn.some((d) => sameRange(d, r))) continue;
      nodes.unshift({ range: r, className: 'dim', label: r.end - r.start === 1 ? String(r.start) : '', title: `${formatRange(r.start, r.end)}: not needed by this proof`, stage: undefined });
    }
  }
  return nodes;
}
