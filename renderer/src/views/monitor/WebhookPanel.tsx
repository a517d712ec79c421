import { useState, type FormEvent } from 'react';
import { validateApiInput, type WebhookStatusDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { formatCount, formatTimeMs } from '../../format/format.js';

function DeliveryStatus({ status }: { status: WebhookStatusDto }) {
  const last = status.lastAttempt;
  return (
    <div className="webhook-status" data-testid="webhook-status">
      <span>
        {formatCount(status.delivered)} delivered · {formatCount(status.pending)} waiting
      </span>
      {last === null ? (
        <span className="faint">no delivery attempted yet</span>
      ) : last.ok ? (
        <span className="ok-text">
          ✓ alert {last.alertId} delivered {formatTimeMs(last.atMs)}
        </span>
      ) : (
        <span className="fail-text">
          ✗ alert {last.alertId} failed {formatTimeMs(last.atMs)}: {last.error}
        </span>
      )}
    </div>
  );
}

/** The webhook new alerts are POSTed to, with the outbox's delivery status; retried on the next check until a 2xx. */
export function WebhookPanel({ version, onChanged }: { version: string; onChanged: () => void }) {
  const api = useWorkbench();
  const status = useCall(`webhook:${version}`, () => api.monitor.webhook());
  const [url, setUrl] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const problem = validateApiInput('monitor.setWebhook', { url: url.trim() })[0];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    await run(async () => {
      await api.monitor.setWebhook({ url: url.trim() });
      setUrl('');
      setTouched(false);
      onChanged();
    });
  }

  const current = status.data?.url ?? null;
  return (
    <section className="panel" aria-label="Webhook">
      <div className="panel-head">
        <h2 className="grow">Webhook</h2>
        {(status.loading || busy) && <Spinner label="Loading the webhook" />}
        <button type="button" className="btn small" disabled={current === null || busy} onClick={() => void run(async () => void (await api.monitor.clearWebhook(), onChanged()))}>
          Remove
        </button>
      </div>
      <div className="panel-body">
        <div className="muted small">
          {current === null ? 'No webhook: alerts stay in this workbench.' : <>Each new alert is POSTed as JSON to <code data-testid="webhook-url">{current}</code> (header X-Provwb-Alert-Id).</>}
        </div>
        {status.data && current !== null && <DeliveryStatus status={status.data} />}
        <form className="row section-gap" aria-label="Set the webhook" onSubmit={onSubmit} noValidate>
          <input className="input mono grow" aria-label="Webhook URL" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.org/provwb" aria-invalid={touched && problem !== undefined} aria-describedby="webhook-problem" />
          <button type="submit" className="btn" disabled={busy}>
            {current === null ? 'Set' : 'Replace'}
          </button>
        </form>
        {touched && problem && (
          <div id="webhook-problem" className="field-problem" role="alert">
            URL {problem.message}
          </div>
        )}
        {error && <ErrorPanel error={error} />}
        {status.error && <ErrorPanel error={status.error} onRetry={status.reload} />}
      </div>
    </section>
  );
}
