import { WATCH_TYPE_NAMES, type AddWatchInputDto, type AddWatchResultDto, type WatchTypeDto } from '../../../../shared/api/index.js';
import { useValidatedForm } from '../../api/use-validated-form.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { WATCH_PLACEHOLDERS, WATCH_TYPE_LABELS } from './watch-labels.js';

/** Returns the input the form describes (`all` remotes leaves the remote out). */
export function addWatchInput(fields: { type: WatchTypeDto; value: string; remote: string }): AddWatchInputDto {
  return { type: fields.type, value: fields.value.trim(), ...(fields.remote === '' ? {} : { remote: fields.remote }) };
}

/** Adds a watch: what to look for and in which remote (or every mirror); problems shown by field, with the engine's own schema. */
export function AddWatchForm({ remotes, onDone }: { remotes: readonly string[]; onDone: (result: AddWatchResultDto) => void }) {
  const api = useWorkbench();
  const { fields, setFields, shown, set, submit, busy, error } = useValidatedForm('monitor.addWatch', { type: 'sha256' as WatchTypeDto, value: '', remote: '' }, addWatchInput);
  const onSubmit = submit(async (input) => {
    onDone(await api.monitor.addWatch(input));
    setFields((f) => ({ ...f, value: '' }));
  });

  return (
    <form className="add-watch" aria-label="Add a watch" onSubmit={onSubmit} noValidate>
      <label>
        <span className="field-label">Watch for</span>
        <select className="input" aria-label="Watch type" value={fields.type} onChange={set('type')}>
          {WATCH_TYPE_NAMES.map((t) => (
            <option key={t} value={t}>
              {WATCH_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        <span className="field-label">Value</span>
        <input
          className="input mono"
          aria-label="Watch value"
          value={fields.value}
          onChange={set('value')}
          placeholder={WATCH_PLACEHOLDERS[fields.type]}
          maxLength={512}
          aria-invalid={shown.has('/value')}
          aria-describedby="watch-value-problem"
        />
        {shown.get('/value') && (
          <span id="watch-value-problem" className="field-problem" role="alert">
            {shown.get('/value')}
          </span>
        )}
      </label>
      <label>
        <span className="field-label">In</span>
        <select className="input" aria-label="Watched remote" value={fields.remote} onChange={set('remote')}>
          <option value="">every mirrored remote</option>
          {remotes.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn primary" disabled={busy}>
        Add watch
      </button>
      {busy && <Spinner label="Adding the watch" />}
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
