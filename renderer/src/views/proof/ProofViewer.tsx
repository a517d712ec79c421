import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { EntryDetailDto } from '../../../../shared/api/index.js';
import { toHex } from '../../../../shared/encoding/index.js';
import { useCall, useEventCounter } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { hasCommandModifier, isTypingTarget } from '../../app/keys.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { VerificationPanel } from '../../components/Verdict.js';
import { formatCount, formatRange } from '../../format/format.js';
import { inclusionNodes, WHOLE_TREE_MAX } from '../../proof/inclusion-nodes.js';
import { RangePicture } from '../../proof/RangePicture.js';
import { inclusionPath } from '../../proof/tree-ranges.js';
import { verifyEntry } from '../../verify/verify-entry.js';

type ProofRoute = Extract<Route, { view: 'proof' }>;

function ProofDetail({ detail, navigate, log }: { detail: EntryDetailDto; navigate: (r: Route) => void; log: string | undefined }) {
  const verification = useMemo(() => verifyEntry(detail), [detail]);
  const { logIndex: index } = detail;
  const size = detail.inclusionProof.treeSize;
  const proof = detail.inclusionProof.hashes;
  const results = verification.steps?.map((s) => toHex(s.result));
  const steps = results?.length ?? 0;
  const [stage, setStage] = useState(steps);
  useEffect(() => setStage(steps), [steps, index, size]);
  const levels = useMemo(() => inclusionPath(index, size), [index, size]);
  const signedRoot = verification.checkpoint ? toHex(verification.checkpoint.rootHash) : undefined;
  const computedRoot = verification.computedRoot ? toHex(verification.computedRoot) : undefined;
  const rootMatches = signedRoot !== undefined && computedRoot !== undefined ? signedRoot === computedRoot : undefined;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || hasCommandModifier(event)) return;
      const moves: Record<string, (s: number) => number> = {
        ArrowRight: (s) => s + 1,
        ArrowLeft: (s) => s - 1,
        Home: () => 0,
        End: () => steps,
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        setStage((s) => Math.max(0, Math.min(steps, move(s))));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [steps]);

  const nodes = inclusionNodes({ index, size, proof, results, leafHash: verification.leafHash ? toHex(verification.leafHash) : undefined, stage, rootMatches }).map((n) => ({
    ...n,
    ...(n.stage !== undefined ? { onClick: () => setStage(n.stage!) } : {}),
  }));
  const siblingSide = new Map(levels.map((l) => [l.proofIndex, l]));

  return (
    <div className="proof-layout">
      <section className="panel" aria-label="Merkle tree picture">
        <div className="panel-head">
          <h2 className="grow">
            Entry #{formatCount(index)} in tree size {formatCount(size)}
          </h2>
          <span className="muted">{size <= WHOLE_TREE_MAX ? 'whole tree' : 'proof path only'}</span>
        </div>
        <div className="panel-body picture">
          <RangePicture size={size} nodes={nodes} label={`Inclusion proof of leaf ${index} in a tree of ${size} leaves`} />
          <div className="legend">
            <span>
              <span className="swatch leaf" />
              leaf
            </span>
            <span>
              <span className="swatch path" />
              path, recomputed here
            </span>
            <span>
              <span className="swatch sibling" />
              proof hash (sibling)
            </span>
            <span className="faint">x axis: leaf index · click a node or use ←/→ to step</span>
          </div>
        </div>
      </section>
      <div className="page" style={{ padding: 0 }}>
        <VerificationPanel verdict={verification.verdict} subject="Proof verification" checksLabel="Proof checks" />
        <section className="panel" aria-label="Recomputation steps">
          <div className="panel-head">
            <h2 className="grow">Step by step</h2>
            <button type="button" className="btn small" aria-label="Previous step" onClick={() => setStage((s) => Math.max(0, s - 1))} disabled={stage === 0}>
              ◂
            </button>
            <span className="muted" aria-live="polite">
              step {stage} / {steps}
            </span>
            <button type="button" className="btn small" aria-label="Next step" onClick={() => setStage((s) => Math.min(steps, s + 1))} disabled={stage === steps}>
              ▸
            </button>
          </div>
          <div className="panel-body">
            <table className="steps">
              <thead>
                <tr>
                  <th>#</th>
                  <th>computes</th>
                  <th>hash</th>
                </tr>
              </thead>
              <tbody>
                <tr className={stage === 0 ? 'current' : ''} onClick={() => setStage(0)}>
                  <td>0</td>
                  <td>H(0x00 ‖ body) · leaf {formatCount(index)}</td>
                  <td className="hash">{verification.leafHash ? toHex(verification.leafHash).slice(0, 16) : '—'}…</td>
                </tr>
                {verification.steps?.map((s, j) => {
                  const level = siblingSide.get(j);
                  return (
                    <tr key={j} className={stage === j + 1 ? 'current' : ''} onClick={() => setStage(j + 1)}>
                      <td>{j + 1}</td>
                      <td>
                        {s.siblingOnLeft ? `H(0x01 ‖ p${j} ‖ ·)` : `H(0x01 ‖ · ‖ p${j})`}
                        {level && <div className="faint">{formatRange(level.parent.start, level.parent.end)}</div>}
                      </td>
                      <td className="hash" title={toHex(s.result)}>
                        {toHex(s.result).slice(0, 16)}…
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <td />
                  <td>signed checkpoint root</td>
                  <td className="hash">
                    {signedRoot ? `${signedRoot.slice(0, 16)}…` : '—'} {rootMatches === undefined ? '' : rootMatches ? '✓' : '✗'}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
        <section className="panel" aria-label="Checkpoint">
          <div className="panel-head">
            <h2 className="grow">Checkpoint</h2>
            <button type="button" className="btn small" onClick={() => navigate({ view: 'explorer', ...(log ? { log } : {}), index })}>
              Show entry
            </button>
          </div>
          <div className="panel-body">
            {detail.checkpoint ? (
              <>
                <pre className="note" aria-label="Signed checkpoint note">
                  {detail.checkpoint.note}
                </pre>
                <dl className="kv" style={{ marginTop: 8 }}>
                  <dt>Signed by</dt>
                  <dd>{verification.signers.length > 0 ? verification.signers.join(', ') : <span className="muted">no log key verified it</span>}</dd>
                  <dt>Root</dt>
                  <dd>{signedRoot ? <Hash value={signedRoot} chars={24} label="checkpoint root" /> : '—'}</dd>
                </dl>
              </>
            ) : (
              <div className="muted">No checkpoint was stored for tree size {formatCount(size)}.</div>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

export function ProofViewer({ route, navigate }: { route: ProofRoute; navigate: (r: Route, o?: { replace?: boolean }) => void }) {
  const api = useWorkbench();
  const log = route.log ?? 'local';
  const changes = useEventCounter('log-changed', (p) => (p as { log?: string }).log === log);
  const info = useCall(`info:${changes}`, () => api.log.info());
  const treeSize = info.data?.logs.find((l) => l.name === log)?.treeSize;
  const [indexText, setIndexText] = useState(route.index === undefined ? '' : String(route.index));
  const [sizeText, setSizeText] = useState(route.size === undefined ? '' : String(route.size));
  useEffect(() => setIndexText(route.index === undefined ? '' : String(route.index)), [route.index]);
  useEffect(() => setSizeText(route.size === undefined ? '' : String(route.size)), [route.size]);
  const key = route.index === undefined ? undefined : `proof:${log}:${route.index}:${route.size ?? 'current'}`;
  const entry = useCall(key, () => api.entries.get({ log, logIndex: route.index!, ...(route.size === undefined ? {} : { treeSize: route.size }) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const index = /^\d+$/.test(indexText.trim()) ? Number(indexText.trim()) : undefined;
    const size = /^\d+$/.test(sizeText.trim()) ? Number(sizeText.trim()) : undefined;
    navigate({ view: 'proof', ...(route.log ? { log: route.log } : {}), ...(index === undefined ? {} : { index }), ...(size === undefined ? {} : { size }) });
  }

  return (
    <div className="page">
      <form className="form-row" onSubmit={submit} aria-label="Choose the proof">
        <h1 style={{ marginRight: 12, alignSelf: 'center' }}>Proof viewer</h1>
        <label>
          <span className="field-label">Entry index</span>
          <input className="input mono" inputMode="numeric" aria-label="Entry index" value={indexText} onChange={(e) => setIndexText(e.target.value)} placeholder="0" />
        </label>
        <label>
          <span className="field-label">Tree size</span>
          <input className="input mono" inputMode="numeric" aria-label="Tree size" value={sizeText} onChange={(e) => setSizeText(e.target.value)} placeholder={treeSize === undefined ? 'current' : `${treeSize} (current)`} />
        </label>
        <button type="submit" className="btn primary">
          Show proof
        </button>
        {entry.loading && <Spinner label="Loading proof" />}
      </form>
      {route.index === undefined && <div className="empty">Choose an entry (or press p on one in the explorer) to see the Merkle path from its leaf to the signed root.</div>}
      {entry.error && <ErrorPanel error={entry.error} onRetry={entry.reload} />}
      {entry.data && !entry.error && <ProofDetail detail={entry.data} navigate={navigate} log={route.log} />}
    </div>
  );
}
