/** Line diff of two layout versions (jsdiff), as rows with both sides' line numbers. */

import { diffLines } from 'diff';

export interface DiffRow {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
  /** 1-based line in the old and new text (null on the side the line is not in). */
  readonly oldLine: number | null;
  readonly newLine: number | null;
}

/** Returns the rows of a line diff from `oldText` to `newText`, and how many lines each side changed. */
export function diffLayoutTexts(oldText: string, newText: string): { rows: DiffRow[]; added: number; removed: number } {
  const rows: DiffRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(oldText, newText)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (part.added) {
        rows.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
        added++;
      } else if (part.removed) {
        rows.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
        removed++;
      } else {
        rows.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  return { rows, added, removed };
}

/** A diff row, or a run of unchanged lines folded away. */
export type ShownDiffRow = DiffRow | { readonly kind: 'folded'; readonly count: number };

/**
 * Returns the rows with unchanged runs longer than 2 × `context` + 1 folded, keeping `context`
 * lines on each side of every change (as `diff -U`), so a one-line change in a long layout shows.
 */
export function foldUnchanged(rows: readonly DiffRow[], context = 3): ShownDiffRow[] {
  const out: ShownDiffRow[] = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.kind !== 'same') {
      out.push(rows[i]!);
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && rows[end]!.kind === 'same') end++;
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = end === rows.length ? 0 : context;
    if (end - i > keepBefore + keepAfter + 1) {
      out.push(...rows.slice(i, i + keepBefore), { kind: 'folded', count: end - i - keepBefore - keepAfter }, ...rows.slice(end - keepAfter, end));
    } else {
      out.push(...rows.slice(i, end));
    }
    i = end;
  }
  return out;
}
