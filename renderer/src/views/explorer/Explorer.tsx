import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { InputError, type SearchMatchDto } from '../../../../shared/api/index.js';
import { useCall, useEventCounter } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { hasCommandModifier, isTypingTarget } from '../../app/keys.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { formatCount } from '../../format/format.js';
import { parseSearchQuery, SEARCH_HELP } from '../../search/parse-search.js';
import { useDebounced } from '../../app/use-debounced.js';
import { lazyView } from '../../app/lazy-view.js';
import { EntryList, type EntryListHandle } from './EntryList.js';
import { LogEntryList } from './LogEntryList.js';
import { EntryPages, PAGE_ROWS } from './entry-pages.js';

/**
 * Rows per scrolling window. Browsers cap an element's height (Chromium near 33.5 M px); a million
 * 26 px rows fit, and bigger logs page through windows (a jump to any index always works).
 */
export const WINDOW_ROWS = 1_000_000;

type ExplorerRoute = Extract<Route, { view: 'explorer' }>;

// The detail verifies in the page (@noble's hashes and curves): loaded with the first selection,
// not before the list's first rows.
const EntryDetail = lazyView('the entry detail', () => import('./EntryDetail.js').then((m) => m.EntryDetail));

/** Runs every query of a search and merges the matches by (log, index). */
async function runSearch(api: ReturnType<typeof useWorkbench>, queries: ReturnType<typeof parseSearchQuery>, log: string): Promise<{ matches: SearchMatchDto[]; truncated: boolean }> {
  if (queries.kind !== 'search') return { matches: [], truncated: false };
  const answers = await Promise.all(queries.queries.map((q) => api.entries.search({ ...q, log })));
  const seen = new Map<string, SearchMatchDto>();
  for (const a of answers) for (const m of a.matches) seen.set(`${m.log}:${m.logIndex}`, m);
  return { matches: [...seen.values()].sort((a, b) => a.logIndex - b.logIndex), truncated: answers.some((a) => a.truncated) };
}

export function Explorer({ route, navigate }: { route: ExplorerRoute; navigate: (r: Route, o?: { replace?: boolean }) => void }) {
  const api = useWorkbench();
  const log = route.log ?? 'local';
  const changes = useEventCounter('log-changed', (p) => (p as { log?: string }).log === log);
  const info = useCall(`info:${changes}`, () => api.log.info());
  const summary = info.data?.logs.find((l) => l.name === log);
  const treeSize = summary?.treeSize ?? 0;

  const pages = useMemo(() => new EntryPages((start, count) => api.entries.list({ log, start, count }).then((p) => p.rows)), [api, log]);
  useEffect(() => () => pages.dispose(), [pages]);
  const lastSize = useRef(treeSize);
  useEffect(() => {
    // The last page was partial: it may hold more rows now.
    if (treeSize > lastSize.current) pages.invalidateFrom(Math.floor(lastSize.current / PAGE_ROWS) * PAGE_ROWS);
    lastSize.current = treeSize;
  }, [treeSize, pages]);

  const [text, setText] = useState(route.q ?? '');
  useEffect(() => setText(route.q ?? ''), [route.q]);
  const intent = useMemo(() => parseSearchQuery(route.q ?? ''), [route.q]);
  const search = useCall(intent.kind === 'search' ? `search:${log}:${route.q}:${changes}` : undefined, () => runSearch(api, intent, log));
  const searching = intent.kind === 'search';

  const windowStart = Math.floor((route.index ?? 0) / WINDOW_ROWS) * WINDOW_ROWS;
  const windowCount = Math.max(0, Math.min(WINDOW_ROWS, treeSize - windowStart));
  const results = search.data?.matches ?? [];

  const listRef = useRef<EntryListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [typedError, setTypedError] = useState<string | undefined>(undefined);
  // The list may remount (search ↔ log) before it can take the focus: focus it after the render.
  const focusListNext = useRef(false);
  useEffect(() => {
    if (focusListNext.current) {
      focusListNext.current = false;
      listRef.current?.focus();
    }
  });

  const select = useCallback((index: number) => navigate({ view: 'explorer', ...(route.log ? { log: route.log } : {}), index, ...(route.q ? { q: route.q } : {}) }, { replace: true }), [navigate, route.log, route.q]);
  const openProof = useCallback((index: number) => navigate({ view: 'proof', ...(route.log ? { log: route.log } : {}), index }), [navigate, route.log]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseSearchQuery(text);
    setTypedError(undefined);
    switch (parsed.kind) {
      case 'empty':
        navigate({ view: 'explorer', ...(route.log ? { log: route.log } : {}), ...(route.index !== undefined ? { index: route.index } : {}) }, { replace: true });
        break;
      case 'index':
        navigate({ view: 'explorer', ...(route.log ? { log: route.log } : {}), index: parsed.logIndex });
        focusListNext.current = true;
        break;
      case 'search':
        navigate({ view: 'explorer', ...(route.log ? { log: route.log } : {}), q: text.trim(), ...(route.index !== undefined ? { index: route.index } : {}) });
        break;
      case 'invalid':
        setTypedError(parsed.message);
        break;
    }
  }

  // Keyboard first: arriving in the explorer puts the focus on the list (or the search box when searching).
  useEffect(() => {
    if (route.q) searchRef.current?.focus();
    else listRef.current?.focus();
    // Only on arrival: later route changes leave the focus where the user put it.
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTypingTarget(event.target) && !hasCommandModifier(event)) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const clearSearch = () => {
    setText('');
    setTypedError(undefined);
    navigate({ view: 'explorer', ...(route.log ? { log: route.log } : {}), ...(route.index !== undefined ? { index: route.index } : {}) }, { replace: true });
    focusListNext.current = true;
  };

  // Stable, so the log's list does not re-render when the Explorer does.
  const selectInWindow = useCallback((position: number) => select(windowStart + position), [select, windowStart]);
  const openInWindow = useCallback((position: number) => openProof(windowStart + position), [openProof, windowStart]);
  const detailIndex = useDebounced(route.index, 60);
  const indexValid = route.index !== undefined && route.index < treeSize;

  return (
    <div className="explorer">
      <div className="explorer-list">
        <form className="explorer-tools" role="search" onSubmit={submit}>
          <input
            ref={searchRef}
            className="input mono"
            type="search"
            aria-label="Search entries"
            placeholder={`Search: ${SEARCH_HELP}   ( / )`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                clearSearch();
              } else if (e.key === 'ArrowDown') {
                e.preventDefault();
                listRef.current?.focus();
              }
            }}
          />
          <button type="submit" className="btn">
            Go
          </button>
        </form>
        {typedError && (
          <div className="search-note invalid" role="alert">
            {typedError}
          </div>
        )}
        {searching && (
          <div className="search-note" aria-live="polite">
            {search.loading && <Spinner label="Searching" />}
            <span className="grow" data-testid="search-summary">
              {search.data ? `${formatCount(results.length)}${search.data.truncated ? '+' : ''} match${results.length === 1 ? '' : 'es'} for ${intent.label}` : `Searching ${intent.label}…`}
            </span>
            <button type="button" className="btn small" onClick={clearSearch}>
              Clear <kbd>Esc</kbd>
            </button>
          </div>
        )}
        {!searching && (
          <div className="search-note">
            <span className="grow">
              {summary ? `${formatCount(treeSize)} entries in ${summary.origin}` : info.loading ? 'Loading…' : ''}
              {treeSize > WINDOW_ROWS && ` · showing ${formatCount(windowStart)}–${formatCount(windowStart + windowCount - 1)}`}
            </span>
            {treeSize > WINDOW_ROWS && (
              <>
                <button type="button" className="btn small" disabled={windowStart === 0} onClick={() => select(windowStart - WINDOW_ROWS)}>
                  ◂ Previous million
                </button>
                <button type="button" className="btn small" disabled={windowStart + WINDOW_ROWS >= treeSize} onClick={() => select(windowStart + WINDOW_ROWS)}>
                  Next million ▸
                </button>
              </>
            )}
          </div>
        )}
        <div className="list-head" aria-hidden="true">
          <span style={{ textAlign: 'right', paddingRight: 6 }}>Index</span>
          <span>UUID</span>
          <span>Kind</span>
          <span>Integrated</span>
          <span className="num">Size</span>
          <span>Content</span>
        </div>
        {info.error && <ErrorPanel error={info.error} onRetry={info.reload} />}
        {search.error && <ErrorPanel error={search.error} onRetry={search.reload} />}
        {searching ? (
          search.data && results.length === 0 ? (
            <div className="empty">No entries match {intent.label}.</div>
          ) : (
            <EntryList
              key={`search:${route.q}`}
              ref={listRef}
              label="Search results"
              count={results.length}
              rowAt={(p) => results[p]}
              logIndexAt={(p) => results[p]?.logIndex ?? 0}
              selected={(() => {
                const p = results.findIndex((r) => r.logIndex === route.index);
                return p < 0 ? undefined : p;
              })()}
              onSelect={(p) => results[p] && select(results[p].logIndex)}
              onOpen={(p) => results[p] && openProof(results[p].logIndex)}
              version={results.length}
            />
          )
        ) : treeSize === 0 && summary ? (
          <div className="empty">This log has no entries yet.</div>
        ) : (
          <LogEntryList
            key={`log:${log}:${windowStart}`}
            ref={listRef}
            pages={pages}
            windowStart={windowStart}
            count={windowCount}
            selected={route.index !== undefined && route.index >= windowStart && route.index < windowStart + windowCount ? route.index - windowStart : undefined}
            onSelect={selectInWindow}
            onOpen={openInWindow}
          />
        )}
      </div>
      <div className="explorer-detail" aria-label="Entry detail" role="region">
        {route.index === undefined ? (
          <div className="empty">Select an entry (↑/↓, j/k) to see its body and verify it here, in this window.</div>
        ) : !indexValid && summary ? (
          <div className="detail">
            <ErrorPanel
              error={new InputError('index_out_of_range', `entry index ${formatCount(route.index)} is out of range: the log has ${formatCount(treeSize)} entries`, undefined, { hint: 'choose an index below the tree size' })}
            />
          </div>
        ) : detailIndex !== undefined && indexValid ? (
          <EntryDetail log={log} logIndex={detailIndex} onSearch={(q) => navigate({ view: 'explorer', ...(route.log ? { log: route.log } : {}), q, index: detailIndex })} onOpenProof={() => openProof(detailIndex)} />
        ) : null}
      </div>
    </div>
  );
}
