import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { expect, shot, test } from './fixtures.js';

test.describe('verify a file', () => {
  test('verifies what the CLI exports — a log entry, an inclusion and a consistency proof, a checkpoint — and fails a forged one', async ({ app, workbench }, testInfo) => {
    const typed = workbench.seed!.signed[0]!;
    const entry = workbench.cli(['get', '--index', String(typed.logIndex), '--json']);
    const inclusion = workbench.cli(['log', 'prove', '--index', '3', '--json']);
    const consistency = workbench.cli(['log', 'consistency', '--from', '7', '--json']);
    const checkpoint = workbench.cli(['log', 'checkpoint']);
    for (const r of [entry, inclusion, consistency, checkpoint]) expect(r.status, r.stderr).toBe(0);

    await app.keyboard.press('5');
    const text = app.getByRole('textbox', { name: 'File to verify' });
    const result = app.getByRole('region', { name: 'File verification' });
    const cases: Array<[string, string | RegExp]> = [
      [entry.stdout, `log entry ${typed.logIndex}`],
      [inclusion.stdout, 'inclusion proof of leaf 3'],
      [consistency.stdout, 'consistency proof from tree size 7'],
      [checkpoint.stdout, 'signed checkpoint of'],
    ];
    for (const [content, what] of cases) {
      await text.fill(content);
      await expect(result.getByRole('heading')).toContainText(what);
      await expect(result.getByRole('status', { name: 'File verification: passed' })).toBeVisible();
    }
    await shot(app, testInfo, 'verify-file-checkpoint');

    // A checkpoint whose size line was edited no longer matches its signature.
    await text.fill(checkpoint.stdout.replace(`\n${workbench.seed!.treeSize}\n`, '\n70\n'));
    await expect(result.getByRole('status', { name: 'File verification: failed' })).toBeVisible();

    // Opening a file: the page reads it itself (drag-and-drop and the file picker take the same path).
    const file = path.join(workbench.dataDir, 'entry.json');
    writeFileSync(file, entry.stdout);
    await app.getByLabel('Choose a file to verify').setInputFiles(file);
    await expect(app.getByText('…or paste it (from entry.json)')).toBeVisible();
    await expect(result.getByRole('status', { name: 'File verification: passed' })).toBeVisible();
    await shot(app, testInfo, 'verify-file-entry');
  });
});
