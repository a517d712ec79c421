import { forwardRef, memo, useCallback, useSyncExternalStore } from 'react';
import { EntryList, type EntryListHandle } from './EntryList.js';
import { rowsToLoad, type EntryPages } from './entry-pages.js';

export interface LogEntryListProps {
  readonly pages: EntryPages;
  /** The log index of the list's first row (logs beyond a million rows are shown a window at a time). */
  readonly windowStart: number;
  readonly count: number;
  /** Position in the window, not log index. */
  readonly selected: number | undefined;
  onSelect(position: number): void;
  onOpen(position: number): void;
}

/**
 * A log's rows as they are paged in. It subscribes to the pages itself, so a page arriving
 * re-renders this list only, not the Explorer around it and its entry detail.
 */
export const LogEntryList = memo(
  forwardRef<EntryListHandle, LogEntryListProps>(function LogEntryList({ pages, windowStart, count, selected, onSelect, onOpen }, ref) {
    const version = useSyncExternalStore(
      useCallback((listener: () => void) => pages.subscribe(listener), [pages]),
      () => pages.version(),
    );
    const onVisibleRange = useCallback(
      (first: number, last: number) => {
        const wanted = rowsToLoad(first, last, count);
        pages.ensure(windowStart + wanted.first, windowStart + wanted.last);
      },
      [pages, windowStart, count],
    );
    const onSkim = useCallback(() => pages.withdraw(), [pages]);
    return (
      <EntryList
        ref={ref}
        label="Entries"
        count={count}
        rowAt={(p) => pages.row(windowStart + p)}
        logIndexAt={(p) => windowStart + p}
        selected={selected}
        onSelect={onSelect}
        onOpen={onOpen}
        onVisibleRange={onVisibleRange}
        onSkim={onSkim}
        version={version}
      />
    );
  }),
);
