import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, shot, test } from './fixtures.js';

const PASSPHRASE = 'a long keyring passphrase';

test.describe('keys view', () => {
  test('generates ECDSA and OpenPGP keys, shows their fingerprints and exports the public keys', async ({ app, workbench, scratch: dir }, testInfo) => {
    test.setTimeout(90_000);
    await app.keyboard.press('7');
    await expect(app.getByText('The keyring is empty.')).toBeVisible();

    await app.getByRole('button', { name: 'Generate…' }).click();
    const form = app.getByRole('form', { name: 'Generate a key' });
    await form.getByLabel('Key type').selectOption('ecdsa-p256');
    await form.getByLabel('Key name').fill('release-2026');
    await form.getByLabel('New passphrase').fill(PASSPHRASE);
    await form.getByLabel('Repeat passphrase').fill('something else');
    await expect(form.getByText('The two passphrases differ.')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Generate' })).toBeDisabled();
    await form.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Generate' }).click();

    const keyring = app.getByRole('table', { name: 'Keyring' });
    await expect(keyring.getByRole('row', { name: /release-2026/ })).toBeVisible();
    // The fingerprint the page shows is the CLI's, and the exported PEM hashes to it.
    const listed = JSON.parse(workbench.cli(['--json', 'keys', 'list']).stdout) as { keys: Array<{ name: string; fingerprint: string }> } | Array<{ name: string; fingerprint: string }>;
    const keys = Array.isArray(listed) ? listed : listed.keys;
    const ecdsa = keys.find((k) => k.name === 'release-2026')!;
    const detail = app.getByRole('region', { name: 'Key release-2026' });
    await expect(detail.getByLabel('Fingerprint', { exact: true })).toHaveText(ecdsa.fingerprint);
    await expect(detail.getByLabel('Public key text')).toContainText('-----BEGIN PUBLIC KEY-----');
    const [pem] = await Promise.all([app.waitForEvent('download'), detail.getByRole('button', { name: 'Export release-2026.pem' }).click()]);
    const pemPath = path.join(dir, 'release-2026.pem');
    await pem.saveAs(pemPath);
    const der = Buffer.from(readFileSync(pemPath, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(createHash('sha256').update(der).digest('hex')).toBe(ecdsa.fingerprint);

    // OpenPGP needs an email for its user ID; its fingerprint shows in gpg's groups of four.
    await app.getByRole('button', { name: 'Generate…' }).click();
    await form.getByLabel('Key type').selectOption('pgp');
    await form.getByLabel('Key name').fill('maintainer');
    await form.getByLabel('New passphrase').fill(PASSPHRASE);
    await form.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await expect(form.getByRole('button', { name: 'Generate' })).toBeDisabled();
    await form.getByLabel('Email').fill('maintainer@example.org');
    await form.getByRole('button', { name: 'Generate' }).click();
    const pgp = app.getByRole('region', { name: 'Key maintainer' });
    await expect(pgp.getByLabel('Fingerprint', { exact: true })).toHaveText(/^([0-9A-F]{4} ){4}[0-9A-F]{4} {2}([0-9A-F]{4} ){4}[0-9A-F]{4}$/);
    await expect(pgp).toContainText('maintainer <maintainer@example.org>');
    const [asc] = await Promise.all([app.waitForEvent('download'), pgp.getByRole('button', { name: 'Export maintainer.asc' }).click()]);
    const ascPath = path.join(dir, 'maintainer.asc');
    await asc.saveAs(ascPath);
    expect(readFileSync(ascPath, 'utf8')).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
    await expect(keyring.getByRole('row')).toHaveCount(3);
    await shot(app, testInfo, 'keys-generated');
    await app.emulateMedia({ colorScheme: 'dark' });
    await shot(app, testInfo, 'keys-generated-dark');
    await app.emulateMedia({ colorScheme: 'light' });

    // ↑/↓ on the table move the selection.
    await keyring.focus();
    await app.keyboard.press('ArrowDown');
    await expect(app.getByRole('region', { name: 'Key release-2026' })).toBeVisible();
  });

  test('imports a pasted PEM key and an OpenSSH key file, and refuses garbage and taken names', async ({ app, workbench, scratch: dir }, testInfo) => {
    await app.goto(`${workbench.origin}/#/keys`);
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const spkiSha256 = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');

    await app.getByRole('button', { name: 'Import…' }).click();
    const form = app.getByRole('form', { name: 'Import a key' });
    await form.getByLabel('Key to import').fill('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n');
    await form.getByLabel('Import name').fill('broken');
    await form.getByRole('button', { name: 'Import' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await expect(form.getByRole('alert')).toHaveAttribute('data-error-code', /_invalid$|unsupported/);
    await shot(app, testInfo, 'keys-import-error');

    await form.getByLabel('Key to import').fill(pem);
    await form.getByLabel('Import name').fill('upstream');
    await form.getByRole('button', { name: 'Import' }).click();
    const upstream = app.getByRole('region', { name: 'Key upstream' });
    await expect(upstream.getByLabel('Fingerprint', { exact: true })).toHaveText(spkiSha256);
    await expect(upstream).toContainText('public only');
    await expect(upstream.getByRole('button', { name: 'Sign with it' })).toHaveCount(0);

    // An OpenSSH public key from a file, as ssh-keygen writes it.
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(raw)]);
    const sshFile = path.join(dir, 'id_ed25519.pub');
    writeFileSync(sshFile, `ssh-ed25519 ${blob.toString('base64')} ci@example.org\n`);
    await app.getByRole('button', { name: 'Import…' }).click();
    await form.getByLabel('Choose a key file').setInputFiles(sshFile);
    await expect(form.getByLabel('Import name')).toHaveValue('id_ed25519');
    await form.getByRole('button', { name: 'Import' }).click();
    const ssh = app.getByRole('region', { name: 'Key id_ed25519' });
    await expect(ssh.getByLabel('Fingerprint', { exact: true })).toHaveText(`SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`);

    // A taken name is refused, and the keyring keeps the first key.
    await app.getByRole('button', { name: 'Import…' }).click();
    await form.getByLabel('Key to import').fill(pem);
    await form.getByLabel('Import name').fill('upstream');
    await form.getByRole('button', { name: 'Import' }).click();
    await expect(form.getByRole('alert')).toHaveAttribute('data-error-code', 'already_exists');
    await expect(app.getByRole('table', { name: 'Keyring' }).getByRole('row')).toHaveCount(3);
    await shot(app, testInfo, 'keys-imported');
  });

  test('lists the entries a key signed, linking into the explorer', async ({ app, workbench }) => {
    // The seed's hashedrekord signers are throwaway keys: import one's public key by its PEM from the entry body.
    const typed = workbench.seed!.signed[0]!;
    const entry = JSON.parse(workbench.cli(['--json', 'get', '--index', String(typed.logIndex)]).stdout) as Record<string, { body: string }>;
    const body = JSON.parse(Buffer.from(Object.values(entry)[0]!.body, 'base64').toString('utf8')) as { spec: { signature: { publicKey: { content: string } } } };
    const pem = Buffer.from(body.spec.signature.publicKey.content, 'base64').toString('utf8');
    await app.goto(`${workbench.origin}/#/keys`);
    await app.getByRole('button', { name: 'Import…' }).click();
    const form = app.getByRole('form', { name: 'Import a key' });
    await form.getByLabel('Key to import').fill(pem);
    await form.getByLabel('Import name').fill('seed-signer');
    await form.getByRole('button', { name: 'Import' }).click();
    const detail = app.getByRole('region', { name: 'Key seed-signer' });
    await expect(detail.getByLabel('Fingerprint', { exact: true })).toHaveText(typed.keyFingerprint);
    const signed = detail.getByRole('table', { name: 'Entries signed with this key' });
    await expect(signed.getByRole('row')).toHaveCount(2);
    await signed.getByRole('button', { name: `Open entry ${typed.logIndex} in the explorer` }).click();
    await expect(app.getByRole('article', { name: `Entry ${typed.logIndex}` }).getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
  });
});

/** An SSH wire-format string: 4-byte big-endian length, then the bytes. */
function sshString(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
