import type { Range } from './tree-ranges.js';

/** One node in a picture: a bar over the leaves it covers, at its level. */
export interface PictureNode {
  readonly range: Range;
  /** CSS classes: path, sibling, proof, old, leaf, root, dim, current, done, pass, fail. */
  readonly className: string;
  readonly label: string;
  readonly sub?: string;
  /** Tooltip: the full hash and what the node is. */
  readonly title: string;
  readonly onClick?: () => void;
}

export interface Bracket {
  readonly range: Range;
  readonly label: string;
  readonly className: string;
}

