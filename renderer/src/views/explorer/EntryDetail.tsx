import { useMemo } from 'react';
import type { EntryDetailDto } from '../../../../shared/api/index.js';
import { fromHex } from '../../../../shared/encoding/index.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { CheckList, VerdictBadge } from '../../components/Verdict.js';
import { formatBytes, formatCount, formatTimeSec } from '../../format/format.js';
import { verifyEntry } from '../../verify/verify-entry.js';
import { BodyView } from './BodyView.js';

const SEARCH_PREFIX: Readonly<Record<string, string>> = { sha256: 'sha256:', key_fingerprint: 'key:', email: 'email:', identity: 'email:', field: 'field:' };

function safeBody(hex: string): Uint8Array {
  try {
    return fromHex(hex);
  } catch {
    return new Uint8Array(0);
  }
}

export function EntryDetailView({ detail, onSearch, onOpenProof }: { detail: EntryDetailDto; onSearch: (query: string) => void; onOpenProof: () => void }) {
  const verification = useMemo(() => verifyEntry(detail), [detail]);
  const body = useMemo(() => safeBody(detail.body), [detail.body]);
  return (
    <article className="detail" aria-label={`Entry ${detail.logIndex}`}>
      <div className="detail-head">
        <h2 className="grow">Entry #{formatCount(detail.logIndex)}</h2>
        <VerdictBadge verdict={verification.verdict} big subject="Entry verification" />
      </div>
      <dl className="kv">
        <dt>UUID</dt>
        <dd>
          <Hash value={detail.uuid} full label="uuid" />
        </dd>
        <dt>Kind</dt>
        <dd className="kind">
          {detail.kind ? `${detail.kind} ${detail.apiVersion ?? ''}` : 'raw entry (no kind)'}
          {detail.kind && !detail.kindKnown && <span className="muted"> · not a kind this workbench knows</span>}
        </dd>
        <dt>Integrated</dt>
        <dd>{detail.integratedTime !== null ? `${formatTimeSec(detail.integratedTime)} (${detail.integratedTime})` : '—'}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(body.length)}</dd>
        <dt>Log</dt>
        <dd>
          {detail.origin} <span className="muted">({detail.log})</span>
        </dd>
        <dt>Proof</dt>
        <dd>
          {detail.inclusionProof.hashes.length} hashes, tree size {formatCount(detail.inclusionProof.treeSize)}
          {verification.signers.length > 0 && <span className="muted"> · checkpoint signed by {verification.signers.join(', ')}</span>}
        </dd>
      </dl>
      <section aria-label="Verification">
        <div className="row" style={{ marginBottom: 6 }}>
          <h3 className="grow">Verified in this window</h3>
          <button type="button" className="btn small" onClick={onOpenProof} title="Open in the proof viewer (p)">
            Proof viewer <kbd>p</kbd>
          </button>
        </div>
        <CheckList checks={verification.verdict.checks} label="Verification checks" />
      </section>
      {detail.indexKeys.length > 0 && (
        <section aria-label="Search keys">
          <h3 style={{ marginBottom: 6 }}>Search keys</h3>
          <div className="index-keys">
            {detail.indexKeys.map((k) => (
              <button key={`${k.type}:${k.value}`} type="button" className="chip" title={`Search ${k.type} ${k.value}`} onClick={() => onSearch(`${SEARCH_PREFIX[k.type] ?? ''}${k.value}`)}>
                <b>{k.type}</b>
                <span className="mono">{k.value}</span>
              </button>
            ))}
          </div>
        </section>
      )}
      <BodyView body={body} />
    </article>
  );
}

/** Loads one entry and shows it with the renderer's own verdict. */
export function EntryDetail({ log, logIndex, onSearch, onOpenProof }: { log: string; logIndex: number; onSearch: (query: string) => void; onOpenProof: () => void }) {
  const api = useWorkbench();
  const entry = useCall(`entry:${log}:${logIndex}`, () => api.entries.get({ log, logIndex }));
  if (entry.error) {
    return (
      <div className="detail">
        <ErrorPanel error={entry.error} onRetry={entry.reload} />
      </div>
    );
  }
  if (!entry.data) {
    return (
      <div className="detail">
        <Spinner label="Loading entry" />
      </div>
    );
  }
  // While the next entry loads, the previous one stays (dimmed) rather than flashing a spinner.
  const stale = entry.data.logIndex !== logIndex;
  return (
    <div className={stale ? 'stale' : undefined} aria-busy={stale}>
      <EntryDetailView detail={entry.data} onSearch={onSearch} onOpenProof={onOpenProof} />
    </div>
  );
}
