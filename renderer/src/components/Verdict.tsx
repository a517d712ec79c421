import type { Check, Verdict } from '../verify/checks.js';

const ICON = { pass: '✓', fail: '✗', skip: '–' } as const;

/** The pass/fail badge of a verification the renderer ran itself. */
export function VerdictBadge({ verdict, big = false, subject = 'Verification' }: { verdict: Verdict | undefined; big?: boolean; subject?: string }) {
  if (!verdict) {
    return (
      <span className={`badge pending${big ? ' big' : ''}`} role="status" aria-label={`${subject}: checking`}>
        <span className="spinner" /> Checking…
      </span>
    );
  }
  const pass = verdict.status === 'pass';
  return (
    <span
      className={`badge ${verdict.status}${big ? ' big' : ''}`}
      role="status"
      aria-label={`${subject}: ${pass ? 'passed' : 'failed'}`}
      data-verdict={verdict.status}
      title={verdict.checks.map((c) => `${ICON[c.status]} ${c.label}: ${c.detail}`).join('\n')}
    >
      {pass ? '✓ Verified' : '✗ FAILED'}
    </span>
  );
}

/** Each check of a verification with what it compared. */
export function CheckList({ checks, label }: { checks: readonly Check[]; label: string }) {
  return (
    <ul className="checks" aria-label={label}>
      {checks.map((c) => (
        <li key={c.id} data-check={c.id} data-status={c.status}>
          <span className={`check-icon ${c.status}`} aria-hidden="true">
            {ICON[c.status]}
          </span>
          <span>
            {c.label}
            <span className="visually-hidden">{c.status === 'pass' ? ' passed' : c.status === 'fail' ? ' failed' : ' skipped'}</span>
          </span>
          <span className="muted">{c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** The panel of a verification this window ran itself: the heading, the big verdict badge and every check. */
export function VerificationPanel({ verdict, subject, checksLabel }: { verdict: Verdict; subject: string; checksLabel: string }) {
  return (
    <section className="panel" aria-label={subject}>
      <div className="panel-head">
        <h2 className="grow">Verified in this window</h2>
        <VerdictBadge verdict={verdict} big subject={subject} />
      </div>
      <div className="panel-body">
        <CheckList checks={verdict.checks} label={checksLabel} />
      </div>
    </section>
  );
}
