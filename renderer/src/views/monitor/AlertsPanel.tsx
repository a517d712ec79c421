import { useEffect, useState, type KeyboardEvent } from 'react';
import { ALERT_STATE_NAMES, type AlertDto, type AlertStateDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { hasCommandModifier } from '../../app/keys.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { formatCount, formatTimeMs } from '../../format/format.js';
import { alertSubject } from './watch-labels.js';

export type AlertFilter = AlertStateDto | 'all';

const FILTER_LABELS: Readonly<Record<AlertFilter, string>> = { new: 'New', acknowledged: 'Acknowledged', suppressed: 'Suppressed', all: 'All' };

/** Returns the place an alert points at: its entry in the mirror's explorer, or the fork evidence. */
export function alertTarget(alert: AlertDto): Route | undefined {
  if (alert.kind === 'fork') return alert.fork ? { view: 'fork', id: alert.fork.id } : undefined;
  return alert.logIndex === null ? undefined : { view: 'explorer', log: alert.remote, index: alert.logIndex };
}

function StateTag({ state }: { state: AlertStateDto }) {
  return <span className={`alert-state ${state}`}>{state}</span>;
}

/**
 * Alerts, newest first, filtered by state, with keyboard actions on the selected row: ↑ ↓ (j k)
 * move, Enter opens it, a acknowledges, s suppresses.
 */
export function AlertsPanel({ version, onChanged, navigate }: { version: string; onChanged: () => void; navigate: (r: Route) => void }) {
  const api = useWorkbench();
  const [filter, setFilter] = useState<AlertFilter>('new');
  const list = useCall(`alerts:${filter}:${version}`, () => api.monitor.alerts(filter === 'all' ? {} : { state: filter }));
  const alerts = list.data?.alerts ?? [];
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const [selectedAt, setSelectedAt] = useState(0);
  const action = useAction();

  // An acknowledged alert leaves the "new" list: the selection stays at the same row position.
  const selected = alerts.find((a) => a.id === selectedId) ?? alerts[Math.min(selectedAt, alerts.length - 1)];
  useEffect(() => {
    if (selected && selected.id !== selectedId) setSelectedId(selected.id);
  }, [selected, selectedId]);

  function select(alert: AlertDto | undefined) {
    if (!alert) return;
    setSelectedId(alert.id);
    setSelectedAt(alerts.indexOf(alert));
  }

  function setState(alert: AlertDto, state: 'acknowledged' | 'suppressed') {
    if (alert.state === state) return;
    void action.run(async () => {
      await (state === 'acknowledged' ? api.monitor.ack({ id: alert.id }) : api.monitor.suppress({ id: alert.id }));
      onChanged();
    });
  }

  function open(alert: AlertDto) {
    const target = alertTarget(alert);
    if (target) navigate(target);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (hasCommandModifier(event) || !selected) return;
    const at = alerts.indexOf(selected);
    const move = (to: number) => {
      event.preventDefault();
      select(alerts[Math.max(0, Math.min(alerts.length - 1, to))]);
    };
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        return move(at + 1);
      case 'ArrowUp':
      case 'k':
        return move(at - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(alerts.length - 1);
      case 'Enter':
        event.preventDefault();
        return open(selected);
      case 'a':
        event.preventDefault();
        return setState(selected, 'acknowledged');
      case 's':
        event.preventDefault();
        return setState(selected, 'suppressed');
    }
  }

  const counts = list.data?.counts;
  return (
    <section className="panel" aria-label="Alerts">
      <div className="panel-head">
        <h2 className="grow">Alerts</h2>
        {(list.loading || action.busy) && <Spinner label="Loading alerts" />}
        <div className="seg" role="group" aria-label="Alert filter">
          {([...ALERT_STATE_NAMES, 'all'] as const).map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {FILTER_LABELS[f]}
              {counts && f !== 'all' ? ` ${formatCount(counts[f])}` : ''}
            </button>
          ))}
        </div>
      </div>
      {list.error && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {action.error && <ErrorPanel error={action.error} />}
      {list.data && alerts.length === 0 && (
        <div className="empty">{filter === 'new' ? 'No open alerts. Add a watch and run Check now: matches in the mirrored remotes show here.' : `No ${FILTER_LABELS[filter].toLowerCase()} alerts.`}</div>
      )}
      {alerts.length > 0 && (
        <>
          <table className="data-table selectable" aria-label="Alert list" tabIndex={0} onKeyDown={onKeyDown}>
            <thead>
              <tr>
                <th>Raised</th>
                <th>Watch</th>
                <th>Log</th>
                <th className="num">Index</th>
                <th>Entry</th>
                <th>Status</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr key={a.id} aria-selected={a === selected} data-alert={a.id} onClick={() => select(a)} onDoubleClick={() => open(a)}>
                  <td className="muted">{formatTimeMs(a.createdAtMs)}</td>
                  <td className="mono alert-subject" title={alertSubject(a)}>
                    {alertSubject(a)}
                  </td>
                  <td>{a.remote}</td>
                  <td className="num">
                    {alertTarget(a) ? (
                      <button type="button" className="link-button" aria-label={`Open ${a.kind === 'fork' ? `fork evidence ${a.fork?.id}` : `entry ${a.logIndex} of ${a.remote}`} in the explorer`} onClick={() => open(a)}>
                        {a.kind === 'fork' ? `fork #${a.fork?.id}` : `#${formatCount(a.logIndex!)}`}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{a.uuid ? <Hash value={a.uuid} chars={12} label="uuid" /> : <span className="faint">—</span>}</td>
                  <td>
                    <StateTag state={a.state} />
                  </td>
                  <td className="alert-actions">
                    <button type="button" className="btn small" disabled={a.state === 'acknowledged' || action.busy} onClick={() => setState(a, 'acknowledged')} aria-label={`Acknowledge alert ${a.id}`}>
                      Ack
                    </button>
                    <button type="button" className="btn small" disabled={a.state === 'suppressed' || action.busy} onClick={() => setState(a, 'suppressed')} aria-label={`Suppress alert ${a.id}`}>
                      Suppress
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="panel-body faint small">
            <kbd>↑</kbd> <kbd>↓</kbd> select · <kbd>Enter</kbd> open · <kbd>a</kbd> acknowledge · <kbd>s</kbd> suppress (a false positive: a pending webhook delivery is dropped)
            {list.data?.truncated ? ' · the newest alerts are listed' : ''}
          </div>
        </>
      )}
    </section>
  );
}
