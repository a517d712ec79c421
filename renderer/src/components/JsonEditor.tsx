import { json, jsonParseLinter } from '@codemirror/lang-json';
import { HighlightStyle, ensureSyntaxTree, syntaxHighlighting, syntaxTree } from '@codemirror/language';
import { forceLinting, lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { jsonSchema } from 'codemirror-json-schema';
import { useEffect, useRef } from 'react';
import type { DesignProblemDto } from '../../../shared/api/index.js';
import { pointerRanges, rangeOfPointer } from './json-ranges.js';

/** A JSON Schema for completion, hover and lint in the editor (codemirror-json-schema's type). */
export type EditorSchema = Parameters<typeof jsonSchema>[0];

// The app's palette (CSS variables), so the editor follows light and dark like the rest.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--accent)' },
  { tag: tags.string, color: 'var(--pass)' },
  { tag: tags.number, color: 'var(--sibling)' },
  { tag: [tags.bool, tags.null], color: 'var(--old)' },
  { tag: tags.invalid, color: 'var(--fail)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--panel)', color: 'var(--text)', fontSize: '12px', maxHeight: '560px', minHeight: 'inherit' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--faint)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 55%, transparent)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--select)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--line-strong)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: '#fff' },
});

/** Returns where each pointer sits in the editor's text (parsing the whole document first, within 200 ms). */
function rangesOf(state: EditorState) {
  return pointerRanges(ensureSyntaxTree(state, state.doc.length, 200) ?? syntaxTree(state), (from, to) => state.sliceDoc(from, to));
}

/** Returns the engine's problems as diagnostics at their pointers' places in the text. */
function problemDiagnostics(view: EditorView, problems: readonly DesignProblemDto[]): Diagnostic[] {
  if (problems.length === 0) return [];
  const ranges = rangesOf(view.state);
  return problems.map((p) => {
    const range = rangeOfPointer(ranges, p.pointer) ?? { from: 0, to: Math.min(1, view.state.doc.length) };
    return { from: range.from, to: range.to, severity: 'error', source: p.code, message: `${p.pointer || '(root)'}: ${p.message}` };
  });
}

/**
 * A CodeMirror 6 JSON editor: syntax, folding, brackets, history, completion; with `schema`,
 * codemirror-json-schema's completion, hover and lint; `problems` (from the engine, by JSON
 * Pointer) are underlined where they point. Tab is left to the page (focus moves on), so the
 * editor never traps the keyboard; Ctrl-Space completes, Ctrl-Shift-M lists the problems.
 */
export function JsonEditor({
  value,
  onChange,
  label,
  schema,
  problems = [],
  minHeight = 280,
  reveal,
}: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  schema?: EditorSchema | undefined;
  problems?: readonly DesignProblemDto[];
  minHeight?: number;
  /** Selects the text at `pointer` (or its nearest ancestor) and focuses the editor, each time `nonce` changes. */
  reveal?: { readonly pointer: string; readonly nonce: number } | undefined;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const problemsRef = useRef(problems);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const extensions: Extension[] = [
      basicSetup,
      lintGutter(),
      syntaxHighlighting(highlight),
      schema === undefined ? [json(), linter(jsonParseLinter())] : jsonSchema(schema),
      linter((v) => problemDiagnostics(v, problemsRef.current), { delay: 0 }),
      theme,
      // Keys, signatures and PEM blocks are long single lines: wrapped, they stay readable without scrolling sideways.
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChangeRef.current(update.state.doc.toString());
      }),
    ];
    // CodeMirror injects its styles; in a document it would add a <style> element, which the strict
    // CSP (style-src 'self') refuses, but in a shadow root it adopts a constructed style sheet.
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const created = new EditorView({ parent: shadow, root: shadow, state: EditorState.create({ doc: value, extensions }) });
    view.current = created;
    return () => {
      created.destroy();
      view.current = undefined;
    };
    // The editor is made once per schema; value and problems flow in through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schema, label]);

  // A value set from outside (template, role picked, signed entry) replaces the text; typing does not loop back.
  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const current = view.current;
    if (!current || reveal === undefined) return;
    const range = rangeOfPointer(rangesOf(current.state), reveal.pointer);
    if (!range) return;
    current.dispatch({ selection: { anchor: range.from, head: range.to }, scrollIntoView: true });
    current.focus();
  }, [reveal]);

  useEffect(() => {
    problemsRef.current = problems;
    if (view.current) forceLinting(view.current);
  }, [problems]);

  return <div className="json-editor" ref={host} style={{ minHeight }} data-problems={problems.length} />;
}
