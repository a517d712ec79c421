/** How long the list keeps skimming after its last long jump; then the rows on screen load and render in full. */
export const SKIM_SETTLE_MS = 150;

/** A move longer than this share of the viewport replaces most rows on screen: nobody reads rows that fast. */
export const SKIM_JUMP_VIEWPORTS = 0.5;

/**
 * Tells when the list is skimming: moving by more than half a screen at a time, as a fling or a
 * scrollbar drag does, in a stream of moves. Every row of such a frame is new and gone by the next,
 * so the list draws each as its index only and loads no pages for it; the rows come back in full
 * once the list has stayed put (or moved slowly) for SKIM_SETTLE_MS.
 * A lone jump (End, a jump to an index) is not a skim: it shows full rows at once.
 */
export class SkimDetector {
  private lastOffset: number | undefined;
  private lastMoveAt = Number.NEGATIVE_INFINITY;
  private lastJumpAt = Number.NEGATIVE_INFINITY;

  /** Takes the list's scroll offset at `now` (ms); returns whether the list is skimming. */
  update(offsetPx: number, viewportPx: number, now: number): boolean {
    if (this.lastOffset !== undefined && offsetPx !== this.lastOffset) {
      const long = Math.abs(offsetPx - this.lastOffset) > viewportPx * SKIM_JUMP_VIEWPORTS;
      if (long && now - this.lastMoveAt < SKIM_SETTLE_MS) this.lastJumpAt = now;
      this.lastMoveAt = now;
    }
    this.lastOffset = offsetPx;
    return this.skimming(now);
  }

  skimming(now: number): boolean {
    return now - this.lastJumpAt < SKIM_SETTLE_MS;
  }

  /** Milliseconds until skimming ends, if no long jump comes first (0 when not skimming). */
  settlesIn(now: number): number {
    return Math.max(0, this.lastJumpAt + SKIM_SETTLE_MS - now);
  }
}
