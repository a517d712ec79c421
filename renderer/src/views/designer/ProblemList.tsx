import type { DesignProblemDto } from '../../../../shared/api/index.js';

/** Every problem with its JSON Pointer (a button to show it in the editor), the rule (code) that failed and the message; "none" when empty. */
export function ProblemList({ problems, label, okText, onReveal }: { problems: readonly DesignProblemDto[]; label: string; okText: string; onReveal?: (pointer: string) => void }) {
  if (problems.length === 0) {
    return (
      <div className="designer-ok" role="status" aria-label={label}>
        ✓ {okText}
      </div>
    );
  }
  return (
    <table className="designer-problems" aria-label={label}>
      <thead>
        <tr>
          <th>Pointer</th>
          <th>Rule</th>
          <th>Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.pointer}:${p.code}:${i}`} data-pointer={p.pointer} data-code={p.code}>
            <td className="mono">
              {onReveal ? (
                <button type="button" className="link-button" title="show it in the editor" onClick={() => onReveal(p.pointer)}>
                  {p.pointer || '(root)'}
                </button>
              ) : (
                p.pointer || '(root)'
              )}
            </td>
            <td className="mono">{p.code}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
