import { useMemo } from 'react';
import type { CheckpointDto, RemoteCheckpointsDto } from '../../../../shared/api/index.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { formatCount, formatTimeMs, formatTimeSec } from '../../format/format.js';
import { hasOnlyPemKeys } from '../../verify/pem-key.js';
import { verifyCheckpointNote } from '../../verify/verify-checkpoint.js';
import { verifyCosignatures, type VerifiedCosignature } from '../../verify/verify-cosignatures.js';

const HISTORY_LIMIT = 200;

interface Row {
  readonly checkpoint: CheckpointDto;
  /** pass, fail, or skip when the log's keys are PEM keys this window cannot verify with. */
  readonly signed: 'pass' | 'fail' | 'skip';
  readonly detail: string;
  readonly cosignatures: readonly VerifiedCosignature[];
}

/** Verifies every stored checkpoint in the page: the log's signature, then any witness cosignature. */
function verifyRows(list: RemoteCheckpointsDto, origin: string): Row[] {
  const pemOnly = hasOnlyPemKeys(list.verifierKeys);
  return list.checkpoints.map((checkpoint) => {
    const v = verifyCheckpointNote(checkpoint.note, list.verifierKeys, origin);
    return {
      checkpoint,
      signed: pemOnly ? 'skip' : v.check.status === 'pass' ? 'pass' : 'fail',
      detail: v.check.detail,
      cosignatures: list.witnessKey && (v.check.status === 'pass' || pemOnly) ? verifyCosignatures(checkpoint.note, [list.witnessKey]) : [],
    };
  });
}

/** The remote's stored checkpoints, newest first, each signature (and cosignature) verified in this window. */
export function CheckpointHistory({ name, origin, version }: { name: string; origin: string; version: string }) {
  const api = useWorkbench();
  const list = useCall(`checkpoints:${name}:${version}`, () => api.remotes.checkpoints({ name, limit: HISTORY_LIMIT }));
  const rows = useMemo(() => (list.data ? verifyRows(list.data, origin || list.data.origin).reverse() : []), [list.data, origin]);
  return (
    <section className="panel" aria-label={`Checkpoint history of ${name}`}>
      <div className="panel-head">
        <h2 className="grow">Checkpoint history</h2>
        {list.loading && <Spinner label="Loading checkpoints" />}
        {list.data && (
          <span className="faint">
            {formatCount(Math.min(list.data.total, HISTORY_LIMIT))} of {formatCount(list.data.total)} · signatures verified here
          </span>
        )}
      </div>
      {list.error && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.data?.witnessKey && (
        <div className="panel-body small muted" data-testid="history-witness-key">
          Cosignatures are checked with this workbench’s witness key <code>{list.data.witnessKey}</code>
        </div>
      )}
      {list.data && rows.length === 0 && <div className="empty">No checkpoint yet: sync to fetch the remote’s signed tree head.</div>}
      {rows.length > 0 && (
        <table className="data-table" aria-label="Checkpoints">
          <thead>
            <tr>
              <th className="num">Tree size</th>
              <th>Root hash</th>
              <th>Source</th>
              <th>Stored</th>
              <th>Signature</th>
              <th>Cosignatures</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.checkpoint.treeSize}:${r.checkpoint.source}:${i}`} data-source={r.checkpoint.source}>
                <td className="num">{formatCount(r.checkpoint.treeSize)}</td>
                <td>
                  <Hash value={r.checkpoint.rootHash} chars={16} label="root hash" />
                </td>
                <td>
                  <span className={`source-tag ${r.checkpoint.source}`}>{r.checkpoint.source}</span>
                </td>
                <td className="muted">{formatTimeMs(r.checkpoint.createdAtMs)}</td>
                <td title={r.detail}>
                  {r.signed === 'pass' && <span className="ok-text">✓ log key</span>}
                  {r.signed === 'skip' && <span className="faint">PEM key: verified by the engine</span>}
                  {r.signed === 'fail' && <span className="fail-text">✗ {r.detail}</span>}
                </td>
                <td>
                  {r.cosignatures.length === 0 ? (
                    <span className="faint">—</span>
                  ) : (
                    r.cosignatures.map((c) => (
                      <span key={c.keyId} className="ok-text" title={`${c.name} ${c.keyId}`}>
                        ✓ {c.name} at {formatTimeSec(c.timestampSec)}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
