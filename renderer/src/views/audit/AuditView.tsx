import { useEffect, useState } from 'react';
import { errorFromData, type AuditReportDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useCall } from '../../api/use-call.js';
import { useTask } from '../../api/use-task.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { downloadBytes } from '../../components/download.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { TaskBar } from '../../components/TaskBar.js';
import { formatCount } from '../../format/format.js';
import { auditFileName, auditReportHtml, auditReportJson, problemPlace } from './audit-report-file.js';
import '../remotes/remotes.css';

type Navigate = (route: Route, options?: { replace?: boolean }) => void;

function Report({ report, navigate }: { report: AuditReportDto; navigate: Navigate }) {
  const total = report.problems.length + report.problemsOmitted;
  const save = (ext: 'json' | 'html') => {
    const now = Date.now();
    const text = ext === 'json' ? auditReportJson(report) : auditReportHtml(report, now);
    downloadBytes(auditFileName(report, now, ext), new TextEncoder().encode(text), ext === 'json' ? 'application/json' : 'text/html');
  };
  return (
    <>
      <div className={`verdict-banner ${report.ok ? 'pass' : 'fail'}`} role="status" aria-label="Audit verdict" data-verdict={report.ok ? 'pass' : 'fail'}>
        <strong className="grow">
          {report.ok ? `✓ Log ${report.log} verifies offline` : `✗ Audit of ${report.log} found ${formatCount(total)} problem${total === 1 ? '' : 's'}`}
        </strong>
        <button type="button" className="btn small" onClick={() => save('json')}>
          Export JSON
        </button>
        <button type="button" className="btn small" onClick={() => save('html')}>
          Export HTML (printable)
        </button>
      </div>
      <section className="panel" aria-label="Audit summary">
        <div className="panel-body">
          <div className="stat-row compact">
            {(
              [
                ['entries rehashed', report.entriesChecked],
                ['tiles compared', report.tilesChecked],
                ['checkpoints verified', report.checkpointsChecked],
                ['typed entries re-verified', report.typedEntriesChecked],
              ] as const
            ).map(([label, n]) => (
              <div className="stat" key={label}>
                <div className="value">{formatCount(n)}</div>
                <div className="label">{label}</div>
              </div>
            ))}
          </div>
          <dl className="kv section-gap">
            <dt>Origin</dt>
            <dd className="mono">{report.origin}</dd>
            <dt>Tree size</dt>
            <dd>{formatCount(report.treeSize)}</dd>
            <dt>Recomputed root</dt>
            <dd>{report.rootHash ? <Hash value={report.rootHash} chars={32} label="recomputed root" /> : '—'}</dd>
          </dl>
          {report.notes.length > 0 && (
            <ul className="section-gap muted" aria-label="Audit notes">
              {report.notes.map((n, i) => (
                <li key={i}>{n.note}</li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {report.problems.length > 0 && (
        <section className="panel" aria-label="Audit problems">
          <div className="panel-head">
            <h2 className="grow">Problems</h2>
            {report.problemsOmitted > 0 && <span className="faint">{formatCount(report.problemsOmitted)} more not listed</span>}
          </div>
          <table className="data-table" aria-label="Problems">
            <thead>
              <tr>
                <th className="num">Index</th>
                <th>Where</th>
                <th>Code</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i} data-index={p.index ?? ''}>
                  <td className="num">
                    {p.index === null ? (
                      <span className="faint">—</span>
                    ) : (
                      <a
                        href={`#/explorer?log=${encodeURIComponent(report.log)}&index=${p.index}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ view: 'explorer', ...(report.log === 'local' ? {} : { log: report.log }), index: p.index! });
                        }}
                      >
                        {formatCount(p.index)}
                      </a>
                    )}
                  </td>
                  <td>{problemPlace(p)}</td>
                  <td className="mono">{p.code}</td>
                  <td>{p.problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** Audit view: pick the local log or a mirror, run the offline audit with progress, read and export the report. */
export function AuditView({ route, navigate }: { route: Extract<Route, { view: 'audit' }>; navigate: Navigate }) {
  const api = useWorkbench();
  const info = useCall('audit-logs', () => api.log.info());
  const logs = info.data?.logs ?? [];
  const log = route.log ?? 'local';
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const start = useAction();
  const { task, error: taskError } = useTask(taskId);
  const audit = task?.kind === 'audit' ? task : undefined;

  // Back in the view: show the newest audit of this log the engine still holds (running or finished).
  useEffect(() => {
    let live = true;
    setTaskId(undefined);
    void api.tasks.list().then(
      ({ tasks }) => live && setTaskId(tasks.find((t) => t.kind === 'audit' && t.subject === log)?.id),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, log]);

  return (
    <div className="page">
      <div className="row">
        <h1 className="grow">Audit</h1>
      </div>
      <section className="panel" aria-label="Run an audit">
        <div className="panel-body audit-controls">
          <label>
            <span className="field-label">Log</span>
            <select className="input" aria-label="Log to audit" value={log} onChange={(e) => navigate({ view: 'audit', log: e.target.value }, { replace: true })}>
              {(logs.length > 0 ? logs : [{ name: log, role: '' }]).map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name === 'local' ? 'local (this workbench’s log)' : `${l.name} (${l.role})`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn primary" disabled={start.busy || audit?.state === 'running'} onClick={() => void start.run(async () => setTaskId((await api.audit.run({ log })).id))}>
            Run audit
          </button>
          <span className="muted grow">
            Reads only: SQLite’s integrity check, every leaf rehashed and the tree rebuilt, every tile node, checkpoint signature and root, typed entries and the search index.
          </span>
        </div>
      </section>
      {info.error && <ErrorPanel error={info.error} onRetry={info.reload} />}
      {start.error && <ErrorPanel error={start.error} />}
      {taskError && <ErrorPanel error={taskError} />}
      {audit?.state === 'running' && (
        <section className="panel">
          <div className="panel-body">
            <TaskBar label={`Auditing ${audit.subject}`} progress={audit.progress} />
          </div>
        </section>
      )}
      {audit?.state === 'failed' && audit.error && <ErrorPanel error={errorFromData(audit.error)} title="The audit could not run" />}
      {audit?.state === 'done' && audit.result && <Report report={audit.result} navigate={navigate} />}
    </div>
  );
}
