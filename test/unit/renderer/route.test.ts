import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../../renderer/src/app/route.js';

describe('parseRoute / formatRoute', () => {
  it.each<Route>([
    { view: 'dashboard' },
    { view: 'explorer' },
    { view: 'explorer', index: 42, q: 'sha256:ab' },
    { view: 'explorer', log: 'mirror one', index: 0 },
    { view: 'proof', index: 5, size: 31 },
    { view: 'consistency', from: 7, to: 31 },
    { view: 'verify' },
    { view: 'sign' },
    { view: 'sign', key: 'release-2026' },
    { view: 'keys' },
    { view: 'keys', name: 'maintainer@example.org' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('reads anything unknown or malformed as the dashboard or drops the bad parameter', () => {
    expect(parseRoute('')).toEqual({ view: 'dashboard' });
    expect(parseRoute('#token=abc')).toEqual({ view: 'dashboard' });
    expect(parseRoute('#/proof?index=-1&size=1e3')).toEqual({ view: 'proof' });
    expect(parseRoute('#/explorer?index=99999999999999999999')).toEqual({ view: 'explorer' });
  });
});
