import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../../../renderer/src/app/route.js';

describe('the designer route', () => {
  it.each<Route>([{ view: 'designer' }, { view: 'designer', kind: 'release-record', version: '0.0.2' }])('round-trips %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });
});
