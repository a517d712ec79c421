import { expect, shot, test } from './fixtures.js';

test.describe('dashboard', () => {
  test('shows the local log with its size, root, checkpoint verified in the page, and recent entries', async ({ app, workbench }, testInfo) => {
    const seed = workbench.seed!;
    const card = app.getByRole('region', { name: 'Log local' });
    await expect(card.getByRole('heading', { name: seed.origin })).toBeVisible();
    await expect(card.getByTestId('tree-size')).toHaveText(String(seed.treeSize));
    await expect(card.getByRole('status', { name: 'Checkpoint of local: passed' })).toBeVisible();
    await expect(card.getByRole('table', { name: 'Recent entries of local' }).getByRole('row')).toHaveCount(8);
    await shot(app, testInfo, 'dashboard-light');
    await app.emulateMedia({ colorScheme: 'dark' });
    await shot(app, testInfo, 'dashboard-dark');
  });

  test('follows appends made by the CLI while it is open (event stream)', async ({ app, workbench }, testInfo) => {
    const card = app.getByRole('region', { name: 'Log local' });
    const before = workbench.seed!.treeSize;
    await expect(card.getByTestId('tree-size')).toHaveText(String(before));
    const hex = ['live one', 'live two', 'live three'].map((t) => Buffer.from(t).toString('hex')).join('\n');
    const appended = workbench.cli(['log', 'append-raw'], `${hex}\n`);
    expect(appended.status, appended.stderr).toBe(0);
    await expect(card.getByTestId('tree-size')).toHaveText(String(before + 3));
    await expect(card.getByRole('status', { name: 'Checkpoint of local: passed' })).toBeVisible();
    await expect(card.getByRole('table', { name: 'Recent entries of local' })).toContainText('live three');
    await shot(app, testInfo, 'dashboard-after-append');
  });
});
