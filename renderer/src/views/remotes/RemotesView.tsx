import { useEffect, useState, type KeyboardEvent } from 'react';
import type { RemoteDto } from '../../../../shared/api/index.js';
import { useCall, useEventCounter } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { formatAge, formatCount } from '../../format/format.js';
import { formatVerifierKeyId } from '../../verify/key-label.js';
import { AddRemoteForm } from './AddRemoteForm.js';
import { CheckpointHistory } from './CheckpointHistory.js';
import { SyncPanel } from './SyncPanel.js';
import './remotes.css';

type Navigate = (route: Route, options?: { replace?: boolean }) => void;

/** Seconds since a remote's latest verified checkpoint, counted on from when the list arrived. */
function useAge(ageSec: number | null, receivedAtMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return ageSec === null ? null : ageSec + Math.max(0, (now - receivedAtMs) / 1000);
}

function StatusBadge({ remote, navigate }: { remote: RemoteDto; navigate: Navigate }) {
  if (remote.forkIds.length > 0) {
    const id = remote.forkIds.at(-1)!;
    return (
      <button
        type="button"
        className="badge fail fork-badge"
        aria-label={`Fork detected on ${remote.name}: open evidence ${id}`}
        onClick={(e) => {
          e.stopPropagation();
          navigate({ view: 'fork', id });
        }}
      >
        ⚠ fork #{id}
      </button>
    );
  }
  if (remote.syncTask) return <span className="badge pending">syncing</span>;
  if (!remote.latestCheckpoint) return <span className="faint">never synced</span>;
  return remote.treeSize >= remote.latestCheckpoint.treeSize ? <span className="badge pass">✓ mirrored</span> : <span className="badge pending">behind</span>;
}

function RemoteRow({ remote, selected, receivedAtMs, onSelect, navigate }: { remote: RemoteDto; selected: boolean; receivedAtMs: number; onSelect: () => void; navigate: Navigate }) {
  const age = useAge(remote.latestCheckpointAgeSec, receivedAtMs);
  return (
    <tr aria-selected={selected} onClick={onSelect} data-remote={remote.name}>
      <td>
        <strong>{remote.name}</strong>
      </td>
      <td className="mono">{remote.type}</td>
      <td className="mono url-cell" title={remote.url}>
        {remote.url}
      </td>
      <td className="num" data-testid="mirrored-size">
        {formatCount(remote.treeSize)}
      </td>
      <td className="num">{remote.latestCheckpoint ? formatCount(remote.latestCheckpoint.treeSize) : '—'}</td>
      <td>{age === null ? <span className="faint">—</span> : formatAge(age)}</td>
      <td>
        <StatusBadge remote={remote} navigate={navigate} />
      </td>
    </tr>
  );
}

function RemoteDetail({ remote, onChanged, navigate, version }: { remote: RemoteDto; onChanged: () => void; navigate: Navigate; version: number }) {
  return (
    <>
      <section className="panel" aria-label={`Remote ${remote.name}`}>
        <div className="panel-head">
          <div className="grow">
            <h2>{remote.origin || remote.name}</h2>
            <div className="muted">
              {remote.name} · {remote.type} · {remote.url}
            </div>
          </div>
          <button type="button" className="btn small" disabled={remote.treeSize === 0} onClick={() => navigate({ view: 'explorer', log: remote.name })}>
            Explorer
          </button>
          <button type="button" className="btn small" onClick={() => navigate({ view: 'audit', log: remote.name })}>
            Audit
          </button>
        </div>
        <div className="panel-body">
          <dl className="kv">
            <dt>Mirrored</dt>
            <dd>{formatCount(remote.treeSize)} entries, verified</dd>
            <dt>Root hash</dt>
            <dd>
              <Hash value={remote.rootHash} chars={32} label="root hash" />
            </dd>
            <dt>Pinned key</dt>
            <dd className="mono">{remote.verifierKeys.map((k) => (k.startsWith('-----') ? 'PEM public key' : formatVerifierKeyId(k))).join(', ')}</dd>
          </dl>
        </div>
      </section>
      <SyncPanel key={remote.name} remote={remote} onChanged={onChanged} navigate={navigate} />
      <CheckpointHistory name={remote.name} origin={remote.origin} version={`${version}:${remote.latestCheckpoint?.createdAtMs ?? 0}:${remote.forkIds.length}`} />
    </>
  );
}

/** Remotes view: mirrored logs with size, checkpoint age and forks; add one; sync with progress; checkpoint history. */
export function RemotesView({ route, navigate }: { route: Extract<Route, { view: 'remotes' }>; navigate: Navigate }) {
  const api = useWorkbench();
  const [version, setVersion] = useState(0);
  const changes = useEventCounter('log-changed');
  const list = useCall(`remotes:${version}:${changes}`, () => api.remotes.list().then((data) => ({ data, receivedAtMs: Date.now() })));
  const [adding, setAdding] = useState(false);
  const remotes = list.data?.data.remotes ?? [];
  const selected = remotes.find((r) => r.name === route.name) ?? remotes[0];
  const select = (remote: RemoteDto) => navigate({ view: 'remotes', name: remote.name }, { replace: true });
  const reload = () => setVersion((v) => v + 1);

  // ↑/↓ move through the table as in the Keys view.
  function onKeyDown(event: KeyboardEvent) {
    if (!selected || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const at = remotes.indexOf(selected) + (event.key === 'ArrowDown' ? 1 : -1);
    const next = remotes[Math.max(0, Math.min(remotes.length - 1, at))];
    if (next) select(next);
  }

  return (
    <div className="page">
      <div className="row">
        <h1 className="grow">Remotes</h1>
        {list.loading && <Spinner label="Loading remotes" />}
        <button type="button" className="btn" aria-pressed={adding} onClick={() => setAdding(!adding)}>
          Add remote…
        </button>
      </div>
      {adding && (
        <AddRemoteForm
          onDone={(remote) => {
            setAdding(false);
            reload();
            select(remote);
          }}
        />
      )}
      {list.error && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.data && remotes.length === 0 && !adding && (
        <div className="empty">No remotes yet. Add a transparency log to mirror — the Go checksum database, a C2SP tlog-tiles log (also from a file:// folder), Rekor v1 or v2.</div>
      )}
      {remotes.length > 0 && (
        <table className="data-table selectable" aria-label="Remotes" tabIndex={0} onKeyDown={onKeyDown}>
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>URL</th>
              <th className="num">Mirrored</th>
              <th className="num">Checkpoint</th>
              <th>Checked</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {remotes.map((r) => (
              <RemoteRow key={r.name} remote={r} selected={r === selected} receivedAtMs={list.data!.receivedAtMs} onSelect={() => select(r)} navigate={navigate} />
            ))}
          </tbody>
        </table>
      )}
      {selected && <RemoteDetail remote={selected} onChanged={reload} navigate={navigate} version={version} />}
    </div>
  );
}
