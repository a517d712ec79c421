import { useMemo } from 'react';
import { fieldText, formFields, setField } from './spec-form.js';
import { flattenSchemaTree } from './schema-tree.js';

/** The kind's generated form: one field per scalar spec member, bound to the sample entry. */
export function SpecForm({ layoutDoc, entryDoc, onChange }: { layoutDoc: unknown; entryDoc: unknown; onChange: (entry: unknown) => void }) {
  const doc = typeof layoutDoc === 'object' && layoutDoc !== null ? (layoutDoc as Record<string, unknown>) : {};
  const roles = typeof doc['roles'] === 'object' && doc['roles'] !== null ? (doc['roles'] as Record<string, { pointer?: unknown } | undefined>) : {};
  const signing = [roles['signature']?.pointer, roles['publicKey']?.pointer].filter((p): p is string => typeof p === 'string');
  const schema = doc['schema'];
  const fields = useMemo(() => formFields(flattenSchemaTree(schema), signing), [schema, signing.join('\n')]);
  if (fields.length === 0) return <div className="empty">The spec schema has no string, number or boolean members to fill in.</div>;
  return (
    <form className="spec-form" aria-label="Generated form" onSubmit={(e) => e.preventDefault()}>
      {fields.map((f) => {
        const id = `spec-field-${f.pointer}`;
        const text = fieldText(entryDoc, f);
        const label = (
          <span className="field-label">
            {f.label}
            {f.required ? ' *' : ''}
            {f.filledBySigning ? ' · filled in by signing' : ''}
          </span>
        );
        const common = { id, 'aria-label': f.label, title: f.hint, readOnly: f.filledBySigning };
        return (
          <label key={f.pointer} htmlFor={id} className={f.input === 'textarea' ? 'wide' : undefined}>
            {label}
            {f.input === 'checkbox' ? (
              <input {...common} type="checkbox" checked={text === 'true'} disabled={f.filledBySigning} onChange={(e) => onChange(setField(entryDoc, f, String(e.target.checked)))} />
            ) : f.input === 'select' ? (
              <select {...common} className="input" value={text} disabled={f.filledBySigning} onChange={(e) => onChange(setField(entryDoc, f, e.target.value))}>
                <option value="">—</option>
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : f.input === 'textarea' ? (
              <textarea {...common} className="input mono" rows={f.filledBySigning ? 2 : 3} value={text} onChange={(e) => onChange(setField(entryDoc, f, e.target.value))} />
            ) : (
              <input {...common} className="input mono" inputMode={f.input === 'number' ? 'decimal' : undefined} value={text} onChange={(e) => onChange(setField(entryDoc, f, e.target.value))} />
            )}
            {f.hint && <span className="faint field-hint">{f.hint}</span>}
          </label>
        );
      })}
    </form>
  );
}
