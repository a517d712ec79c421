import type { KeyDto } from '../../../../shared/api/index.js';
import { utf8 } from '../../../../shared/encoding/index.js';
import { useCall, useEventCounter } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { downloadBytes } from '../../components/download.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { CopyButton } from '../../components/Hash.js';
import { fingerprintKind, formatFingerprint } from '../../format/fingerprint.js';
import { formatCount, formatTimeSec } from '../../format/format.js';

const SIGNED_LIMIT = 200;

/** One key: its fingerprint, its public export, and the log entries the search index says it signed. */
export function KeyDetail({ keyInfo, navigate }: { keyInfo: KeyDto; navigate: (route: Route) => void }) {
  const api = useWorkbench();
  const appended = useEventCounter('log-changed');
  const exported = useCall(`export:${keyInfo.name}`, () => api.keys.exportPublic({ name: keyInfo.name }));
  const signed = useCall(`signed:${keyInfo.fingerprint}:${appended}`, () => api.entries.search({ keyFingerprint: keyInfo.fingerprint, limit: SIGNED_LIMIT }));

  return (
    <section className="panel" aria-label={`Key ${keyInfo.name}`}>
      <div className="panel-head">
        <h2 className="grow">{keyInfo.name}</h2>
        {keyInfo.hasPrivateKey && (
          <button type="button" className="btn small primary" onClick={() => navigate({ view: 'sign', key: keyInfo.name })}>
            Sign with it
          </button>
        )}
      </div>
      <div className="panel-body">
        <dl className="kv">
          <dt>Type</dt>
          <dd>
            {keyInfo.type} · signs {keyInfo.kinds.join(' or ')}
            {keyInfo.hasPrivateKey ? ' · private key sealed' : ' · public only'}
          </dd>
          <dt title={fingerprintKind(keyInfo.type)}>Fingerprint</dt>
          <dd>
            <span className="hash-full" aria-label="Fingerprint">
              {formatFingerprint(keyInfo.type, keyInfo.fingerprint)}
            </span>{' '}
            <CopyButton text={keyInfo.fingerprint} label="fingerprint" />
            <div className="faint">{fingerprintKind(keyInfo.type)}</div>
          </dd>
          {keyInfo.userId && (
            <>
              <dt>User ID</dt>
              <dd>{keyInfo.userId}</dd>
            </>
          )}
          <dt>Added</dt>
          <dd>{formatTimeSec(keyInfo.createdAtSec)}</dd>
        </dl>

        <h3 className="section-gap">Public key</h3>
        {exported.error && <ErrorPanel error={exported.error} onRetry={exported.reload} />}
        {exported.data && (
          <>
            <pre className="body-view" aria-label="Public key text">
              {exported.data.text}
            </pre>
            <div className="row">
              <button type="button" className="btn small" onClick={() => downloadBytes(exported.data!.fileName, utf8(exported.data!.text), 'text/plain')}>
                Export {exported.data.fileName}
              </button>
              <CopyButton text={exported.data.text} label="public key" />
              <span className="faint">{exported.data.format}</span>
            </div>
          </>
        )}

        <h3 className="section-gap">
          Entries signed with this key {signed.data && <span className="muted">({formatCount(signed.data.matches.length)}{signed.data.truncated ? '+' : ''})</span>}
        </h3>
        {signed.loading && !signed.data && <Spinner label="Searching entries" />}
        {signed.error && <ErrorPanel error={signed.error} onRetry={signed.reload} />}
        {signed.data && signed.data.matches.length === 0 && <div className="empty">No entry in any log is indexed under this fingerprint yet.</div>}
        {signed.data && signed.data.matches.length > 0 && (
          <table className="signed-entries" aria-label="Entries signed with this key">
            <thead>
              <tr>
                <th>Log</th>
                <th>Index</th>
                <th>Kind</th>
                <th>Integrated</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {signed.data.matches.map((m) => (
                <tr key={`${m.log}:${m.logIndex}`}>
                  <td>{m.log}</td>
                  <td>
                    <button type="button" className="btn small" onClick={() => navigate({ view: 'explorer', log: m.log, index: m.logIndex })} aria-label={`Open entry ${m.logIndex} in the explorer`}>
                      {formatCount(m.logIndex)}
                    </button>
                  </td>
                  <td>
                    <span className="kind">{m.kind ?? 'raw'}</span>
                  </td>
                  <td>{m.integratedTime === null ? '—' : formatTimeSec(m.integratedTime)}</td>
                  <td>
                    <button type="button" className="btn small" onClick={() => navigate({ view: 'proof', log: m.log, index: m.logIndex })}>
                      proof
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
