import { describe, expect, it } from 'vitest';
import { SKIM_SETTLE_MS, SkimDetector } from '../../../renderer/src/views/explorer/skimming.js';

const VIEWPORT = 800;
const FRAME = 1000 / 60;

describe('SkimDetector', () => {
  it('skims during a fling (long moves frame after frame) and settles SKIM_SETTLE_MS after the last one', () => {
    const skim = new SkimDetector();
    expect(skim.update(0, VIEWPORT, 0)).toBe(false);
    // The first long move has no move before it: it could be a lone jump.
    expect(skim.update(200_000, VIEWPORT, FRAME)).toBe(false);
    let t = FRAME;
    for (let i = 2; i <= 10; i++) expect(skim.update(i * 200_000, VIEWPORT, (t = i * FRAME))).toBe(true);
    expect(skim.settlesIn(t)).toBe(SKIM_SETTLE_MS);
    // Standing still: still skimming until the settle time has passed since the last long move.
    expect(skim.update(2_000_000, VIEWPORT, t + SKIM_SETTLE_MS - 1)).toBe(true);
    expect(skim.settlesIn(t + SKIM_SETTLE_MS - 1)).toBe(1);
    expect(skim.update(2_000_000, VIEWPORT, t + SKIM_SETTLE_MS)).toBe(false);
    expect(skim.settlesIn(t + SKIM_SETTLE_MS)).toBe(0);
  });

  it('does not skim a steady scroll, however long, nor a lone jump such as End', () => {
    const skim = new SkimDetector();
    skim.update(0, VIEWPORT, 0);
    for (let i = 1; i <= 600; i++) expect(skim.update(i * 200, VIEWPORT, i * FRAME)).toBe(false);
    // A jump a second later: no move just before it.
    expect(skim.update(26_000_000, VIEWPORT, 1000 + 600 * FRAME)).toBe(false);
  });

  it('keeps skimming through slower moves until the fling has settled', () => {
    const skim = new SkimDetector();
    skim.update(0, VIEWPORT, 0);
    skim.update(100_000, VIEWPORT, FRAME);
    expect(skim.update(200_000, VIEWPORT, 2 * FRAME)).toBe(true);
    // The fling slows down: short moves neither end nor extend the skim.
    expect(skim.update(200_300, VIEWPORT, 3 * FRAME)).toBe(true);
    expect(skim.update(200_400, VIEWPORT, 2 * FRAME + SKIM_SETTLE_MS)).toBe(false);
  });
});
