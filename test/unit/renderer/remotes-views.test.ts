import { describe, expect, it } from 'vitest';
import type { AuditReportDto, SyncTaskDto, TaskDto } from '../../../shared/api/index.js';
import { withProgress } from '../../../renderer/src/api/task-progress.js';
import { formatEta } from '../../../renderer/src/format/eta.js';
import { auditFileName, auditReportHtml, auditReportJson, problemPlace } from '../../../renderer/src/views/audit/audit-report-file.js';
import { addRemoteInput } from '../../../renderer/src/views/remotes/add-remote-input.js';
import { problemsByField } from '../../../renderer/src/api/use-validated-form.js';
import { forkIdOf } from '../../../renderer/src/views/remotes/fork-of-task.js';
import { hasOnlyPemKeys } from '../../../renderer/src/verify/pem-key.js';
import { validateApiInput } from '../../../shared/api/index.js';
import { formatRoute, parseRoute, type Route } from '../../../renderer/src/app/route.js';

const running: SyncTaskDto = { id: 'sync-0123456789abcdef', kind: 'sync', subject: 'gosum', state: 'running', startedAtMs: 0, finishedAtMs: null, progress: null, error: null, result: null };

describe('withProgress', () => {
  it('applies its own task’s event, and ignores other tasks’ and events after the end', () => {
    const event = { task: running.id, label: 'Sync gosum', done: 4096, total: 20000, ratePerSec: 8000, etaSec: 2 };
    expect(withProgress(running, event).progress).toEqual({ label: 'Sync gosum', done: 4096, total: 20000, ratePerSec: 8000, etaSec: 2 });
    expect(withProgress(running, { ...event, task: 'sync-ffffffffffffffff' })).toBe(running);
    const done: TaskDto = { ...running, state: 'done' };
    expect(withProgress(done, event)).toBe(done);
  });
});

describe('forkIdOf', () => {
  it('finds the fork id of a sync that failed with fork_detected, and nothing otherwise', () => {
    expect(forkIdOf({ ...running, state: 'failed', error: { family: 'fork', code: 'fork_detected', message: 'm', details: { forkId: 3 } } })).toBe(3);
    expect(forkIdOf({ ...running, state: 'failed', error: { family: 'verification', code: 'entries_invalid', message: 'm', details: { forkId: 3 } } })).toBeUndefined();
    expect(forkIdOf(running)).toBeUndefined();
  });
});

describe('formatEta', () => {
  it.each([
    [0.2, '1 s'],
    [59, '59 s'],
    [125, '2 min 5 s'],
    [3725, '1 h 2 min'],
  ])('%s s → %s', (sec, text) => expect(formatEta(sec)).toBe(text));
});

describe('the add-remote form', () => {
  it('trims fields, leaves an empty origin out, and maps the shared schema’s problems to its fields', () => {
    const input = addRemoteInput({ name: ' gosum ', type: 'sumdb', url: ' https://sum.golang.org ', key: ' k+1+A ', origin: '  ' });
    expect(input).toEqual({ name: 'gosum', type: 'sumdb', url: 'https://sum.golang.org', key: 'k+1+A' });
    const problems = problemsByField(validateApiInput('remotes.add', addRemoteInput({ name: '', type: 'tiles', url: 'nope', key: 'k', origin: '' })));
    expect([...problems.keys()].sort()).toEqual(['/name', '/url']);
    expect(problems.get('/url')).toMatch(/http/);
  });
});

const report: AuditReportDto = {
  ok: false,
  log: 'gosum',
  origin: 'go.sum database tree',
  treeSize: 20000,
  rootHash: 'ab'.repeat(32),
  entriesChecked: 20000,
  checkpointsChecked: 1,
  tilesChecked: 80,
  typedEntriesChecked: 0,
  problems: [
    { index: 1234, code: 'leaf_hash_mismatch', problem: 'entry 1234 <script>alert(1)</script> hashes to …', where: { table: 'entry_bundles', bundle: 4 } },
    { index: null, code: 'tile_node_altered', problem: 'tile 0/4 differs', where: { table: 'tiles', level: 0, tileIndex: 4 } },
  ],
  problemsOmitted: 2,
  notes: [{ index: null, code: 'fork_evidence', note: 'a & b' }],
};

describe('audit report files', () => {
  it('names each problem’s place', () => {
    expect(problemPlace(report.problems[0]!)).toBe('entry 1234 (entry_bundles bundle 4)');
    expect(problemPlace(report.problems[1]!)).toBe('tiles level 0 tileIndex 4');
    expect(problemPlace({ index: 7, code: 'x', problem: 'p' })).toBe('entry 7');
  });

  it('exports the report as JSON that parses back to it', () => {
    expect(JSON.parse(auditReportJson(report))).toEqual(report);
    expect(auditFileName(report, Date.UTC(2026, 10, 25, 14, 5, 9), 'html')).toBe('audit-gosum-2026-11-25T140509Z.html');
  });

  it('writes printable HTML with the verdict, every problem and the count, escaping stored text', () => {
    const html = auditReportHtml(report, Date.UTC(2026, 10, 25));
    expect(html).toContain('FAIL: 4 problems found');
    expect(html).toContain('<td class="num">1234</td>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('2 more problems were found but not listed');
    expect(auditReportHtml({ ...report, ok: true, problems: [], problemsOmitted: 0, notes: [] }, 0)).toContain('PASS: the stored log verifies offline');
  });
});

describe('the remotes, fork and audit routes', () => {
  it.each<Route>([{ view: 'remotes' }, { view: 'remotes', name: 'gosum' }, { view: 'fork', id: 3 }, { view: 'fork' }, { view: 'audit' }, { view: 'audit', log: 'gosum' }])('round-trip %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('drops a malformed fork id', () => {
    expect(parseRoute('#/fork?id=-1')).toEqual({ view: 'fork' });
  });
});

describe('hasOnlyPemKeys', () => {
  it('is true for a Rekor v1 log’s PEM keys only, never for C2SP vkeys or no keys', () => {
    expect(hasOnlyPemKeys(['-----BEGIN PUBLIC KEY-----\nMFkw…\n-----END PUBLIC KEY-----\n'])).toBe(true);
    expect(hasOnlyPemKeys(['sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ada3TYrRAQJP6TBi'])).toBe(false);
    expect(hasOnlyPemKeys(['-----BEGIN PUBLIC KEY-----\n…', 'log.example+1234abcd+AQ'])).toBe(false);
    expect(hasOnlyPemKeys([])).toBe(false);
  });
});
