import { REMOTE_TYPE_NAMES, type RemoteDto, type RemoteTypeDto } from '../../../../shared/api/index.js';
import { useValidatedForm } from '../../api/use-validated-form.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { addRemoteInput } from './add-remote-input.js';

const TYPE_LABELS: Readonly<Record<RemoteTypeDto, string>> = {
  sumdb: 'Go checksum database (sumdb tiles)',
  tiles: 'C2SP tlog-tiles (http or file://)',
  'rekor-v2': 'Rekor v2 (tiles, entries re-verified)',
  rekor: 'Rekor v1 API',
};

const URL_PLACEHOLDER: Readonly<Record<RemoteTypeDto, string>> = {
  sumdb: 'https://sum.golang.org',
  tiles: 'https://log.example.org or file:///media/usb/log',
  'rekor-v2': 'https://log2025-1.rekor.sigstore.dev',
  rekor: 'https://rekor.sigstore.dev',
};

function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-problem" role="alert">
      {message}
    </span>
  ) : null;
}

/** Registers a remote log: type, URL, its key (C2SP vkey or PEM) and an optional origin. */
export function AddRemoteForm({ onDone }: { onDone: (remote: RemoteDto) => void }) {
  const api = useWorkbench();
  const { fields, shown, set, submit, busy, error } = useValidatedForm('remotes.add', { name: '', type: 'sumdb' as RemoteTypeDto, url: '', key: '', origin: '' }, addRemoteInput);
  const onSubmit = submit(async (input) => {
    onDone(await api.remotes.add(input));
  });

  return (
    <form className="panel" aria-label="Add a remote" onSubmit={onSubmit} noValidate>
      <div className="panel-head">
        <h2 className="grow">Add a remote</h2>
        {busy && <Spinner label="Adding" />}
      </div>
      <div className="panel-body add-remote">
        <label>
          <span className="field-label">Name</span>
          <input className="input" aria-label="Remote name" value={fields.name} onChange={set('name')} placeholder="gosum" maxLength={64} aria-invalid={shown.has('/name')} aria-describedby="remote-name-problem" />
          <FieldProblem id="remote-name-problem" message={shown.get('/name')} />
        </label>
        <label>
          <span className="field-label">Type</span>
          <select className="input" aria-label="Remote type" value={fields.type} onChange={set('type')}>
            {REMOTE_TYPE_NAMES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          <span className="field-label">URL</span>
          <input className="input mono" aria-label="Remote URL" value={fields.url} onChange={set('url')} placeholder={URL_PLACEHOLDER[fields.type]} aria-invalid={shown.has('/url')} aria-describedby="remote-url-problem" />
          <FieldProblem id="remote-url-problem" message={shown.get('/url')} />
        </label>
        <label className="wide">
          <span className="field-label">{fields.type === 'rekor' ? 'Public key (PEM)' : 'Verifier key (name+hash+base64)'}</span>
          <textarea
            className="input mono key-input"
            aria-label="Log key"
            value={fields.key}
            onChange={set('key')}
            placeholder={fields.type === 'rekor' ? '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----' : 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ada3TYrRAQJP6TBi'}
            aria-invalid={shown.has('/key')}
            aria-describedby="remote-key-problem"
          />
          <FieldProblem id="remote-key-problem" message={shown.get('/key')} />
        </label>
        <label>
          <span className="field-label">Origin (optional)</span>
          <input className="input mono" aria-label="Origin" value={fields.origin} onChange={set('origin')} placeholder={fields.type === 'sumdb' ? 'go.sum database tree' : 'from the key or first checkpoint'} aria-invalid={shown.has('/origin')} aria-describedby="remote-origin-problem" />
          <FieldProblem id="remote-origin-problem" message={shown.get('/origin')} />
        </label>
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={busy}>
            Add remote
          </button>
          <span className="faint">The key is pinned: every checkpoint the remote shows must be signed by it.</span>
        </div>
        {shown.get('') && <div className="field-problem" role="alert">{shown.get('')}</div>}
        {error && <ErrorPanel error={error} />}
      </div>
    </form>
  );
}
