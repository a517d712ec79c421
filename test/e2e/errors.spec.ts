import { expect, shot, test } from './fixtures.js';

test.describe('error states', () => {
  test('a wrong token shows why the page cannot connect, and no data', async ({ page, workbench }, testInfo) => {
    await page.goto(`${workbench.origin}/#token=${'A'.repeat(43)}`);
    await expect(page.getByRole('heading', { name: 'This page’s access token was not accepted' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
    await shot(page, testInfo, 'error-wrong-token');
  });

  test('a page without a token says how to get one', async ({ page, workbench }) => {
    await page.goto(`${workbench.origin}/`);
    await expect(page.getByRole('heading', { name: 'Not connected to a workbench' })).toBeVisible();
  });

  test('the token leaves the address bar at once and survives a reload', async ({ app }) => {
    await expect(app).not.toHaveURL(/token=/);
    await app.reload();
    await expect(app.getByRole('navigation', { name: 'Views' })).toBeVisible();
  });

  test('engine errors cross HTTP as typed errors with code and hint', async ({ app, workbench }, testInfo) => {
    await app.goto(`${workbench.origin}/#/proof?index=5000`);
    const alert = app.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'index_out_of_range');
    await expect(alert).toContainText('entry index 5000 is out of range');
    await shot(app, testInfo, 'error-proof-out-of-range');

    await app.goto(`${workbench.origin}/#/explorer?index=5000`);
    await expect(app.getByRole('region', { name: 'Entry detail' }).getByRole('alert')).toHaveAttribute('data-error-code', 'index_out_of_range');
  });

  test('searches that match nothing or mean nothing say so', async ({ app, workbench }) => {
    await app.goto(`${workbench.origin}/#/explorer`);
    const search = app.getByRole('searchbox', { name: 'Search entries' });
    await search.fill('sha256:' + 'ab'.repeat(32));
    await search.press('Enter');
    await expect(app.getByText(`No entries match sha256 ${'ab'.repeat(32)}.`)).toBeVisible();
    await search.fill('hello world');
    await search.press('Enter');
    await expect(app.getByRole('alert')).toContainText('search for a log index');
    await search.press('Escape');
    await expect(app.getByRole('listbox', { name: 'Entries' })).toBeFocused();
  });

  test('when the engine stops, the page says it lost the connection and calls fail with a hint', async ({ app, workbench }, testInfo) => {
    await expect(app.getByRole('status', { name: 'Checkpoint of local: passed' })).toBeVisible();
    await workbench.stop();
    await expect(app.getByRole('alert').filter({ hasText: 'Lost the connection to the workbench engine' })).toBeVisible();
    await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Consistency/ }).click();
    await expect(app.locator('[data-error-code="engine_unreachable"]')).toBeVisible();
    await shot(app, testInfo, 'error-engine-gone');
  });

  test.describe('given an empty workbench', () => {
    test.use({ seed: 'empty' });

    test('every view explains there is nothing yet', async ({ app, workbench }, testInfo) => {
      await expect(app.getByRole('region', { name: 'Log local' }).getByTestId('tree-size')).toHaveText('0');
      await expect(app.getByText('The log is empty')).toBeVisible();
      await shot(app, testInfo, 'empty-dashboard');
      await app.goto(`${workbench.origin}/#/explorer`);
      await expect(app.getByText('This log has no entries yet.')).toBeVisible();
      await app.goto(`${workbench.origin}/#/consistency`);
      await expect(app.getByText('The log has no checkpoint of a non-empty tree yet.')).toBeVisible();
    });
  });
});
