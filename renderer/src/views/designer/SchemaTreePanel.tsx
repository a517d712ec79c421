import { useMemo } from 'react';
import { DIGEST_ALGORITHMS, PUBLIC_KEY_FORMATS, SIGNATURE_FORMATS, SIGNED_CONTENTS } from '../../../../shared/layout/index.js';
import { eligibleRoles, flattenSchemaTree } from './schema-tree.js';
import { indexNameFor, roleOptionValue, rolesOfPointer, type RoleAssignment, type RoleOption } from './layout-roles.js';

const ROLE_OPTIONS: ReadonlyArray<{ readonly option: RoleOption; readonly label: string; readonly values: readonly string[] }> = [
  { option: { role: 'digest', member: 'algorithm' }, label: 'Digest algorithm', values: Object.keys(DIGEST_ALGORITHMS) },
  { option: { role: 'signature', member: 'format' }, label: 'Signature format', values: SIGNATURE_FORMATS },
  { option: { role: 'signature', member: 'signs' }, label: 'Signature covers', values: SIGNED_CONTENTS },
  { option: { role: 'publicKey', member: 'format' }, label: 'Public key format', values: PUBLIC_KEY_FORMATS },
];

const MAIN_ROLES = [
  { role: 'digest', label: 'Digest' },
  { role: 'signature', label: 'Signature' },
  { role: 'publicKey', label: 'Key' },
] as const;

/**
 * The layout's spec schema as a tree; each member offers the roles it can take (digest, signature
 * and key need required strings, index fields scalars), and picking one writes the pointer into
 * the layout.
 */
export function SchemaTreePanel({
  layoutDoc,
  onAssign,
  onOption,
}: {
  layoutDoc: unknown;
  onAssign: (assignment: RoleAssignment) => void;
  onOption: (option: RoleOption, value: string) => void;
}) {
  const schema = typeof layoutDoc === 'object' && layoutDoc !== null ? (layoutDoc as Record<string, unknown>)['schema'] : undefined;
  const nodes = useMemo(() => flattenSchemaTree(schema), [schema]);
  return (
    <section className="panel" aria-label="Schema tree">
      <div className="panel-head">
        <h2 className="grow">Spec schema</h2>
        <span className="faint">pick the member each role points to</span>
      </div>
      <div className="panel-body form-row role-options">
        {ROLE_OPTIONS.map(({ option, label, values }) => {
          const current = roleOptionValue(layoutDoc, option);
          return (
            <label key={label}>
              <span className="field-label">{label}</span>
              <select className="input" aria-label={label} value={current} onChange={(e) => onOption(option, e.target.value)}>
                {!values.includes(current) && <option value={current}>{current === '' ? '—' : current}</option>}
                {values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      {nodes.length === 0 ? (
        <div className="empty">
          {layoutDoc === undefined ? 'The layout is not JSON at the moment; its schema shows here once it parses.' : 'The layout’s schema declares no members yet (add them under schema.properties).'}
        </div>
      ) : (
        <table className="schema-tree">
          <thead>
            <tr>
              <th>Member</th>
              <th>Type</th>
              <th>Roles</th>
              <th>Use as</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => {
              const can = eligibleRoles(n);
              const roles = rolesOfPointer(layoutDoc, n.pointer);
              return (
                <tr key={n.pointer} data-pointer={n.pointer}>
                  <td title={n.description}>
                    <span className="schema-indent" data-depth={n.depth} />
                    <span className="mono">{n.name}</span>
                    {n.required && <span className="faint" title="required at every level"> *</span>}
                  </td>
                  <td className="mono faint">{n.type === 'array' ? `${n.itemType ?? '?'}[]` : (n.type ?? '—')}</td>
                  <td>
                    {roles.map((r) => (
                      <span key={r} className="role-chip">
                        {r}
                      </span>
                    ))}
                  </td>
                  <td className="schema-actions">
                    {MAIN_ROLES.map((r) => (
                      <button
                        key={r.role}
                        type="button"
                        className="btn small"
                        disabled={!can.main}
                        title={can.main ? undefined : 'digest, signature and key must be strings required at every level'}
                        aria-label={`Use ${n.pointer} as ${r.label.toLowerCase()}`}
                        onClick={() => onAssign({ role: r.role, pointer: n.pointer })}
                      >
                        {r.label}
                      </button>
                    ))}
                    <button type="button" className="btn small" aria-label={`Use ${n.pointer} as extra data`} onClick={() => onAssign({ role: 'extraData', pointer: n.pointer })}>
                      Extra
                    </button>
                    <button
                      type="button"
                      className="btn small"
                      disabled={!can.index}
                      aria-label={`Index ${n.pointer}`}
                      onClick={() => onAssign({ role: 'index', name: indexNameFor(n.pointer), pointer: n.pointer })}
                    >
                      Index
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
