/**
 * The Monitor view's pure parts: where an alert leads, what its row says, the add-watch input the
 * form sends (checked by the same schema as the engine), and the route.
 */
import { describe, expect, it } from 'vitest';
import { validateApiInput, type AlertDto } from '../../../shared/api/index.js';
import { formatRoute, parseRoute } from '../../../renderer/src/app/route.js';
import { alertTarget } from '../../../renderer/src/views/monitor/AlertsPanel.js';
import { addWatchInput } from '../../../renderer/src/views/monitor/AddWatchForm.js';
import { alertSubject } from '../../../renderer/src/views/monitor/watch-labels.js';

const DIGEST = 'ab'.repeat(32);
const entryAlert: AlertDto = { id: 3, kind: 'entry', watch: 1, key: { type: 'sha256', value: DIGEST }, remote: 'upstream', logIndex: 41, uuid: 'cd'.repeat(32), fork: null, state: 'new', createdAtMs: 0 };
const forkAlert: AlertDto = { id: 4, kind: 'fork', watch: null, key: null, remote: 'upstream', logIndex: null, uuid: null, fork: { id: 2, olderSize: 10, newerSize: 12 }, state: 'new', createdAtMs: 0 };

describe('alertTarget', () => {
  it('given an entry alert, leads to the entry in the mirror’s explorer', () => {
    expect(alertTarget(entryAlert)).toEqual({ view: 'explorer', log: 'upstream', index: 41 });
  });

  it('given a fork alert, leads to the fork evidence', () => {
    expect(alertTarget(forkAlert)).toEqual({ view: 'fork', id: 2 });
  });

  it('given a fork alert whose evidence is gone, leads nowhere', () => {
    expect(alertTarget({ ...forkAlert, fork: null })).toBeUndefined();
  });
});

describe('alertSubject', () => {
  it('names the watched key, or the fork’s sizes', () => {
    expect(alertSubject(entryAlert)).toBe(`digest ${DIGEST}`);
    expect(alertSubject({ ...entryAlert, key: { type: 'key_fingerprint', value: 'ef01' } })).toBe('key ef01');
    expect(alertSubject(forkAlert)).toBe('fork: sizes 10 and 12 conflict');
  });
});

describe('addWatchInput', () => {
  it('trims the value and leaves the remote out for every mirror; the engine’s schema accepts it', () => {
    const input = addWatchInput({ type: 'sha256', value: `  ${DIGEST}\n`, remote: '' });
    expect(input).toEqual({ type: 'sha256', value: DIGEST });
    expect(validateApiInput('monitor.addWatch', input)).toEqual([]);
    expect(addWatchInput({ type: 'email', value: '*@example.org', remote: 'upstream' })).toEqual({ type: 'email', value: '*@example.org', remote: 'upstream' });
  });

  it('given a bad value, the schema names /value for the form to underline', () => {
    expect(validateApiInput('monitor.addWatch', addWatchInput({ type: 'field', value: 'no equals', remote: '' })).map((p) => p.pointer)).toEqual(['/value']);
  });
});

describe('the monitor route', () => {
  it('round-trips', () => {
    expect(parseRoute(formatRoute({ view: 'monitor' }))).toEqual({ view: 'monitor' });
    expect(formatRoute({ view: 'monitor' })).toBe('#/monitor');
  });
});
