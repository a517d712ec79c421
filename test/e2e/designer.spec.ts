import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, shot, test, type RunningWorkbench } from './fixtures.js';

const PASSPHRASE = 'a long keyring passphrase';
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * A new kind, typed into the editor: its digest role is left out on purpose, to be picked from the
 * schema tree; version 0.0.0 is corrected with the editor's own search, by keyboard.
 */
const RELEASE_NOTE_LAYOUT = JSON.stringify(
  {
    layoutVersion: 1,
    kind: 'release-note',
    version: '0.0.0',
    description: 'Release notes signed by the release key (e2e).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['artifact', 'sha256', 'notes', 'key', 'sig'],
      properties: {
        artifact: { type: 'string', maxLength: 200, description: 'file name of the release' },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        notes: { type: 'string', maxLength: 500 },
        channel: { enum: ['stable', 'beta'] },
        key: { type: 'string', maxLength: 1000 },
        sig: { type: 'string', maxLength: 200 },
      },
    },
    roles: {
      signature: { pointer: '/sig', format: 'ed25519', signs: 'digest' },
      publicKey: { pointer: '/key', format: 'pem-spki' },
    },
  },
  null,
  2,
);

function generateKey(workbench: RunningWorkbench, dir: string): void {
  const passFile = path.join(dir, 'passphrase');
  writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  const result = workbench.cli(['keys', 'generate', '--type', 'ed25519', '--name', 'notes-key', '--passphrase-file', passFile]);
  expect(result.status, result.stderr).toBe(0);
}

/**
 * Selects all of a CodeMirror editor's text and inserts `text` in its place, as typing it would
 * (auto-closing brackets aside). Chromium's synthetic insertText is sometimes dropped when it lands
 * while CodeMirror is still reading back a DOM change, so the whole step is retried until `marker` shows.
 */
async function replaceText(page: Page, editor: Locator, text: string, marker: string): Promise<void> {
  await expect(async () => {
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(text);
    await expect(editor).toContainText(marker, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

test.describe('type designer', () => {
  test('designs a new kind, publishes it and logs a signed entry the explorer verifies', async ({ app, workbench, scratch }, testInfo) => {
    test.setTimeout(120_000);
    generateKey(workbench, scratch);
    await app.keyboard.press('t');
    await expect(app.getByRole('heading', { name: 'Type designer' })).toBeVisible();
    const layoutPanel = app.getByRole('region', { name: 'Layout' });
    await expect(layoutPanel.getByRole('status', { name: 'Layout status' })).toHaveText(/valid/);

    // Replace the template by typing into CodeMirror.
    const editor = layoutPanel.getByRole('textbox', { name: 'Layout JSON' });
    await replaceText(app, editor, RELEASE_NOTE_LAYOUT, '"kind": "release-note"');
    const problems = layoutPanel.getByRole('table', { name: 'Layout problems' });
    await expect(problems.locator('tr[data-pointer="/roles/digest"]')).toHaveAttribute('data-code', 'missing_member');
    // Fix the version with the editor's search (Ctrl+F, Enter selects the match, Esc back to the text).
    await editor.click();
    await app.keyboard.press('Control+f');
    await app.keyboard.type('0.0.0');
    await app.keyboard.press('Enter');
    await app.keyboard.press('Escape');
    await app.keyboard.type('0.0.1');
    await expect(editor).toContainText('"version": "0.0.1"');

    // The schema tree offers /sha256 as digest (a required string), /channel not (optional).
    const tree = app.getByRole('region', { name: 'Schema tree' });
    await expect(tree.getByRole('button', { name: 'Use /channel as digest' })).toBeDisabled();
    await tree.getByRole('button', { name: 'Use /sha256 as digest' }).click();
    await tree.getByRole('button', { name: 'Index /artifact' }).click();
    await expect(tree.locator('tr[data-pointer="/sha256"]')).toContainText('digest');
    await expect(layoutPanel.getByRole('status', { name: 'Layout status' })).toHaveText('✓ valid');
    await expect(editor).toContainText('"algorithm": "sha256"');
    // What the signature covers is chosen beside the tree: the statement, so notes and artefact are signed too.
    await tree.getByLabel('Signature covers').selectOption('statement');
    await expect(editor).toContainText('"signs": "statement"');

    // A broken sample, filled in with the generated form: the failing rule and its pointer show.
    const sample = app.getByRole('region', { name: 'Sample entry' });
    await sample.getByRole('button', { name: 'Empty sample' }).click();
    await sample.getByRole('button', { name: 'Form' }).click();
    const form = sample.getByRole('form', { name: 'Generated form' });
    await form.getByLabel('artifact', { exact: true }).fill('hello-2.0.0.tar.gz');
    await form.getByLabel('sha256', { exact: true }).fill(SHA.toUpperCase());
    await form.getByLabel('notes', { exact: true }).fill('Fixes the greeting.');
    await form.getByLabel('channel', { exact: true }).selectOption('stable');
    const entryProblems = sample.getByRole('table', { name: 'Entry problems' });
    // Two rules fail at /spec/sha256: the schema's pattern, and the digest role (lowercase hex only).
    await expect(entryProblems.locator('tr[data-pointer="/spec/sha256"][data-code="schema_violation"]')).toContainText('must match pattern "^[0-9a-f]{64}$"');
    await expect(entryProblems.locator('tr[data-pointer="/spec/sha256"][data-code="digest_malformed"]')).toBeVisible();
    await expect(entryProblems.locator('tr[data-pointer="/spec/sig"]')).toContainText('is required but missing');
    await shot(app, testInfo, 'designer-broken-sample', { fullPage: true });
    // A problem's pointer shows its place in the sample's JSON.
    await entryProblems.getByRole('button', { name: '/spec/sha256' }).first().click();
    const sampleJson = sample.getByRole('textbox', { name: 'Sample entry JSON' });
    await expect(sampleJson).toBeFocused();
    await expect(sample.locator('.cm-activeLine')).toContainText(`"sha256": "${SHA.toUpperCase()}"`);
    await sample.getByRole('button', { name: 'Form' }).click();

    // Fixed, then signed with the keyring key: it validates and its signature verifies.
    await form.getByLabel('sha256', { exact: true }).fill(SHA);
    await expect(entryProblems.locator('tr[data-pointer="/spec/sha256"]')).toHaveCount(0);
    await sample.getByLabel('Key passphrase').fill(PASSPHRASE);
    await sample.getByRole('button', { name: 'Sign sample entry' }).click();
    await expect(sample.getByRole('status', { name: 'Entry problems' })).toBeVisible();
    await expect(sample.getByRole('status', { name: 'Signature: verified' })).toBeVisible();
    await expect(sample.getByText(`field artifact=hello-2.0.0.tar.gz`)).toBeVisible();
    await expect(sample.getByRole('button', { name: 'Add entry to log' })).toBeDisabled();
    await shot(app, testInfo, 'designer-signed-sample', { fullPage: true });

    // Publish, then log the entry and find it verified in the explorer.
    await layoutPanel.getByRole('button', { name: 'Publish layout' }).click();
    await expect(layoutPanel.getByRole('status', { name: 'Published layout' })).toContainText('Published release-note 0.0.1 as a layout entry');
    await expect(layoutPanel.getByRole('status', { name: 'Layout status' })).toHaveText('✓ valid · published');
    await sample.getByRole('button', { name: 'Add entry to log' }).click();
    const logged = sample.getByRole('status', { name: 'Logged entry' });
    await expect(logged).toContainText('release-note 0.0.1');
    const index = Number(await logged.locator('strong').innerText());
    await shot(app, testInfo, 'designer-published-and-logged', { fullPage: true });
    await logged.getByRole('button', { name: `Open entry ${index} in Explorer` }).click();
    const detail = app.getByRole('article', { name: `Entry ${index}` });
    await expect(detail.getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
    await expect(detail.getByText('release-note 0.0.1')).toBeVisible();
    await shot(app, testInfo, 'designer-entry-in-explorer');

    // The CLI, another process on the same workbench, lists the new type and finds the entry by its index field.
    const types = workbench.cli(['--json', 'types', 'list']);
    expect(types.status, types.stderr).toBe(0);
    const listed = (JSON.parse(types.stdout) as { types: Array<{ kind: string; version: string; source: string }> }).types;
    expect(listed).toContainEqual(expect.objectContaining({ kind: 'release-note', version: '0.0.1', source: 'layout' }));

    // A second version: published beside the first, the diff shows what changed.
    await app.keyboard.press('t');
    await app.getByLabel('Start from').selectOption('release-note@0.0.1');
    await expect(editor).toContainText('"kind": "release-note"');
    await app.getByRole('button', { name: 'New version' }).click();
    await expect(editor).toContainText('"version": "0.0.2"');
    const versions = app.getByRole('region', { name: 'Versions' });
    await expect(versions.getByRole('table', { name: 'Diff 0.0.1 → draft' }).locator('[data-kind="added"]')).toContainText('"version": "0.0.2"');
    await expect(layoutPanel.getByRole('status', { name: 'Layout status' })).toHaveText('✓ valid');
    await layoutPanel.getByRole('button', { name: 'Publish layout' }).click();
    await expect(layoutPanel.getByRole('status', { name: 'Layout status' })).toHaveText('✓ valid · published');
    await versions.getByLabel('Old version').selectOption('0.0.1');
    await versions.getByLabel('New version').selectOption('0.0.2');
    const diff = versions.getByRole('table', { name: 'Diff 0.0.1 → 0.0.2' });
    await expect(diff.locator('[data-kind="removed"]')).toHaveCount(1);
    await expect(diff.locator('[data-kind="removed"]')).toContainText('"version": "0.0.1"');
    await expect(diff.locator('[data-kind="added"]')).toContainText('"version": "0.0.2"');
    // The page scrolls inside the app's main area: bring the diff into the picture.
    await versions.scrollIntoViewIfNeeded();
    await shot(app, testInfo, 'designer-versions-diff', { fullPage: true });
    await app.emulateMedia({ colorScheme: 'dark' });
    await shot(app, testInfo, 'designer-versions-diff-dark', { fullPage: true });
    await app.emulateMedia({ colorScheme: 'light' });
    const both = JSON.parse(workbench.cli(['--json', 'types', 'list']).stdout) as { types: Array<{ kind: string; version: string }> };
    expect(both.types.filter((t) => t.kind === 'release-note').map((t) => t.version)).toEqual(['0.0.1', '0.0.2']);
  });

  test('completes member names from the layout format and underlines what breaks it', async ({ app, workbench }, testInfo) => {
    await app.goto(`${workbench.origin}/#/designer`);
    const layoutPanel = app.getByRole('region', { name: 'Layout' });
    const editor = layoutPanel.getByRole('textbox', { name: 'Layout JSON' });
    await replaceText(app, editor, '{\n  "layoutVersion": 2,\n  \n}', '"layoutVersion": 2');
    await app.keyboard.press('ArrowUp');
    await app.keyboard.press('End');
    await app.keyboard.type('"ki');
    const completion = app.getByRole('listbox').getByRole('option', { name: /kind/ });
    await expect(completion).toBeVisible();
    await shot(app, testInfo, 'designer-completion');
    await app.keyboard.press('Enter');
    await expect(editor).toContainText('"kind"');
    // The engine's problems are underlined in the text and listed with their pointers.
    await expect(layoutPanel.getByRole('table', { name: 'Layout problems' }).locator('tr[data-pointer="/layoutVersion"]')).toHaveAttribute('data-code', 'unsupported_layout_version');
    await expect(layoutPanel.locator('.cm-lintRange-error').first()).toBeVisible();
  });

  test('refuses to publish a version twice and says why', async ({ app, workbench }) => {
    await app.goto(`${workbench.origin}/#/designer?kind=sbom-attestation&version=0.0.1`);
    const layoutPanel = app.getByRole('region', { name: 'Layout' });
    const editor = layoutPanel.getByRole('textbox', { name: 'Layout JSON' });
    await expect(editor).toContainText('"kind": "sbom-attestation"');
    await expect(layoutPanel.getByRole('status', { name: 'Layout status' })).toHaveText('✓ valid · published');
    await expect(layoutPanel.getByRole('button', { name: 'Publish layout' })).toBeDisabled();
    // Changing the published version's rules without a new version is flagged, not silently accepted.
    await editor.click();
    await app.keyboard.press('Control+f');
    await app.keyboard.type('"description": "');
    await app.keyboard.press('Enter');
    await app.keyboard.press('Escape');
    await app.keyboard.type('"description": "changed: ');
    await expect(layoutPanel.getByRole('note')).toContainText('The log already holds a different layout for sbom-attestation 0.0.1');
  });
});
