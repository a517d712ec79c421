import { expect, shot, test } from './fixtures.js';

test.describe('consistency view', () => {
  test('draws the old tree inside the new one with the proof hashes marked, and verifies it in the page', async ({ app, workbench }, testInfo) => {
    await app.goto(`${workbench.origin}/#/consistency`);
    await app.getByRole('combobox', { name: 'Old checkpoint' }).selectOption('7');
    await app.getByRole('combobox', { name: 'New checkpoint' }).selectOption('31');
    const picture = app.getByRole('img', { name: 'Consistency proof from tree size 7 to 31' });
    await expect(picture).toBeVisible();
    await expect(app.getByRole('status', { name: 'Consistency verification: passed' })).toBeVisible();
    // RFC 6962 proof 7 → 31: nodes [6,7), [4,6), [0,4), [7,8), [8,16), [16,31)-side: 5 hashes here.
    const hashes = await app.getByRole('region', { name: 'Proof hashes' }).getByRole('row').count();
    await expect(picture.locator('g.node.proof')).toHaveCount(hashes);
    await expect(picture.locator('g.node.old')).not.toHaveCount(0);
    await expect(picture.getByText('old tree · size 7')).toBeVisible();
    await expect(app.getByRole('region', { name: 'Old checkpoint' })).toContainText(`${workbench.seed!.origin}\n7\n`);
    await shot(app, testInfo, 'consistency-7-31');

    await app.getByRole('combobox', { name: 'Old checkpoint' }).selectOption('64');
    await app.getByRole('combobox', { name: 'New checkpoint' }).selectOption(String(workbench.seed!.treeSize));
    await expect(app.getByRole('status', { name: 'Consistency verification: passed' })).toBeVisible();
    await shot(app, testInfo, 'consistency-64-latest');
  });

  test('refuses a proof from a larger tree to a smaller one with the engine’s typed error', async ({ app, workbench }) => {
    await app.goto(`${workbench.origin}/#/consistency?from=31&to=7`);
    const alert = app.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'input_invalid');
    await expect(alert).toContainText('must not be larger than second');
    await app.getByRole('button', { name: 'Swap' }).click();
    await expect(app.getByRole('status', { name: 'Consistency verification: passed' })).toBeVisible();
  });
});
