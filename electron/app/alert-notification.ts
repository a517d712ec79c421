/**
 * What the desktop notification says when the engine reports new alerts. Pure (no `electron`
 * import) so it is unit-tested; main.ts only shows it. Browser mode never notifies: there the
 * page's badge is the only signal.
 */

export interface AlertNotice {
  readonly title: string;
  readonly body: string;
}

/**
 * Returns the notice for an engine event, or undefined when it is not an `alerts-changed` event
 * that raised alerts (an acknowledgement lowers the count and must not notify).
 */
export function alertNotice(name: string, payload: unknown): AlertNotice | undefined {
  if (name !== 'alerts-changed' || typeof payload !== 'object' || payload === null) return undefined;
  const { raised, unacknowledged } = payload as { raised?: unknown; unacknowledged?: unknown };
  if (typeof raised !== 'number' || !Number.isSafeInteger(raised) || raised <= 0) return undefined;
  const open = typeof unacknowledged === 'number' && Number.isSafeInteger(unacknowledged) ? unacknowledged : raised;
  return {
    title: raised === 1 ? 'New monitor alert' : `${raised} new monitor alerts`,
    body: `A watched key appeared in a mirrored log. ${open} unacknowledged in all. Open Monitor to review.`,
  };
}
