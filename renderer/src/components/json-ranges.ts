/**
 * Where each JSON Pointer of a document sits in its text, from the editor's JSON syntax tree
 * (@lezer/json), so problems the engine reports by pointer are underlined at their place.
 */

import type { SyntaxNode, Tree } from '@lezer/common';

export interface TextRange {
  readonly from: number;
  readonly to: number;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/**
 * Returns pointer → range for every member and array element: a scalar's range covers its key
 * and value, an object's or array's only its key (underlining a whole block hides the text);
 * the root "" covers the whole value. `text(from, to)` reads the document.
 */
export function pointerRanges(tree: Tree, text: (from: number, to: number) => string): Map<string, TextRange> {
  const out = new Map<string, TextRange>();
  const visit = (value: SyntaxNode, pointer: string) => {
    if (value.name === 'Object') {
      for (let child = value.firstChild; child; child = child.nextSibling) {
        if (child.name !== 'Property') continue;
        const name = child.getChild('PropertyName');
        if (!name) continue;
        let key: string;
        try {
          key = JSON.parse(text(name.from, name.to)) as string;
        } catch {
          continue;
        }
        let member: SyntaxNode | null = null;
        for (let c = name.nextSibling; c; c = c.nextSibling) if (VALUE_NODES.has(c.name)) member = c;
        const at = `${pointer}/${escapeToken(key)}`;
        const block = member !== null && (member.name === 'Object' || member.name === 'Array');
        out.set(at, { from: name.from, to: member === null || block ? name.to : member.to });
        if (member) visit(member, at);
      }
    } else if (value.name === 'Array') {
      let index = 0;
      for (let child = value.firstChild; child; child = child.nextSibling) {
        if (!VALUE_NODES.has(child.name)) continue;
        const at = `${pointer}/${index++}`;
        out.set(at, { from: child.from, to: child.name === 'Object' || child.name === 'Array' ? child.from + 1 : child.to });
        visit(child, at);
      }
    }
  };
  const top = tree.topNode;
  for (let child = top.firstChild; child; child = child.nextSibling) {
    if (!VALUE_NODES.has(child.name)) continue;
    out.set('', { from: child.from, to: child.name === 'Object' || child.name === 'Array' ? child.from + 1 : child.to });
    visit(child, '');
    break;
  }
  return out;
}

/** Returns the range of `pointer`, or of its nearest ancestor in the text (a missing member is shown at its parent). */
export function rangeOfPointer(ranges: ReadonlyMap<string, TextRange>, pointer: string): TextRange | undefined {
  let at = pointer;
  for (;;) {
    const found = ranges.get(at);
    if (found) return found;
    if (at === '') return undefined;
    at = at.slice(0, Math.max(0, at.lastIndexOf('/')));
  }
}
