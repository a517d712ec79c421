import { useEffect, useMemo, useState } from 'react';
import type { LogSummaryDto } from '../../../../shared/api/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import { formatVerifierKeyId } from '../../verify/key-label.js';
import { useCall, useEventCounter } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { CheckList, VerdictBadge } from '../../components/Verdict.js';
import { AlertCountBadge } from '../monitor/AlertCountBadge.js';
import { formatAge, formatCount, formatTimeMs, formatTimeSec } from '../../format/format.js';
import { verdictOf, type Check } from '../../verify/checks.js';
import { verifyCheckpointNote } from '../../verify/verify-checkpoint.js';

const RECENT = 8;

/** Verifies the latest checkpoint in the page and that it matches the tree head the engine reports. */
function checkpointChecks(log: LogSummaryDto): Check[] {
  const cp = verifyCheckpointNote(log.latestCheckpoint?.note ?? null, log.verifierKeys, log.origin, 'Latest checkpoint');
  const checks: Check[] = [cp.check];
  if (cp.checkpoint && cp.checkpoint.size === log.treeSize) {
    const root = toHex(cp.checkpoint.rootHash);
    checks.push(
      root === log.rootHash
        ? { id: 'head', label: 'Tree head', status: 'pass', detail: `the signed root is the log's current root at size ${formatCount(log.treeSize)}` }
        : { id: 'head', label: 'Tree head', status: 'fail', detail: `the signed root ${root.slice(0, 12)}… differs from the log's root ${log.rootHash.slice(0, 12)}…` },
    );
  } else if (cp.checkpoint) {
    checks.push({ id: 'head', label: 'Tree head', status: 'skip', detail: `the latest checkpoint is for size ${formatCount(cp.checkpoint.size)}; the log has ${formatCount(log.treeSize)} entries` });
  }
  return checks;
}

function LogCard({ log, receivedAtMs, navigate }: { log: LogSummaryDto; receivedAtMs: number; navigate: (r: Route) => void }) {
  const api = useWorkbench();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const checks = useMemo(() => checkpointChecks(log), [log]);
  const verdict = verdictOf(checks);
  const recentStart = Math.max(0, log.treeSize - RECENT);
  const recent = useCall(log.treeSize > 0 ? `recent:${log.name}:${log.treeSize}` : undefined, () => api.entries.list({ log: log.name, start: recentStart, count: RECENT }));
  const age = log.latestCheckpointAgeSec === null ? null : log.latestCheckpointAgeSec + Math.max(0, (now - receivedAtMs) / 1000);
  const logParam = log.name === 'local' ? {} : { log: log.name };

  return (
    <section className="panel" aria-label={`Log ${log.name}`}>
      <div className="panel-head">
        <div className="grow">
          <h2>{log.origin}</h2>
          <div className="muted">
            {log.name} · {log.role}
            {log.url ? ` · ${log.url}` : ''}
          </div>
        </div>
        <button type="button" className="btn small" onClick={() => navigate({ view: 'explorer', ...logParam })}>
          Explorer
        </button>
        <button type="button" className="btn small" onClick={() => navigate({ view: 'consistency', ...logParam })}>
          Consistency
        </button>
        <VerdictBadge verdict={verdict} subject={`Checkpoint of ${log.name}`} />
      </div>
      <div className="log-card-body">
        <div className="panel-body">
          <div className="stat-row">
            <div className="stat">
              <div className="value" data-testid="tree-size">
                {formatCount(log.treeSize)}
              </div>
              <div className="label">entries (tree size)</div>
            </div>
            <div className="stat">
              <div className="value" title={log.latestCheckpoint ? formatTimeMs(log.latestCheckpoint.createdAtMs) : undefined}>
                {age === null ? '—' : formatAge(age)}
              </div>
              <div className="label">latest checkpoint</div>
            </div>
            <div className="stat">
              <div className={`value${log.alerts > 0 ? ' fail-text' : ''}`} data-testid="log-alerts">
                {log.alerts > 0 ? (
                  <button type="button" className="link-button" onClick={() => navigate({ view: 'monitor' })} aria-label={`${log.alerts} unacknowledged alerts on ${log.name}: open Monitor`}>
                    {formatCount(log.alerts)}
                  </button>
                ) : (
                  0
                )}
              </div>
              <div className="label">unacknowledged alerts</div>
            </div>
          </div>
          <GrowthChart log={log.name} treeSize={log.treeSize} />
          <dl className="kv">
            <dt>Root hash</dt>
            <dd>
              <Hash value={log.rootHash} chars={32} label="root hash" />
            </dd>
            <dt>Checkpoint</dt>
            <dd>{log.latestCheckpoint ? `size ${formatCount(log.latestCheckpoint.treeSize)} · ${log.latestCheckpoint.source} · ${formatTimeMs(log.latestCheckpoint.createdAtMs)}` : 'none'}</dd>
            <dt>Verifier key</dt>
            <dd className="mono">{log.verifierKeys.map(formatVerifierKeyId).join(', ') || 'none'}</dd>
            {log.logID && (
              <>
                <dt>Log ID</dt>
                <dd>
                  <Hash value={log.logID} chars={32} label="log ID" />
                </dd>
              </>
            )}
          </dl>
          <div className="section-gap">
            <CheckList checks={checks} label={`Checkpoint checks of ${log.name}`} />
          </div>
        </div>
        <div className="panel-body recent-col">
          <h3>Recent entries</h3>
          {log.treeSize === 0 && <div className="muted section-gap">The log is empty: append with <code>provwb log append-raw</code> or <code>provwb add</code>.</div>}
          {recent.error && <ErrorPanel error={recent.error} onRetry={recent.reload} />}
          {recent.data && (
            <table className="recent" aria-label={`Recent entries of ${log.name}`}>
              <tbody>
                {[...recent.data.rows].reverse().map((row) => (
                  <tr key={row.logIndex} onClick={() => navigate({ view: 'explorer', ...logParam, index: row.logIndex })}>
                    <td className="muted num">#{formatCount(row.logIndex)}</td>
                    <td className="hash">{row.uuid.slice(0, 16)}…</td>
                    <td className={`kind${row.kind ? '' : ' raw'}`}>{row.kind ? `${row.kind} ${row.apiVersion}` : 'raw'}</td>
                    <td className="muted">{row.integratedTime !== null ? formatTimeSec(row.integratedTime) : (row.preview ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}

/** Tree size over the stored checkpoints: how the log grew, at a glance. */
function GrowthChart({ log, treeSize }: { log: string; treeSize: number }) {
  const api = useWorkbench();
  const list = useCall(`growth:${log}:${treeSize}`, () => api.log.checkpoints({ log, limit: 500 }));
  const points = list.data?.checkpoints ?? [];
  if (points.length < 2) return null;
  const w = 360;
  const h = 54;
  const t0 = points[0]!.createdAtMs;
  const t1 = Math.max(t0 + 1, points[points.length - 1]!.createdAtMs);
  const max = Math.max(1, ...points.map((p) => p.treeSize));
  const byTime = t1 - t0 > 1000;
  const xy = points.map((p, i) => `${(((byTime ? p.createdAtMs - t0 : i) / (byTime ? t1 - t0 : points.length - 1)) * (w - 4) + 2).toFixed(1)},${(h - 2 - (p.treeSize / max) * (h - 6)).toFixed(1)}`);
  return (
    <figure className="growth" aria-label={`Tree size over the last ${points.length} checkpoints`}>
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label="Tree size over time">
        <polyline points={xy.join(' ')} />
      </svg>
      <figcaption className="faint">
        {formatCount(points.length)} of {formatCount(list.data!.total)} checkpoints · size {formatCount(points[0]!.treeSize)} → {formatCount(max)}
      </figcaption>
    </figure>
  );
}

export function Dashboard({ navigate }: { navigate: (r: Route) => void }) {
  const api = useWorkbench();
  const changes = useEventCounter('log-changed');
  const alertChanges = useEventCounter('alerts-changed');
  const info = useCall(`info:${changes}:${alertChanges}`, () => api.log.info().then((data) => ({ data, receivedAtMs: Date.now() })));
  return (
    <div className="page">
      <div className="row">
        <h1 className="grow">Dashboard</h1>
        <button type="button" className="btn small" onClick={() => navigate({ view: 'monitor' })}>
          Monitor <AlertCountBadge />
        </button>
        {info.loading && <Spinner />}
        {info.data && <span className="faint">{info.data.data.dataDir}</span>}
      </div>
      {info.error && <ErrorPanel error={info.error} onRetry={info.reload} />}
      {info.data && (
        <div className="cards">
          {info.data.data.logs.map((log) => (
            <LogCard key={log.name} log={log} receivedAtMs={info.data!.receivedAtMs} navigate={navigate} />
          ))}
        </div>
      )}
    </div>
  );
}
