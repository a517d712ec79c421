import { useState, type FormEvent } from 'react';
import { validateApiInput } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';

/** Expected signers: entries carrying one of these key fingerprints raise no alerts in later checks. */
export function SignersPanel({ version, onChanged }: { version: string; onChanged: () => void }) {
  const api = useWorkbench();
  const signers = useCall(`signers:${version}`, () => api.monitor.signers());
  const [fingerprint, setFingerprint] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const problem = validateApiInput('monitor.allowSigner', { fingerprint: fingerprint.trim() })[0];
  const list = signers.data?.signers ?? [];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    await run(async () => {
      await api.monitor.allowSigner({ fingerprint: fingerprint.trim() });
      setFingerprint('');
      setTouched(false);
      onChanged();
    });
  }

  return (
    <section className="panel" aria-label="Expected signers">
      <div className="panel-head">
        <h2 className="grow">Expected signers</h2>
        {(signers.loading || busy) && <Spinner label="Loading signers" />}
      </div>
      <div className="panel-body">
        <p className="muted small">Entries signed by an allow-listed key raise no alert: watch your email or artefact, allow your own keys, and hear when another key signs.</p>
        <form className="row" aria-label="Allow a signer" onSubmit={onSubmit} noValidate>
          <input
            className="input mono grow"
            aria-label="Signer fingerprint"
            value={fingerprint}
            onChange={(e) => setFingerprint(e.target.value)}
            placeholder="key fingerprint (hex SHA-256, or SHA256:… for SSH)"
            aria-invalid={touched && problem !== undefined}
            aria-describedby="signer-problem"
          />
          <button type="submit" className="btn" disabled={busy}>
            Allow
          </button>
        </form>
        {touched && problem && (
          <div id="signer-problem" className="field-problem" role="alert">
            Fingerprint {problem.message}
          </div>
        )}
        {error && <ErrorPanel error={error} />}
        {signers.error && <ErrorPanel error={signers.error} onRetry={signers.reload} />}
        {signers.data && list.length === 0 && <div className="faint small section-gap">No expected signers.</div>}
        {list.length > 0 && (
          <ul className="signer-list" aria-label="Allow-listed signers">
            {list.map((f) => (
              <li key={f}>
                <Hash value={f} chars={40} label="fingerprint" />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
