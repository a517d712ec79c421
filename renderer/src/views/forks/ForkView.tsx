import { useMemo } from 'react';
import type { ForkDetailDto } from '../../../../shared/api/index.js';
import { errorFromData } from '../../../../shared/api/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { downloadBytes } from '../../components/download.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { CheckList } from '../../components/Verdict.js';
import { formatCount, formatTimeMs } from '../../format/format.js';
import type { Checkpoint } from '../../../../shared/note/index.js';
import { hasOnlyPemKeys } from '../../verify/pem-key.js';
import { parseForkEvidenceDoc, verifyForkEvidenceDoc, type ForkVerification } from '../../verify/verify-fork-evidence.js';
import '../remotes/remotes.css';

type Navigate = (route: Route, options?: { replace?: boolean }) => void;

function CheckpointSide({ title, note, checkpoint, signed }: { title: string; note: string; checkpoint: Checkpoint | undefined; signed: boolean }) {
  return (
    <section className="panel" aria-label={title}>
      <div className="panel-head">
        <h2 className="grow">{title}</h2>
        <span className={`badge ${signed ? 'pass' : 'fail'}`}>{signed ? '✓ signed by the log' : '✗ not verified'}</span>
      </div>
      <div className="panel-body">
        {checkpoint && (
          <dl className="kv">
            <dt>Tree size</dt>
            <dd data-testid="checkpoint-size">{formatCount(checkpoint.size)}</dd>
            <dt>Root hash</dt>
            <dd>
              <Hash value={toHex(checkpoint.rootHash)} full label="root hash" />
            </dd>
          </dl>
        )}
        <pre className="note section-gap">{note}</pre>
      </div>
    </section>
  );
}

function Verification({ detail, verification, navigate }: { detail: ForkDetailDto; verification: ForkVerification; navigate: Navigate }) {
  const proven = verification.verdict.status === 'pass';
  const doc = parseForkEvidenceDoc(detail.evidenceJson);
  const older = verification.older;
  const engineAgrees = detail.verdict !== null && detail.verdict.ok === proven;
  if (hasOnlyPemKeys(detail.verifierKeys)) {
    return (
      <div className="verdict-banner" role="status" aria-label="Fork verdict" data-verdict="engine-only">
        <strong className="grow">
          This window cannot verify Rekor v1 (PEM key) checkpoint signatures. The engine’s verdict: {detail.verdict ? `${detail.verdict.ok ? 'fork proven' : 'no fork'} — ${detail.verdict.reason}` : (detail.verdictError?.message ?? 'none')}
        </strong>
      </div>
    );
  }
  return (
    <>
      <div className={`verdict-banner ${proven ? 'fail' : 'pass'}`} role="status" aria-label="Fork verdict" data-verdict={proven ? 'fork' : 'no-fork'}>
        <strong className="grow">
          {proven ? `Fork proven: ${detail.origin || detail.remote} signed two incompatible trees` : 'This evidence does not prove a fork'}
        </strong>
        <span className="muted">
          recomputed in this window · the engine {detail.verdict ? (engineAgrees ? 'agrees' : 'DISAGREES') : `could not check it (${detail.verdictError?.code ?? 'unknown'})`}
        </span>
      </div>
      <div className="fork-grid">
        <CheckpointSide title="Older checkpoint" note={typeof doc === 'string' ? '' : doc.older.checkpoint} checkpoint={verification.older} signed={verification.verdict.checks.find((c) => c.id === 'older-signature')?.status === 'pass'} />
        <CheckpointSide title="Newer checkpoint" note={typeof doc === 'string' ? '' : doc.newer.checkpoint} checkpoint={verification.newer} signed={verification.verdict.checks.find((c) => c.id === 'newer-signature')?.status === 'pass'} />
      </div>
      {older && (
        <section className="panel" aria-label="Roots at the older size">
          <div className="panel-head">
            <h2 className="grow">Tree size {formatCount(older.size)}: two roots</h2>
          </div>
          <div className="panel-body">
            <dl className="kv">
              <dt>Signed in the older checkpoint</dt>
              <dd className="root-diff older" data-testid="older-root">{toHex(older.rootHash)}</dd>
              <dt>{verification.olderRootPerNewer ? 'Per the newer tree (from the proof)' : 'Signed in the newer checkpoint'}</dt>
              <dd className="root-diff newer" data-testid="newer-root">{verification.olderRootPerNewer ?? (verification.newer ? toHex(verification.newer.rootHash) : '—')}</dd>
            </dl>
          </div>
        </section>
      )}
      {typeof doc !== 'string' && doc.proof && (
        <section className="panel" aria-label="Consistency proof">
          <div className="panel-head">
            <h2 className="grow">
              Consistency proof {formatCount(doc.proof.first)} → {formatCount(doc.proof.second)}
            </h2>
            <span className="faint">{verification.proofHashes.length} hashes, RFC 6962 order</span>
          </div>
          <div className="panel-body">
            <ol className="proof-hashes" aria-label="Proof hashes">
              {verification.proofHashes.map((h, i) => (
                <li key={i}>{h}</li>
              ))}
            </ol>
          </div>
        </section>
      )}
      <section className="panel" aria-label="Checks">
        <div className="panel-head">
          <h2 className="grow">Checks run in this window</h2>
        </div>
        <div className="panel-body">
          <CheckList checks={verification.verdict.checks} label="Fork evidence checks" />
          {detail.verdict && (
            <div className="muted section-gap">
              Engine: {detail.verdict.ok ? 'fork proven' : 'no fork'} — {detail.verdict.reason}
            </div>
          )}
          {detail.verdictError && <ErrorPanel error={errorFromData(detail.verdictError)} title="The engine's check of the evidence failed" />}
        </div>
      </section>
      <div className="row">
        <button type="button" className="btn" onClick={() => navigate({ view: 'remotes', name: detail.remote })}>
          Back to {detail.remote}
        </button>
      </div>
    </>
  );
}

function ForkDetail({ id, navigate }: { id: number; navigate: Navigate }) {
  const api = useWorkbench();
  const fork = useCall(`fork:${id}`, () => api.forks.get({ id }));
  const verification = useMemo(() => {
    if (!fork.data) return undefined;
    const doc = parseForkEvidenceDoc(fork.data.evidenceJson);
    return typeof doc === 'string' ? doc : verifyForkEvidenceDoc(doc, fork.data.verifierKeys);
  }, [fork.data]);
  return (
    <div className="page">
      <div className="row">
        <h1 className="grow">Fork evidence #{id}</h1>
        {fork.loading && <Spinner label="Loading evidence" />}
        {fork.data && (
          <>
            <span className="faint">
              {fork.data.remote} · detected {formatTimeMs(fork.data.detectedAtMs)}
            </span>
            <button type="button" className="btn primary" onClick={() => downloadBytes(fork.data!.fileName, new TextEncoder().encode(fork.data!.evidenceJson), 'application/json')}>
              Export evidence <span className="btn-note">{fork.data.fileName}</span>
            </button>
          </>
        )}
      </div>
      {fork.error && <ErrorPanel error={fork.error} onRetry={fork.reload} />}
      {typeof verification === 'string' && <div className="error-panel" role="alert">The stored document is not fork evidence: {verification}</div>}
      {fork.data && verification && typeof verification !== 'string' && <Verification detail={fork.data} verification={verification} navigate={navigate} />}
      {fork.data && (
        <p className="faint">
          Anyone can re-check the exported file with only the log’s key: <code>provwb verify evidence {fork.data.fileName} --vkey KEY</code>
        </p>
      )}
    </div>
  );
}

function ForkList({ navigate }: { navigate: Navigate }) {
  const api = useWorkbench();
  const forks = useCall('forks', () => api.forks.list());
  return (
    <div className="page">
      <h1>Fork evidence</h1>
      {forks.error && <ErrorPanel error={forks.error} onRetry={forks.reload} />}
      {forks.data && forks.data.forks.length === 0 && <div className="empty">No remote has shown two incompatible signed trees.</div>}
      {forks.data && forks.data.forks.length > 0 && (
        <table className="data-table selectable" aria-label="Forks">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Remote</th>
              <th>Origin</th>
              <th className="num">Sizes</th>
              <th>Detected</th>
            </tr>
          </thead>
          <tbody>
            {forks.data.forks.map((f) => (
              <tr key={f.id} onClick={() => navigate({ view: 'fork', id: f.id })}>
                <td className="num">{f.id}</td>
                <td>{f.remote}</td>
                <td className="mono">{f.origin}</td>
                <td className="num">
                  {formatCount(f.olderSize)} / {formatCount(f.newerSize)}
                </td>
                <td className="muted">{formatTimeMs(f.detectedAtMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Fork evidence view: the two conflicting signed checkpoints, the proof, and a verdict this window computes itself. */
export function ForkView({ route, navigate }: { route: Extract<Route, { view: 'fork' }>; navigate: Navigate }) {
  return route.id === undefined ? <ForkList navigate={navigate} /> : <ForkDetail id={route.id} navigate={navigate} />;
}
