import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { CopyButton } from '../../components/Hash.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';

/** The workbench witness's cosignature/v1 key: what others configure to check its cosignatures. */
export function WitnessPanel({ navigate }: { navigate: (r: Route) => void }) {
  const api = useWorkbench();
  const key = useCall('witness-key', () => api.witness.key());
  return (
    <section className="panel" aria-label="Witness">
      <div className="panel-head">
        <h2 className="grow">Witness</h2>
        {key.loading && <Spinner label="Loading the witness key" />}
        <button type="button" className="btn small" onClick={() => navigate({ view: 'remotes' })}>
          Cosign in Remotes
        </button>
      </div>
      <div className="panel-body">
        <p className="muted small">
          The witness cosigns a remote’s latest checkpoint (C2SP cosignature/v1) only when the mirror holds that whole tree, verified. Cosignatures show in each remote’s checkpoint history, checked in this window with this key.
        </p>
        {key.error && <ErrorPanel error={key.error} onRetry={key.reload} />}
        {key.data && (
          <dl className="kv">
            <dt>Name</dt>
            <dd className="mono">{key.data.name}</dd>
            <dt>Verifier key</dt>
            <dd className="mono witness-key" data-testid="witness-key">
              {key.data.verifierKey} <CopyButton text={key.data.verifierKey} label="witness verifier key" />
            </dd>
            <dt>Key ID</dt>
            <dd className="mono">{key.data.keyId}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
