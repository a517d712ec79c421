import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { pointerRanges, rangeOfPointer } from '../../../../renderer/src/components/json-ranges.js';
import { renderMarkdown } from '../../../../renderer/src/components/schema-markdown.js';
import { bumpPatchVersion, orderedJson, parseJsonText, sameJson } from '../../../../renderer/src/views/designer/json-text.js';
import { diffLayoutTexts, foldUnchanged } from '../../../../renderer/src/views/designer/version-diff.js';

describe('pointerRanges / rangeOfPointer', () => {
  const text = '{\n  "spec": {\n    "a/b": "x",\n    "list": [1, {"k": true}],\n    "o": {}\n  }\n}';
  const state = EditorState.create({ doc: text, extensions: [json()] });
  const ranges = pointerRanges(ensureSyntaxTree(state, state.doc.length, 5000)!, (from, to) => state.sliceDoc(from, to));
  const at = (pointer: string) => {
    const r = rangeOfPointer(ranges, pointer);
    return r && text.slice(r.from, r.to);
  };

  it('maps members to key + value, blocks to their key, array elements by index', () => {
    expect(at('/spec/a~1b')).toBe('"a/b": "x"');
    expect(at('/spec')).toBe('"spec"');
    expect(at('/spec/list/0')).toBe('1');
    expect(at('/spec/list/1/k')).toBe('"k": true');
    expect(at('')).toBe('{');
  });

  it('shows a missing member at its nearest ancestor', () => {
    expect(at('/spec/o/missing')).toBe('"o"');
    expect(at('/nothing/here')).toBe('{');
  });
});

describe('diffLayoutTexts', () => {
  it('numbers both sides and counts changed lines', () => {
    const diff = diffLayoutTexts('{\n  "version": "0.0.1",\n  "kind": "k"\n}\n', '{\n  "version": "0.0.2",\n  "kind": "k"\n}\n');
    expect(diff.rows.map((r) => [r.kind, r.oldLine, r.newLine])).toEqual([
      ['same', 1, 1],
      ['removed', 2, null],
      ['added', null, 2],
      ['same', 3, 3],
      ['same', 4, 4],
    ]);
    expect([diff.added, diff.removed]).toEqual([1, 1]);
  });
});

describe('json text helpers', () => {
  it('parses without throwing, compares values regardless of member order, bumps the patch version', () => {
    expect(parseJsonText('{')).toBeUndefined();
    expect(sameJson('{"a":1,"b":[1,{"c":2,"d":3}]}', '{"b":[1,{"d":3,"c":2}],"a":1}')).toBe(true);
    expect(sameJson('{"a":1}', '{"a":2}')).toBe(false);
    expect(sameJson('{', '{')).toBe(false);
    expect(bumpPatchVersion({ kind: 'k', version: '1.2.9' })).toEqual({ layout: { kind: 'k', version: '1.2.10' }, version: '1.2.10' });
    expect(bumpPatchVersion({ version: '1.2.3-rc.1' })?.version).toBe('1.2.4');
    expect(bumpPatchVersion({ version: 'v1' })).toBeUndefined();
    expect(orderedJson('{"version":"1","kind":"k","schema":{"type":"object","$schema":"x"}}')).toBe('{\n  "kind": "k",\n  "schema": {\n    "$schema": "x",\n    "type": "object"\n  },\n  "version": "1"\n}\n');
    expect(orderedJson('not json')).toBe('not json');
  });
});

describe('renderMarkdown (codemirror-json-schema stand-in)', () => {
  it('escapes every markup character of schema text and keeps code spans', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)> `a<b`')).toBe('&#60;img src=x onerror=alert(1)&#62; <code>a&#60;b</code>');
    expect(renderMarkdown('one\n\ntwo', false)).toBe('<p>one</p><p>two</p>');
  });
});

describe('foldUnchanged', () => {
  it('keeps three lines of context around each change and folds the rest', () => {
    const old = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const changed = old.replace('line 10\n', 'line ten\n');
    const rows = foldUnchanged(diffLayoutTexts(old, changed).rows);
    expect(rows.map((r) => (r.kind === 'folded' ? `…${r.count}` : r.kind === 'same' ? r.text : `${r.kind} ${r.text}`))).toEqual([
      '…7',
      'line 7',
      'line 8',
      'line 9',
      'removed line 10',
      'added line ten',
      'line 11',
      'line 12',
      'line 13',
      '…6',
    ]);
  });

  it('folds nothing when the unchanged run is short', () => {
    const rows = diffLayoutTexts('a\nb\nc\n', 'a\nB\nc\n').rows;
    expect(foldUnchanged(rows)).toEqual(rows);
  });
});
