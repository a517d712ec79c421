import { useMemo, useState } from 'react';
import type { TypeSummaryDto } from '../../../../shared/api/index.js';
import { orderedJson } from './json-text.js';
import { diffLayoutTexts, foldUnchanged } from './version-diff.js';

const DRAFT = 'draft';

/**
 * The published versions of a kind side by side with a line diff (jsdiff): any two of them, or
 * one against the layout in the editor.
 */
export function VersionsPanel({ kind, versions, draftJson }: { kind: string; versions: readonly TypeSummaryDto[]; draftJson: string }) {
  const options = useMemo(() => [...versions.map((v) => ({ id: v.version, label: `${v.version} (log index ${v.logIndex ?? '?'})`, text: v.layoutJson ?? '' })), { id: DRAFT, label: 'the editor’s draft', text: draftJson }], [versions, draftJson]);
  const [left, setLeft] = useState<string | undefined>(undefined);
  const [right, setRight] = useState<string | undefined>(undefined);
  const leftId = left ?? options.at(-2)?.id ?? DRAFT;
  const rightId = right ?? DRAFT;
  const a = options.find((o) => o.id === leftId) ?? options[0]!;
  const b = options.find((o) => o.id === rightId) ?? options.at(-1)!;
  const diff = useMemo(() => diffLayoutTexts(orderedJson(a.text), orderedJson(b.text)), [a.text, b.text]);
  const [unfolded, setUnfolded] = useState(false);
  const rows = useMemo(() => (unfolded ? diff.rows : foldUnchanged(diff.rows)), [diff, unfolded]);

  return (
    <section className="panel" aria-label="Versions">
      <div className="panel-head">
        <h2 className="grow">Versions of {kind}</h2>
        <span className="faint">
          {versions.length} published · <span className="diff-added-text">+{diff.added}</span> <span className="diff-removed-text">−{diff.removed}</span>
        </span>
      </div>
      <div className="panel-body">
        <div className="form-row">
          <VersionSelect label="Old" options={options} value={a.id} onChange={setLeft} />
          <VersionSelect label="New" options={options} value={b.id} onChange={setRight} />
        </div>
        <div className="version-diff" role="table" aria-label={`Diff ${a.id} → ${b.id}`}>
          {rows.map((row, i) =>
            row.kind === 'folded' ? (
              <div key={i} role="row" className="diff-row folded" data-kind="folded">
                <span role="cell" className="diff-fold">
                  <button type="button" className="link-button" onClick={() => setUnfolded(true)}>
                    {row.count} unchanged line{row.count === 1 ? '' : 's'}
                  </button>
                </span>
              </div>
            ) : (
            <div key={i} role="row" className={`diff-row ${row.kind}`} data-kind={row.kind}>
              <span role="cell" className="diff-num">{row.oldLine ?? ''}</span>
              <span role="cell" className="diff-text">{row.kind === 'added' ? '' : row.text}</span>
              <span role="cell" className="diff-num">{row.newLine ?? ''}</span>
              <span role="cell" className="diff-text">{row.kind === 'removed' ? '' : row.text}</span>
            </div>
            ),
          )}
        </div>
      </div>
    </section>
  );
}

/** One side of the comparison: which published version it shows. */
function VersionSelect({ label, options, value, onChange }: { label: string; options: ReadonlyArray<{ id: string; label: string }>; value: string; onChange(id: string): void }) {
  return (
    <label>
      <span className="field-label">{label}</span>
      <select className="input" aria-label={`${label} version`} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
