import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, shot, test, type RunningWorkbench } from './fixtures.js';

const PASSPHRASE = 'correct horse battery staple';

/** Makes a keyring key with the CLI, as a user would before opening the UI. */
function generateKey(workbench: RunningWorkbench, dir: string, args: readonly string[]): void {
  const passFile = path.join(dir, 'passphrase');
  writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  const result = workbench.cli(['keys', 'generate', ...args, '--passphrase-file', passFile]);
  expect(result.status, result.stderr).toBe(0);
}

function treeSize(workbench: RunningWorkbench): number {
  const result = workbench.cli(['--json', 'log', 'info']);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { treeSize: number }).treeSize;
}

test.describe('sign view', () => {
  test('signs an uploaded release file, then the entry is in the explorer with a passing proof and the bundle verifies', async ({ app, workbench, scratch: dir }, testInfo) => {
    test.setTimeout(90_000);
    generateKey(workbench, dir, ['--type', 'ecdsa-p256', '--name', 'release']);
    // Bigger than one upload chunk, so the engine hashes it as a stream.
    const artefact = path.join(dir, 'provwb-2.1.0.tar.gz');
    const bytes = randomBytes(6 * 1024 * 1024);
    writeFileSync(artefact, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const sizeBefore = treeSize(workbench);

    await app.keyboard.press('6');
    await expect(app.getByRole('heading', { name: 'Sign a release' })).toBeVisible();
    await app.getByLabel('Choose a file to sign').setInputFiles(artefact);
    const staged = app.getByRole('definition').filter({ hasText: sha256 });
    await expect(staged).toBeVisible();
    await expect(app.getByLabel('Signing key')).toHaveValue('release');
    await app.getByLabel('Kind').selectOption('hashedrekord');

    // A wrong passphrase: a clear error, the field cleared for another try, nothing logged.
    await app.getByLabel('Key passphrase').fill('not the passphrase');
    await app.getByRole('button', { name: 'Sign and log' }).click();
    const failure = app.getByRole('alert').filter({ hasText: 'Wrong passphrase' });
    await expect(failure).toHaveAttribute('data-error-code', 'passphrase_incorrect');
    await expect(failure).toContainText('the passphrase for key "release" is incorrect');
    await expect(app.getByLabel('Key passphrase')).toHaveValue('');
    await expect(app.getByLabel('Key passphrase')).toBeFocused();
    expect(treeSize(workbench)).toBe(sizeBefore);
    await shot(app, testInfo, 'sign-wrong-passphrase');

    // The staged file is still there: the right passphrase signs it.
    await app.getByLabel('Key passphrase').fill(PASSPHRASE);
    await app.getByLabel('Key passphrase').press('Enter');
    const result = app.getByRole('region', { name: 'Signed entry' });
    await expect(result.getByRole('heading', { name: `Signed provwb-2.1.0.tar.gz and logged it at index ${sizeBefore}` })).toBeVisible();
    await expect(result).toContainText(sha256);
    expect(treeSize(workbench)).toBe(sizeBefore + 1);
    await shot(app, testInfo, 'sign-logged');
    await app.emulateMedia({ colorScheme: 'dark' });
    await shot(app, testInfo, 'sign-logged-dark');
    await app.emulateMedia({ colorScheme: 'light' });

    // The bundle the page hands out verifies offline with the CLI.
    const [download] = await Promise.all([app.waitForEvent('download'), result.getByRole('button', { name: /Download Sigstore bundle/ }).click()]);
    expect(download.suggestedFilename()).toBe('provwb-2.1.0.tar.gz.sigstore.json');
    const bundlePath = path.join(dir, download.suggestedFilename());
    await download.saveAs(bundlePath);
    const verified = workbench.cli(['--json', 'verify', 'artifact', artefact, '--bundle', bundlePath]);
    expect(verified.status, verified.stderr).toBe(0);
    const checks = (JSON.parse(verified.stdout) as { checks: Array<{ name: string; status: string }> }).checks;
    for (const name of ['signature', 'digest', 'inclusion_proof', 'checkpoint', 'set']) expect(checks.find((c) => c.name === name)?.status, name).toBe('pass');
    // …and fails for another file.
    const other = path.join(dir, 'other.tar.gz');
    writeFileSync(other, randomBytes(1024));
    expect(workbench.cli(['verify', 'artifact', other, '--bundle', bundlePath]).status).not.toBe(0);

    // Found in the explorer, by link and by digest search, with the page's own verdict.
    await result.getByRole('button', { name: 'Open in explorer' }).click();
    const detail = app.getByRole('article', { name: `Entry ${sizeBefore}` });
    await expect(detail.getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
    await expect(detail.getByText('hashedrekord 0.0.1')).toBeVisible();
    const search = app.getByRole('searchbox', { name: 'Search entries' });
    await search.fill(sha256);
    await search.press('Enter');
    await expect(app.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toHaveAttribute('data-log-index', String(sizeBefore));
    await shot(app, testInfo, 'sign-found-in-explorer');

    // Its proof picture, verified in the page.
    await app.keyboard.press('Escape');
    await app.goto(`${workbench.origin}/#/proof?index=${sizeBefore}`);
    await expect(app.getByRole('status', { name: 'Proof verification: passed' })).toBeVisible();
    await expect(app.getByRole('img', { name: `Inclusion proof of leaf ${sizeBefore} in a tree of ${sizeBefore + 1} leaves` })).toBeVisible();
    await shot(app, testInfo, 'sign-proof');

    // The key's page lists the entry it signed.
    await app.goto(`${workbench.origin}/#/keys?name=release`);
    const signed = app.getByRole('table', { name: 'Entries signed with this key' });
    await expect(signed.getByRole('button', { name: `Open entry ${sizeBefore} in the explorer` })).toBeVisible();
  });

  test('signs with an OpenPGP key as a rekord entry and hands out the .asc signature gpg verifies', async ({ app, workbench, scratch: dir }) => {
    generateKey(workbench, dir, ['--type', 'pgp', '--name', 'maintainer', '--email', 'maintainer@example.org']);
    const artefact = path.join(dir, 'notes.txt');
    writeFileSync(artefact, 'release notes for 2.1.0\n');
    await app.goto(`${workbench.origin}/#/sign?key=maintainer`);
    await app.getByLabel('Choose a file to sign').setInputFiles(artefact);
    await expect(app.getByRole('region', { name: 'Release file' }).getByText('notes.txt')).toBeVisible();
    await expect(app.getByLabel('Kind')).toHaveValue('rekord');
    await expect(app.getByLabel('Kind').getByRole('option')).toHaveCount(1);
    await app.getByLabel('Key passphrase').fill(PASSPHRASE);
    await app.getByRole('button', { name: 'Sign and log' }).click();
    const result = app.getByRole('region', { name: 'Signed entry' });
    await expect(result.getByText('rekord', { exact: true })).toBeVisible();
    const [download] = await Promise.all([app.waitForEvent('download'), result.getByRole('button', { name: /Download detached signature/ }).click()]);
    expect(download.suggestedFilename()).toBe('notes.txt.asc');
    const sigPath = path.join(dir, 'notes.txt.asc');
    await download.saveAs(sigPath);
    expect(readFileSync(sigPath, 'utf8')).toContain('-----BEGIN PGP SIGNATURE-----');

    // gpg accepts it with the public key exported from the Keys view, and refuses it for other content.
    await app.goto(`${workbench.origin}/#/keys?name=maintainer`);
    const detail = app.getByRole('region', { name: 'Key maintainer' });
    const [exported] = await Promise.all([app.waitForEvent('download'), detail.getByRole('button', { name: 'Export maintainer.asc' }).click()]);
    const keyPath = path.join(dir, 'maintainer.asc');
    await exported.saveAs(keyPath);
    const gpgVersion = spawnSync('gpg', ['--version']);
    test.skip(gpgVersion.error !== undefined || gpgVersion.status !== 0, 'gpg is not installed: the .asc was checked for its armor only');
    // A short GNUPGHOME: gpg-agent's socket path has a length limit.
    const home = mkdtempSync('/tmp/pwb-gpg-');
    try {
      const gpg = (args: readonly string[]) => spawnSync('gpg', ['--homedir', home, '--batch', '--no-tty', '--status-fd', '1', ...args], { encoding: 'utf8' });
      expect(gpg(['--import', keyPath]).status).toBe(0);
      const good = gpg(['--verify', sigPath, artefact]);
      expect(good.status, good.stderr).toBe(0);
      expect(good.stdout).toContain('[GNUPG:] VALIDSIG');
      writeFileSync(artefact, 'release notes for 2.1.1\n');
      expect(gpg(['--verify', sigPath, artefact]).status).not.toBe(0);
    } finally {
      spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']);
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('shows the upload progress while a big file travels to the engine', async ({ app, workbench, scratch: dir }, testInfo) => {
    const artefact = path.join(dir, 'image.iso');
    const bytes = randomBytes(8 * 1024 * 1024);
    writeFileSync(artefact, bytes);
    await app.goto(`${workbench.origin}/#/sign`);
    // 2 MiB/s upstream: the 8 MiB upload takes about four seconds.
    const cdp = await app.context().newCDPSession(app);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024 });
    await app.getByLabel('Choose a file to sign').setInputFiles(artefact);
    const progress = app.getByRole('progressbar', { name: 'Sending image.iso' });
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0);
    await shot(app, testInfo, 'sign-upload-progress');
    await expect(app.getByRole('definition').filter({ hasText: createHash('sha256').update(bytes).digest('hex') })).toBeVisible({ timeout: 20_000 });
    await expect(progress).toHaveCount(0);
  });

  test('refuses an upload without the run token, and says when there is no key to sign with', async ({ app, workbench }) => {
    const refused = await app.request.post(`${workbench.origin}/api/upload?name=x.bin`, { headers: { 'Content-Type': 'application/octet-stream' }, data: Buffer.from('x') });
    expect(refused.status()).toBe(401);
    const wrongType = await app.request.post(`${workbench.origin}/api/upload?name=x.bin`, { headers: { Authorization: `Bearer ${workbench.token}`, 'Content-Type': 'text/plain' }, data: 'x' });
    expect(wrongType.status()).toBe(415);
    await app.goto(`${workbench.origin}/#/sign`);
    await expect(app.getByText('No key with a private part yet.')).toBeVisible();
  });
});
