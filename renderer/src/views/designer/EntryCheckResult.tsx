import type { EntryValidationDto } from '../../../../shared/api/index.js';
import { Hash } from '../../components/Hash.js';
import { ProblemList } from './ProblemList.js';

const SIGNATURE_BADGE = {
  verified: { className: 'pass', text: '✓ Signature verifies' },
  invalid: { className: 'fail', text: '✗ Signature does not verify' },
  'not-checked': { className: 'pending', text: 'Signature not checked' },
} as const;

/** What the log would make of the sample entry: problems, roles, signature, canonical body and leaf hash. */
export function EntryCheckResult({ result, onReveal }: { result: EntryValidationDto; onReveal: (pointer: string) => void }) {
  if (result.layoutProblems.length > 0) return <div className="faint">Fix the layout’s problems first; the sample entry is judged by a valid layout only.</div>;
  const badge = SIGNATURE_BADGE[result.signature.status];
  return (
    <div className="entry-check">
      <ProblemList problems={result.entryProblems} label="Entry problems" okText="The entry satisfies every rule of the layout" onReveal={onReveal} />
      <div className="row">
        <span className={`badge ${badge.className}`} role="status" aria-label={`Signature: ${result.signature.status}`} data-signature={result.signature.status}>
          {badge.text}
        </span>
        <span className="muted grow">{result.signature.message}</span>
      </div>
      <dl className="kv">
        {result.roles.map((r) => (
          <div key={r.role} className="kv-pair">
            <dt>
              {r.role} <span className="faint mono">{r.pointer}</span>
            </dt>
            <dd className="mono role-value" title={r.value ?? undefined}>
              <span className="faint">{r.format}</span> {r.value === null ? <span className="faint">absent</span> : r.value.length > 90 ? `${r.value.slice(0, 90)}…` : r.value}
            </dd>
          </div>
        ))}
        {result.signature.keyFingerprint !== null && (
          <div className="kv-pair">
            <dt>key fingerprint</dt>
            <dd>
              <Hash value={result.signature.keyFingerprint} full label="key fingerprint" />
            </dd>
          </div>
        )}
        {result.extraData.map((x) => (
          <div key={x.pointer} className="kv-pair">
            <dt>
              extra data <span className="faint mono">{x.pointer}</span>
            </dt>
            <dd className="mono">{x.valueJson ?? <span className="faint">absent</span>}</dd>
          </div>
        ))}
        {result.leafHash !== null && (
          <div className="kv-pair">
            <dt>leaf hash (uuid)</dt>
            <dd>
              <Hash value={result.leafHash} full label="leaf hash" />
            </dd>
          </div>
        )}
        {result.indexKeys.length > 0 && (
          <div className="kv-pair">
            <dt>index keys</dt>
            <dd className="index-keys">
              {result.indexKeys.map((k) => (
                <span key={`${k.type}:${k.value}`} className="chip" title={k.value}>
                  <b>{k.type}</b> {k.value.length > 60 ? `${k.value.slice(0, 60)}…` : k.value}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {result.canonicalBody !== null && (
        <details>
          <summary>Canonical body (RFC 8785, what the leaf hashes)</summary>
          <pre className="body-view" aria-label="Canonical body">
            {result.canonicalBody}
          </pre>
        </details>
      )}
    </div>
  );
}
