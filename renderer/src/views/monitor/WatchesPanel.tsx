import { useState } from 'react';
import type { WatchDto } from '../../../../shared/api/index.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { formatCount, formatTimeMs } from '../../format/format.js';
import { AddWatchForm } from './AddWatchForm.js';
import { watchTypeShort } from './watch-labels.js';

function checkedText(watch: WatchDto): string {
  if (watch.checked.length === 0) return 'not checked yet';
  return watch.checked.map((c) => `${c.remote}: ${formatCount(c.nextIndex)} entries`).join(', ');
}

/** The watch list and the form that adds one. */
export function WatchesPanel({ version, onChanged }: { version: string; onChanged: () => void }) {
  const api = useWorkbench();
  const watches = useCall(`watches:${version}`, () => api.monitor.watches());
  const remotes = useCall(`monitor-remotes:${version}`, () => api.remotes.list());
  const [note, setNote] = useState<string | undefined>(undefined);
  const list = watches.data?.watches ?? [];
  return (
    <section className="panel" aria-label="Watches">
      <div className="panel-head">
        <h2 className="grow">Watches</h2>
        {watches.loading && <Spinner label="Loading watches" />}
        <span className="faint">the first check reports matches already mirrored; later ones only new entries</span>
      </div>
      <div className="panel-body">
        <AddWatchForm
          remotes={(remotes.data?.remotes ?? []).map((r) => r.name)}
          onDone={(result) => {
            setNote(result.created ? undefined : `Already watched (watch ${result.watch.id}).`);
            onChanged();
          }}
        />
        {note && <div className="muted small">{note}</div>}
      </div>
      {watches.error && <ErrorPanel error={watches.error} onRetry={watches.reload} />}
      {remotes.error && <ErrorPanel error={remotes.error} onRetry={remotes.reload} />}
      {watches.data && list.length === 0 && <div className="empty">No watches yet.</div>}
      {list.length > 0 && (
        <table className="data-table" aria-label="Watch list">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Type</th>
              <th>Value</th>
              <th>Remote</th>
              <th>Checked</th>
              <th>Added</th>
            </tr>
          </thead>
          <tbody>
            {list.map((w) => (
              <tr key={w.id} data-watch={w.id}>
                <td className="num faint">{w.id}</td>
                <td>{watchTypeShort(w.type)}</td>
                <td className="mono watch-value" title={w.value}>
                  {w.value}
                </td>
                <td>{w.remote ?? <span className="muted">every mirror</span>}</td>
                <td className="muted">{checkedText(w)}</td>
                <td className="muted">{formatTimeMs(w.createdAtMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
