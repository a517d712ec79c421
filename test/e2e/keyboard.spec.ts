import { expect, shot, test } from './fixtures.js';

test.describe('keyboard', () => {
  test('moves between views, through the list, into search and the proof without a mouse', async ({ app, workbench }, testInfo) => {
    const last = workbench.seed!.treeSize - 1;
    await app.keyboard.press('2');
    const list = app.getByRole('listbox', { name: 'Entries' });
    await expect(list).toBeFocused();
    const selected = list.locator('[aria-selected="true"]');
    // Rows page in after the view opens; a key pressed before the first page arrives has nothing to move.
    await expect(list.locator('[data-log-index="0"]')).toBeVisible();

    await app.keyboard.press('j');
    await expect(selected).toHaveAttribute('data-log-index', '0');
    await app.keyboard.press('j');
    await app.keyboard.press('j');
    await app.keyboard.press('k');
    await expect(selected).toHaveAttribute('data-log-index', '1');
    await expect(app).toHaveURL(/#\/explorer\?index=1$/);
    await expect(app.getByRole('article', { name: 'Entry 1' })).toBeVisible();
    await app.keyboard.press('End');
    await expect(selected).toHaveAttribute('data-log-index', String(last));
    await app.keyboard.press('Home');
    await expect(selected).toHaveAttribute('data-log-index', '0');
    await app.keyboard.press('PageDown');
    await expect(selected).not.toHaveAttribute('data-log-index', '0');

    await app.keyboard.press('/');
    const search = app.getByRole('searchbox', { name: 'Search entries' });
    await expect(search).toBeFocused();
    await app.keyboard.type('7');
    await app.keyboard.press('Enter');
    await expect(list).toBeFocused();
    await expect(selected).toHaveAttribute('data-log-index', '7');
    await shot(app, testInfo, 'keyboard-explorer');

    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { name: `Entry #7 in tree size ${last + 1}` })).toBeVisible();
    await expect(app.getByRole('status', { name: 'Proof verification: passed' })).toBeVisible();
    const steps = await app.getByRole('region', { name: 'Recomputation steps' }).locator('tbody tr').count();
    await app.keyboard.press('ArrowLeft');
    await expect(app.getByText(`step ${steps - 3} / ${steps - 2}`)).toBeVisible();

    await app.keyboard.press('?');
    const dialog = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await shot(app, testInfo, 'keyboard-shortcuts');
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await app.keyboard.press('4');
    await expect(app.getByRole('heading', { name: 'Consistency' })).toBeVisible();
    await app.keyboard.press('1');
    await expect(app.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await app.goBack();
    await expect(app.getByRole('heading', { name: 'Consistency' })).toBeVisible();
  });
});
