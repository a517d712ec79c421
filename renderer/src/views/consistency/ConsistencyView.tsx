import { useMemo } from 'react';
import type { CheckpointDto, ConsistencyDto } from '../../../../shared/api/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import { useCall, useEventCounter } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { VerificationPanel } from '../../components/Verdict.js';
import { formatCount, formatRange, formatTimeMs } from '../../format/format.js';
import { consistencyPicture } from '../../proof/consistency-nodes.js';
import { RangePicture } from '../../proof/RangePicture.js';
import { verifyConsistencyDto } from '../../verify/verify-consistency.js';

type ConsistencyRoute = Extract<Route, { view: 'consistency' }>;

function ConsistencyResult({ dto }: { dto: ConsistencyDto }) {
  const verification = useMemo(() => verifyConsistencyDto(dto), [dto]);
  const { first, second, hashes } = dto.proof;
  const roots = useMemo(() => ({ first: verification.first ? toHex(verification.first.rootHash) : dto.proof.firstRoot, second: verification.second ? toHex(verification.second.rootHash) : dto.proof.secondRoot }), [verification, dto.proof]);
  const picture = useMemo(() => consistencyPicture(first, second, hashes, verification.verdict.status, roots), [first, second, hashes, verification.verdict.status, roots]);
  return (
    <div className="proof-layout">
      <section className="panel" aria-label="Consistency picture">
        <div className="panel-head">
          <h2 className="grow">
            Tree {formatCount(first)} inside tree {formatCount(second)}
          </h2>
        </div>
        <div className="panel-body picture">
          <RangePicture size={second} nodes={picture.nodes} brackets={picture.brackets} label={`Consistency proof from tree size ${first} to ${second}`} />
          <div className="legend">
            <span>
              <span className="swatch old" />
              old tree’s subtrees
            </span>
            <span>
              <span className="swatch path" />
              nodes the proof descends through
            </span>
            <span>
              <span className="swatch sibling" />
              proof hash
            </span>
          </div>
        </div>
      </section>
      <div className="page" style={{ padding: 0 }}>
        <VerificationPanel verdict={verification.verdict} subject="Consistency verification" checksLabel="Consistency checks" />
        <section className="panel" aria-label="Proof hashes">
          <div className="panel-head">
            <h2 className="grow">Proof hashes ({hashes.length})</h2>
          </div>
          <div className="panel-body">
            {hashes.length === 0 ? (
              <div className="muted">Equal sizes: the proof is empty and the two roots must be equal.</div>
            ) : (
              <table className="steps">
                <tbody>
                  {hashes.map((h, i) => {
                    const node = picture.proofNodes[i];
                    return (
                      <tr key={i}>
                        <td>p{i}</td>
                        <td className="hash" title={h}>
                          {h.slice(0, 20)}…
                        </td>
                        <td className="muted">{node ? `${formatRange(node.range.start, node.range.end)}${node.insideOld ? ' · old' : ' · new'}` : ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
        </section>
        {[dto.firstCheckpoint, dto.secondCheckpoint].map((cp, i) => (
          <section className="panel" key={i} aria-label={i === 0 ? 'Old checkpoint' : 'New checkpoint'}>
            <div className="panel-head">
              <h2 className="grow">{i === 0 ? `Old checkpoint · ${formatCount(first)}` : `New checkpoint · ${formatCount(second)}`}</h2>
            </div>
            <div className="panel-body">{cp ? <pre className="note">{cp.note}</pre> : <div className="muted">No checkpoint stored at this size.</div>}</div>
          </section>
        ))}
      </div>
    </div>
  );
}

function sizesOf(checkpoints: readonly CheckpointDto[]): CheckpointDto[] {
  const bySize = new Map<number, CheckpointDto>();
  for (const cp of checkpoints) if (cp.treeSize > 0) bySize.set(cp.treeSize, cp);
  return [...bySize.values()].sort((a, b) => b.treeSize - a.treeSize);
}

export function ConsistencyView({ route, navigate }: { route: ConsistencyRoute; navigate: (r: Route, o?: { replace?: boolean }) => void }) {
  const api = useWorkbench();
  const log = route.log ?? 'local';
  const changes = useEventCounter('log-changed', (p) => (p as { log?: string }).log === log);
  const list = useCall(`checkpoints:${log}:${changes}`, () => api.log.checkpoints({ log }));
  const options = useMemo(() => sizesOf(list.data?.checkpoints ?? []), [list.data]);
  const to = route.to ?? options[0]?.treeSize;
  const from = route.from ?? options[options.length - 1]?.treeSize;
  const ready = from !== undefined && to !== undefined;
  const proof = useCall(ready ? `consistency:${log}:${from}:${to}` : undefined, () => api.log.consistency({ log, first: from!, second: to! }));
  const go = (next: { from?: number; to?: number }) => {
    const nextFrom = next.from ?? from;
    const nextTo = next.to ?? to;
    navigate({ view: 'consistency', ...(route.log ? { log: route.log } : {}), ...(nextFrom === undefined ? {} : { from: nextFrom }), ...(nextTo === undefined ? {} : { to: nextTo }) }, { replace: true });
  };

  const select = (label: string, value: number | undefined, onChange: (v: number) => void) => (
    <label>
      <span className="field-label">{label}</span>
      <select className="input mono" aria-label={label} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {value !== undefined && !options.some((o) => o.treeSize === value) && <option value={value}>{formatCount(value)} (no checkpoint)</option>}
        {options.map((o) => (
          <option key={o.treeSize} value={o.treeSize}>
            {formatCount(o.treeSize)} · {formatTimeMs(o.createdAtMs)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="page">
      <div className="form-row">
        <h1 style={{ marginRight: 12, alignSelf: 'center' }}>Consistency</h1>
        {select('Old checkpoint', from, (v) => go({ from: v }))}
        {select('New checkpoint', to, (v) => go({ to: v }))}
        <button type="button" className="btn" onClick={() => go({ from: to, to: from })} disabled={!ready}>
          Swap
        </button>
        {(list.loading || proof.loading) && <Spinner />}
        {list.data && (
          <span className="muted" style={{ alignSelf: 'center' }}>
            {formatCount(list.data.total)} checkpoints stored
          </span>
        )}
      </div>
      {list.error && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.data && options.length === 0 && <div className="empty">The log has no checkpoint of a non-empty tree yet.</div>}
      {proof.error && <ErrorPanel error={proof.error} onRetry={proof.reload} />}
      {proof.data && !proof.error && <ConsistencyResult dto={proof.data} />}
    </div>
  );
}
