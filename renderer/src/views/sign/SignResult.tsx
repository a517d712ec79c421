import type { SignResultDto } from '../../../../shared/api/index.js';
import { fromBase64 } from '../../../../shared/encoding/index.js';
import type { Route } from '../../app/route.js';
import { downloadBytes } from '../../components/download.js';
import { Hash } from '../../components/Hash.js';
import { formatCount } from '../../format/format.js';

/** What signing logged, where to see it, and the bundle or detached signature to hand out. */
export function SignResult({ result, navigate }: { result: SignResultDto; navigate: (route: Route) => void }) {
  const what = result.output === 'bundle' ? 'Sigstore bundle' : 'detached signature';
  return (
    <section className="panel" aria-label="Signed entry">
      <div className="panel-head">
        <h2 className="grow">
          Signed {result.fileName} and logged it at index {formatCount(result.logIndex)}
        </h2>
        <span className="badge pass">logged</span>
      </div>
      <div className="panel-body">
        <dl className="kv">
          <dt>Log index</dt>
          <dd>{formatCount(result.logIndex)}</dd>
          <dt>UUID</dt>
          <dd>
            <Hash value={result.uuid} full label="UUID" />
          </dd>
          <dt>Kind</dt>
          <dd>
            <span className="kind">{result.kind}</span> with key <strong>{result.keyName}</strong>
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <Hash value={result.sha256} full label="SHA-256" />
          </dd>
        </dl>
        <div className="row section-gap">
          <button type="button" className="btn primary" onClick={() => downloadBytes(result.outputFileName, fromBase64(result.outputBase64), result.output === 'bundle' ? 'application/json' : 'application/octet-stream')}>
            Download {what} <span className="btn-note">{result.outputFileName}</span>
          </button>
          <button type="button" className="btn" onClick={() => navigate({ view: 'explorer', log: result.log, index: result.logIndex })}>
            Open in explorer
          </button>
          <button type="button" className="btn" onClick={() => navigate({ view: 'proof', log: result.log, index: result.logIndex })}>
            Open proof
          </button>
        </div>
        <p className="muted">
          {result.output === 'bundle' ? (
            <>
              Check it anywhere with <code>provwb verify artifact {result.fileName} --bundle {result.outputFileName}</code> or a Sigstore client given this workbench’s trusted root.
            </>
          ) : (
            <>Verify it with the key’s own tool (gpg, ssh-keygen or minisign) and the public key from the Keys view.</>
          )}
        </p>
      </div>
    </section>
  );
}
