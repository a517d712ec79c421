import { BIG_SIZE, expect, shot, test } from './fixtures.js';

test.describe('proof viewer', () => {
  test('draws the whole small tree with the leaf-to-root path, labelled siblings and a step-by-step recomputation', async ({ app, workbench }, testInfo) => {
    const size = workbench.seed!.treeSize;
    await app.goto(`${workbench.origin}/#/proof?index=5&size=31`);
    const picture = app.getByRole('img', { name: 'Inclusion proof of leaf 5 in a tree of 31 leaves' });
    await expect(picture).toBeVisible();
    // 31 leaves: ⌈log₂ 31⌉ = 5 proof hashes, 5 path nodes (root included), the leaf, and the rest dimmed.
    await expect(picture.locator('g.node.sibling')).toHaveCount(5);
    await expect(picture.locator('g.node.path')).toHaveCount(5);
    await expect(picture.locator('g.node.leaf')).toHaveCount(1);
    await expect(picture.locator('g.node.root.pass')).toHaveCount(1);
    await expect(app.getByRole('status', { name: 'Proof verification: passed' })).toBeVisible();
    await expect(app.getByRole('region', { name: 'Checkpoint' }).getByLabel('Signed checkpoint note')).toContainText(`${workbench.seed!.origin}\n31\n`);
    await shot(app, testInfo, 'proof-small-tree');

    // Step back through the recomputation with the keyboard: the current node moves down the path.
    await expect(app.getByText('step 5 / 5')).toBeVisible();
    await app.keyboard.press('ArrowLeft');
    await app.keyboard.press('ArrowLeft');
    await expect(app.getByText('step 3 / 5')).toBeVisible();
    await expect(picture.locator('g.node.sibling.current')).toHaveAttribute('data-range', '0-4');
    await expect(picture.locator('g.node.root.done')).toHaveCount(0);
    await shot(app, testInfo, 'proof-step-3');
    await app.keyboard.press('End');
    await expect(picture.locator('g.node.root.done')).toHaveCount(1);

    // The current tree size by default.
    await app.getByRole('textbox', { name: 'Tree size' }).fill('');
    await app.getByRole('button', { name: 'Show proof' }).click();
    await expect(app.getByRole('heading', { name: `Entry #5 in tree size ${size}` })).toBeVisible();
  });

  test.describe('given a log of a million entries', () => {
    test.use({ seed: 'big' });
    test.setTimeout(120_000);

    test('draws a large tree by its proof path only', async ({ app, workbench }, testInfo) => {
      await app.goto(`${workbench.origin}/#/proof?index=777777`);
      const picture = app.getByRole('img', { name: `Inclusion proof of leaf 777777 in a tree of ${BIG_SIZE} leaves` });
      await expect(app.getByRole('status', { name: 'Proof verification: passed' })).toBeVisible();
      await expect(picture.locator('g.node.sibling')).toHaveCount(20);
      await expect(picture.locator('g.node')).toHaveCount(20 + 20 + 1);
      await expect(app.getByText('proof path only')).toBeVisible();
      await shot(app, testInfo, 'proof-million');
    });
  });
});
