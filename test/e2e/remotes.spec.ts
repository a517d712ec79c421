/**
 * Remotes, Fork evidence and Audit views end to end: a loopback Go checksum database (gotlog
 * sumdb-server, Go's own x/mod code) mirrored with the progress bar, cancelled and resumed, then
 * seen in the dashboard and explorer; an equivocating server's fork shown and exported as evidence
 * that `provwb verify evidence` accepts; an audit that finds a byte flipped on disk.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildGotlog } from '../helpers/gotlog.js';
import { startGotlogServer, type GotlogServer } from '../helpers/gotlog-server.js';
import { expect, shot, test } from './fixtures.js';
import { tamperEntryBody } from './support/seed.js';

/** gotlog's path, or the test is skipped with the reason (no Go on this machine). */
function gotlog(): string {
  const built = buildGotlog();
  test.skip(built.path === undefined, built.skipReason ?? '');
  return built.path!;
}

async function sumdb(args: readonly string[]): Promise<GotlogServer> {
  const server = await startGotlogServer(gotlog(), 'sumdb-server', ['-addr', '127.0.0.1:0', ...args]);
  return server;
}

/** Fills and submits the add-remote form. */
async function addRemote(app: Page, name: string, url: string, key: string): Promise<void> {
  const form = app.getByRole('form', { name: 'Add a remote' });
  await form.getByLabel('Remote name').fill(name);
  await form.getByLabel('Remote type').selectOption('sumdb');
  await form.getByLabel('Remote URL').fill(url);
  await form.getByLabel('Log key').fill(key);
  await form.getByRole('button', { name: 'Add remote' }).click();
  await expect(app.getByRole('table', { name: 'Remotes' }).locator(`tr[data-remote="${name}"]`)).toBeVisible();
}

test.describe('remotes view', () => {
  test.use({ seed: 'empty' });

  test('mirrors a 200 000-record Go checksum database with a progress bar, cancels, resumes, and shows the mirror', async ({ app }, testInfo) => {
    test.setTimeout(240_000);
    const server = await sumdb(['-n', '200000', '-seed', 'e2e', '-name', 'sum.e2e.test']);
    try {
      await app.keyboard.press('8');
      await expect(app.getByText('No remotes yet.')).toBeVisible();
      await app.getByRole('button', { name: 'Add remote…' }).click();

      // The form checks with the engine's own schema before sending, and shows the engine's refusals.
      const form = app.getByRole('form', { name: 'Add a remote' });
      await form.getByLabel('Remote URL').fill('ftp://example.org');
      await form.getByRole('button', { name: 'Add remote' }).click();
      await expect(form.getByLabel('Remote name')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByLabel('Remote URL')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.locator('#remote-url-problem')).toContainText('http://, https:// or file://');
      await form.getByLabel('Remote name').fill('gosum');
      await form.getByLabel('Remote URL').fill(server.url);
      await form.getByLabel('Log key').fill('sum.e2e.test+00000000+notakey');
      await form.getByRole('button', { name: 'Add remote' }).click();
      await expect(form.getByRole('alert').filter({ hasText: 'key_invalid' })).toBeVisible();
      await shot(app, testInfo, 'remotes-add-invalid');
      await form.getByLabel('Log key').fill(server.vkey!);
      await form.getByRole('button', { name: 'Add remote' }).click();
      const row = app.getByRole('table', { name: 'Remotes' }).locator('tr[data-remote="gosum"]');
      await expect(row).toContainText('never synced');

      const panel = app.getByRole('region', { name: 'Sync gosum' });
      await panel.getByRole('button', { name: 'Sync', exact: true }).click();
      const bar = panel.getByTestId('task-bar');
      await expect(bar).toBeVisible();
      await expect(bar.getByTestId('task-count')).toHaveText(/^[\d,]+ \/ 200,000 · \d+%$/);
      await expect(bar).toContainText(/entries\/s/);
      await shot(app, testInfo, 'remotes-sync-progress');
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await expect(panel.getByRole('status')).toContainText(/Cancelled\. sync cancelled; the mirror keeps the \d+ entries/);
      const kept = Number(/keeps the (\d+) entries/.exec((await panel.getByRole('status').textContent())!)![1]);
      await expect(row.getByTestId('mirrored-size')).toHaveText(kept.toLocaleString('en-US'));
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(200_000);

      await panel.getByRole('button', { name: 'Resume sync' }).click();
      await expect(panel.getByRole('status')).toContainText(`Mirrored 200,000 entries (${(200_000 - kept).toLocaleString('en-US')} downloaded), verified against the signed checkpoint of size 200,000`, { timeout: 120_000 });
      await expect(row.getByTestId('mirrored-size')).toHaveText('200,000');
      await expect(row).toContainText('✓ mirrored');
      const history = app.getByRole('table', { name: 'Checkpoints' });
      await expect(history.locator('tr[data-source="fetched"]').first()).toContainText('200,000');
      await expect(history.locator('tr[data-source="fetched"]').first()).toContainText('✓ log key');
      // The workbench's witness cosigns the verified checkpoint; the page verifies the cosignature itself.
      await panel.getByRole('button', { name: 'Cosign' }).click();
      await expect(panel.getByRole('status').filter({ hasText: 'Cosigned' })).toContainText('Cosigned size 200,000 as e2e.example/empty/witness');
      await expect(history.locator('tr[data-source="cosigned"]')).toContainText('✓ e2e.example/empty/witness at');
      await shot(app, testInfo, 'remotes-synced', { fullPage: true });
      await app.emulateMedia({ colorScheme: 'dark' });
      await shot(app, testInfo, 'remotes-synced-dark', { fullPage: true });
      await app.emulateMedia({ colorScheme: 'light' });

      // The mirror is a log like any other: on the dashboard, and its records in the explorer.
      await app.getByRole('region', { name: 'Remote gosum' }).getByRole('button', { name: 'Explorer' }).click();
      await expect(app.getByText('example.com/mod0 v1.0.0 h1:').first()).toBeVisible();
      await shot(app, testInfo, 'remotes-mirror-in-explorer');
      await app.keyboard.press('1');
      const card = app.getByRole('region', { name: 'Log gosum' });
      await expect(card.getByTestId('tree-size')).toHaveText('200,000');
      await expect(card.getByRole('status', { name: 'Checkpoint of gosum: passed' })).toBeVisible();
    } finally {
      await server.stop();
    }
  });

  test('an equivocating server: the second sync shows the fork, and the exported evidence verifies with the key alone', async ({ app, workbench, scratch }, testInfo) => {
    test.setTimeout(120_000);
    const server = await sumdb(['-n', '20000', '-seed', 'eq', '-name', 'sum.eq.test', '-equivocate', '-fork-after', '1']);
    try {
      await app.keyboard.press('8');
      await app.getByRole('button', { name: 'Add remote…' }).click();
      await addRemote(app, 'gosum', server.url, server.vkey!);
      const panel = app.getByRole('region', { name: 'Sync gosum' });
      await panel.getByRole('button', { name: 'Sync', exact: true }).click();
      await expect(panel.getByRole('status')).toContainText('Mirrored 20,000 entries', { timeout: 60_000 });

      await panel.getByRole('button', { name: 'Sync', exact: true }).click();
      await expect(panel.getByRole('alert')).toContainText('Fork detected: the remote signed two incompatible trees');
      await expect(panel.getByRole('alert')).toContainText('fork_detected');
      await expect(app.getByRole('button', { name: /Fork detected on gosum/ })).toBeVisible();
      await shot(app, testInfo, 'remotes-fork-detected');
      await panel.getByRole('button', { name: /Open fork evidence #\d+/ }).click();

      await expect(app.getByRole('heading', { name: /Fork evidence #\d+/ })).toBeVisible();
      const verdict = app.getByRole('status', { name: 'Fork verdict' });
      await expect(verdict).toHaveAttribute('data-verdict', 'fork');
      await expect(verdict).toContainText('the engine agrees');
      await expect(app.getByRole('region', { name: 'Older checkpoint' }).getByTestId('checkpoint-size')).toHaveText('20,000');
      await expect(app.getByRole('region', { name: 'Newer checkpoint' }).getByTestId('checkpoint-size')).toHaveText('20,000');
      const older = await app.getByTestId('older-root').textContent();
      const newer = await app.getByTestId('newer-root').textContent();
      expect(older).toMatch(/^[0-9a-f]{64}$/);
      expect(newer).toMatch(/^[0-9a-f]{64}$/);
      expect(newer).not.toBe(older);
      await expect(app.getByRole('list', { name: 'Fork evidence checks' }).locator('li[data-check="fork"]')).toHaveAttribute('data-status', 'pass');
      await shot(app, testInfo, 'fork-evidence', { fullPage: true });
      await app.emulateMedia({ colorScheme: 'dark' });
      await shot(app, testInfo, 'fork-evidence-dark', { fullPage: true });
      await app.emulateMedia({ colorScheme: 'light' });

      const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: /Export evidence/ }).click()]);
      const file = path.join(scratch, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/^gosum-fork-\d+\.json$/);
      const checked = workbench.cli(['verify', 'evidence', file, '--vkey', server.vkey!, '--json']);
      expect(checked.status, checked.stderr).toBe(0);
      expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, size: 20000, roots: [older, newer] });
      // The file is the evidence, not a rendering of it: changed, it proves nothing.
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { newer: { checkpoint: string }; older: { checkpoint: string } };
      doc.newer.checkpoint = doc.older.checkpoint;
      writeFileSync(file, JSON.stringify(doc));
      expect(workbench.cli(['verify', 'evidence', file, '--vkey', server.vkey!]).status).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

test.describe('audit view', () => {
  test('a clean audit passes; after a byte of a stored entry bundle is flipped, the audit lists the entry by index', async ({ app, workbench, scratch }, testInfo) => {
    test.setTimeout(90_000);
    await app.keyboard.press('9');
    await expect(app.getByLabel('Log to audit')).toHaveValue('local');
    await app.getByRole('button', { name: 'Run audit' }).click();
    const verdict = app.getByRole('status', { name: 'Audit verdict' });
    await expect(verdict).toHaveAttribute('data-verdict', 'pass');
    await expect(verdict).toContainText('✓ Log local verifies offline');
    await shot(app, testInfo, 'audit-pass');

    // Someone with write access to the disk flips one byte of entry 41 inside its stored bundle.
    tamperEntryBody(workbench.dataDir, 41, (body) => {
      const flipped = body.slice();
      flipped[0] = flipped[0]! ^ 0x01;
      return flipped;
    });
    await app.getByRole('button', { name: 'Run audit' }).click();
    await expect(verdict).toHaveAttribute('data-verdict', 'fail');
    await expect(verdict).toContainText(/✗ Audit of local found \d+ problems?/);
    const problems = app.getByRole('table', { name: 'Problems' });
    const entry = problems.locator('tr[data-index="41"]').first();
    await expect(entry).toBeVisible();
    await expect(entry).toContainText('entry 41');
    await shot(app, testInfo, 'audit-corruption-found', { fullPage: true });
    await app.emulateMedia({ colorScheme: 'dark' });
    await shot(app, testInfo, 'audit-corruption-found-dark', { fullPage: true });
    await app.emulateMedia({ colorScheme: 'light' });

    const [json] = await Promise.all([app.waitForEvent('download'), verdict.getByRole('button', { name: 'Export JSON' }).click()]);
    const jsonFile = path.join(scratch, json.suggestedFilename());
    await json.saveAs(jsonFile);
    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as { ok: boolean; problems: Array<{ index: number | null }> };
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.index === 41)).toBe(true);
    // The CLI's audit of the same database agrees.
    const cli = workbench.cli(['audit', 'local', '--json']);
    expect(cli.status).toBe(1);
    const [html] = await Promise.all([app.waitForEvent('download'), verdict.getByRole('button', { name: 'Export HTML (printable)' }).click()]);
    const htmlFile = path.join(scratch, html.suggestedFilename());
    await html.saveAs(htmlFile);
    expect(readFileSync(htmlFile, 'utf8')).toMatch(/FAIL: \d+ problems? found/);

    // The index links into the explorer at that entry.
    await entry.getByRole('link', { name: '41' }).click();
    await expect(app).toHaveURL(/#\/explorer\?index=41/);
  });
});
