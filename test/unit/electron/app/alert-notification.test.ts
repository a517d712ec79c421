import { describe, expect, it } from 'vitest';
import { alertNotice } from '../../../../electron/app/alert-notification.js';

describe('alertNotice', () => {
  it('given alerts-changed with raised alerts, names the count', () => {
    expect(alertNotice('alerts-changed', { unacknowledged: 3, raised: 2 })).toEqual({
      title: '2 new monitor alerts',
      body: 'A watched key appeared in a mirrored log. 3 unacknowledged in all. Open Monitor to review.',
    });
    expect(alertNotice('alerts-changed', { unacknowledged: 1, raised: 1 })?.title).toBe('New monitor alert');
  });

  it.each([
    ['an acknowledgement (nothing raised)', 'alerts-changed', { unacknowledged: 0, raised: 0 }],
    ['another event', 'log-changed', { raised: 2 }],
    ['a payload that is not an object', 'alerts-changed', 'raised'],
    ['a negative count', 'alerts-changed', { unacknowledged: 1, raised: -1 }],
    ['a fractional count', 'alerts-changed', { unacknowledged: 1, raised: 0.5 }],
    ['a missing count', 'alerts-changed', { unacknowledged: 4 }],
  ])('given %s, shows nothing', (_what, name, payload) => {
    expect(alertNotice(name, payload)).toBeUndefined();
  });
});
