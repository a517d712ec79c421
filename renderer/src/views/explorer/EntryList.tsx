import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useReducer, useRef, type KeyboardEvent } from 'react';
import type { EntryRowDto } from '../../../../shared/api/index.js';
import { hasCommandModifier } from '../../app/keys.js';
import { formatBytes, formatCount, formatTimeShort } from '../../format/format.js';
import { SkimDetector } from './skimming.js';

export const ROW_HEIGHT = 26;

export interface EntryListProps {
  /** Rows in the list. */
  readonly count: number;
  /** Returns the row at a position, or undefined while its page loads. */
  rowAt(position: number): EntryRowDto | undefined;
  /** Returns the log index shown at a position (known before the row loads). */
  logIndexAt(position: number): number;
  readonly selected: number | undefined;
  onSelect(position: number): void;
  /** Enter or double-click: open the proof viewer. */
  onOpen(position: number): void;
  /** The rows on screen changed; not called while the list skims past rows (see SkimDetector). */
  onVisibleRange?(first: number, last: number): void;
  /** The list started skimming: the range reported last is no longer wanted. */
  onSkim?(): void;
  readonly label: string;
  /** Changes when loaded rows change, so the visible rows re-render. */
  readonly version: number;
  /** Where a newly mounted list scrolls the selection: the middle reads best after a jump. */
  readonly initialAlign?: 'center' | 'auto';
}

export interface EntryListHandle {
  focus(): void;
}

const RowCells = memo(function RowCells({ row, logIndex }: { row: EntryRowDto | undefined; logIndex: number }) {
  return (
    <>
      <span className="idx">{formatCount(logIndex)}</span>
      {row ? (
        <>
          <span className="hash" title={row.uuid}>
            {row.uuid.slice(0, 14)}…
          </span>
          <span className={`kind${row.kind ? '' : ' raw'}`}>{row.kind ? `${row.kind} ${row.apiVersion ?? ''}` : 'raw'}</span>
          <span className="muted">{row.integratedTime !== null ? formatTimeShort(row.integratedTime) : '—'}</span>
          <span className="muted num">{formatBytes(row.sizeBytes)}</span>
          <span className="preview">{row.preview ?? ''}</span>
        </>
      ) : (
        // One bar across the cells: a fling renders mostly rows whose page has not arrived yet.
        <span className="placeholder" />
      )}
    </>
  );
});

interface EntryRowProps {
  readonly position: number;
  readonly startPx: number;
  readonly row: EntryRowDto | undefined;
  readonly logIndex: number;
  readonly selected: boolean;
  readonly setSize: number;
  /** The list is skimming: the row shows its index only, as one text node (see SkimDetector). */
  readonly skim: boolean;
  onSelect(position: number): void;
  onOpen(position: number): void;
}

// Memoized with stable callbacks: while scrolling, rows already on screen keep their props, so only
// the rows coming into view render (the ui bench's steady scroll moves ~8 rows a frame of ~38).
const EntryRow = memo(function EntryRow({ position, startPx, row, logIndex, selected, setSize, skim, onSelect, onOpen }: EntryRowProps) {
  return (
    <div
      id={`entry-row-${position}`}
      role="option"
      aria-selected={selected}
      aria-posinset={position + 1}
      aria-setsize={setSize}
      aria-label={`Entry ${logIndex}`}
      data-log-index={logIndex}
      className={skim ? 'list-row skim' : 'list-row'}
      style={{ transform: `translateY(${startPx}px)` }}
      onMouseDown={() => onSelect(position)}
      onDoubleClick={() => onOpen(position)}
    >
      {skim ? formatCount(logIndex) : <RowCells row={row} logIndex={logIndex} />}
    </div>
  );
});

/**
 * The explorer's list: only the rows on screen exist in the DOM (@tanstack/react-virtual), so a
 * million-entry log scrolls like a short one; rows load by page as they come into view.
 * Keyboard: ↑/↓ or j/k, PageUp/PageDown, Home/End, Enter opens the proof.
 */
export const EntryList = forwardRef<EntryListHandle, EntryListProps>(function EntryList(props, ref) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Skimming is read from the virtualizer's own state (it holds the new offset when a scroll
  // renders), not the DOM: a layout read here would force a layout mid-scroll.
  const instance = useRef<Virtualizer<HTMLDivElement, Element>>(null);
  const skimDetector = useRef<SkimDetector>(null);
  skimDetector.current ??= new SkimDetector();
  const skimming = instance.current !== null && skimDetector.current.update(instance.current.scrollOffset ?? 0, instance.current.scrollRect?.height ?? 0, performance.now());
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows beyond the viewport are laid out and painted on every frame that changes the list: a
    // few cover a wheel step (~4 rows); a dozen each side made a fling frame half again as costly.
    // A skimming frame's rows are all gone by the next: none beyond the viewport.
    overscan: skimming ? 0 : 4,
  });
  instance.current = virtualizer;
  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);
  // The callers' handlers may be new on each render; the rows get stable ones so their memo holds.
  const latest = useRef(props);
  latest.current = props;
  const onSelect = useCallback((position: number) => latest.current.onSelect(position), []);
  const onOpen = useCallback((position: number) => latest.current.onOpen(position), []);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index;
  const last = items[items.length - 1]?.index;

  const [, settle] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!skimming) return;
    // Re-render once the list has settled, so the rows on screen come back in full.
    const timer = setTimeout(settle, skimDetector.current!.settlesIn(performance.now()) + 1);
    return () => clearTimeout(timer);
  });

  const onVisibleRange = props.onVisibleRange;
  useEffect(() => {
    // Rows only passed over while skimming are not loaded: the range is asked for once the list settles.
    if (first !== undefined && last !== undefined && !skimming) onVisibleRange?.(first, last);
  }, [first, last, onVisibleRange, props.count, skimming]);
  const onSkim = props.onSkim;
  useEffect(() => {
    if (skimming) onSkim?.();
  }, [skimming, onSkim]);

  const mounted = useRef(false);
  useEffect(() => {
    if (props.selected === undefined || props.selected >= props.count) return;
    virtualizer.scrollToIndex(props.selected, { align: mounted.current ? 'auto' : (props.initialAlign ?? 'center') });
    mounted.current = true;
    // Scroll only when the selection moves, not on every render.
  }, [props.selected, props.count]);

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (hasCommandModifier(event) || props.count === 0) return;
    const at = props.selected ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      j: at + 1,
      ArrowUp: at - 1,
      k: at - 1,
      PageDown: at + pageRows,
      PageUp: at - pageRows,
      Home: 0,
      g: 0,
      End: props.count - 1,
      G: props.count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      props.onSelect(Math.min(props.count - 1, Math.max(0, target)));
    } else if ((event.key === 'Enter' || event.key === 'p') && props.selected !== undefined) {
      event.preventDefault();
      props.onOpen(props.selected);
    }
  }

  const selectedId = props.selected !== undefined && items.some((i) => i.index === props.selected) ? `entry-row-${props.selected}` : undefined;
  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      tabIndex={0}
      role="listbox"
      aria-label={props.label}
      aria-activedescendant={selectedId}
      onKeyDown={onKeyDown}
      data-version={props.version}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => (
          <EntryRow
            key={item.key}
            position={item.index}
            startPx={item.start}
            row={skimming ? undefined : props.rowAt(item.index)}
            logIndex={props.logIndexAt(item.index)}
            selected={item.index === props.selected}
            setSize={props.count}
            skim={skimming}
            onSelect={onSelect}
            onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  );
});
