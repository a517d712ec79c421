import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ROOT, expect, shot, test } from './fixtures.js';
import { newSigner, sha256Hex, startUpstream, startWebhookReceiver } from './support/upstream-log.js';

const navBadge = (page: Page) => page.getByRole('navigation', { name: 'Views' }).getByTestId('alert-count');
const alertRows = (page: Page) => page.getByRole('table', { name: 'Alert list' }).locator('tbody tr');

async function checkNow(page: Page, outcome: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('check-outcome')).toContainText(outcome, { timeout: 30_000 });
}

/**
 * A monitor over a Rekor v1 remote (a loopback `provwb serve` of signed hashedrekord entries):
 * watches by digest and by key, Check now, alerts with the badge, an alert followed into the
 * explorer, acknowledge and suppress by keyboard, an expected signer whose entries do not alert,
 * a webhook delivery, and the witness's cosignature verified in the checkpoint history.
 */
test('monitor: watches, alerts, badge, allow-list, webhook and witness', async ({ app: page, workbench }, testInfo) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'provwb-e2e-upstream-'));
  const upstream = await startUpstream(ROOT, dir);
  const hook = await startWebhookReceiver();
  try {
    const alice = newSigner();
    const bob = newSigner();
    const carol = newSigner();
    const mallory = newSigner();
    const app1 = await upstream.add('app-1.0.tar.gz', alice);
    const lib = await upstream.add('lib-2.0.so', bob);
    await upstream.add('notes.txt', carol);
    const added = workbench.cli(['remote', 'add', 'upstream', '--type', 'rekor', '--url', upstream.url, '--public-key', '-'], upstream.publicKeyPem);
    expect(added.status, added.stderr).toBe(0);

    await page.keyboard.press('m');
    await expect(page.getByRole('heading', { name: /^Monitor/ })).toBeVisible();

    // Watches: a bad digest is refused in the form, with the schema's words; then a digest and a key.
    const form = page.getByRole('form', { name: 'Add a watch' });
    await form.getByLabel('Watch value').fill('not-a-digest');
    await form.getByRole('button', { name: 'Add watch' }).click();
    await expect(form.getByRole('alert')).toHaveText('must be a SHA-256 digest: 64 hex digits');
    await form.getByLabel('Watch value').fill(sha256Hex('app-1.0.tar.gz'));
    await form.getByLabel('Watched remote').selectOption('upstream');
    await form.getByRole('button', { name: 'Add watch' }).click();
    await expect(page.getByRole('table', { name: 'Watch list' }).locator('tbody tr')).toHaveCount(1);
    await form.getByLabel('Watch type').selectOption('key_fingerprint');
    await form.getByLabel('Watch value').fill(bob.fingerprint);
    await form.getByLabel('Watched remote').selectOption('upstream');
    await form.getByRole('button', { name: 'Add watch' }).click();
    await expect(page.getByRole('table', { name: 'Watch list' }).locator('tbody tr')).toHaveCount(2);

    // Check now: both match once; the nav badge shows 2.
    await checkNow(page, /2 new alerts\. Synced upstream to 3 entries \(3 new\)/);
    await expect(navBadge(page)).toHaveText('2');
    await expect(alertRows(page)).toHaveCount(2);
    await expect(alertRows(page).nth(0)).toContainText(`key ${bob.fingerprint}`);
    await expect(alertRows(page).nth(1)).toContainText(`digest ${sha256Hex('app-1.0.tar.gz')}`);
    await shot(page, testInfo, 'monitor-alerts', { fullPage: true });

    // Follow the key alert into the explorer: the mirrored entry, selected.
    await page.getByRole('button', { name: `Open entry ${lib.logIndex} of upstream in the explorer` }).click();
    await expect(page).toHaveURL(new RegExp(`#/explorer\\?log=upstream&index=${lib.logIndex}$`));
    await expect(page.getByRole('option', { selected: true })).toContainText(lib.uuid.slice(0, 12));
    await shot(page, testInfo, 'monitor-alert-in-explorer');

    // Back in Monitor: acknowledge the first alert and suppress the next, by keyboard.
    await page.keyboard.press('m');
    await page.getByRole('table', { name: 'Alert list' }).focus();
    await page.keyboard.press('a');
    await expect(navBadge(page)).toHaveText('1');
    await expect(alertRows(page)).toHaveCount(1);
    await page.keyboard.press('s');
    await expect(navBadge(page)).toHaveCount(0);
    await expect(page.getByText('No open alerts.')).toBeVisible();
    await page.getByRole('group', { name: 'Alert filter' }).getByRole('button', { name: /^All/ }).click();
    await expect(alertRows(page).locator('.alert-state')).toHaveText(['acknowledged', 'suppressed']);

    // Alice is an expected signer; alerts go to the webhook from now on.
    const signers = page.getByRole('region', { name: 'Expected signers' });
    await signers.getByLabel('Signer fingerprint').fill('xyz');
    await signers.getByRole('button', { name: 'Allow' }).click();
    await expect(signers.getByRole('alert')).toContainText('Fingerprint must be a key fingerprint');
    await signers.getByLabel('Signer fingerprint').fill(alice.fingerprint);
    await signers.getByRole('button', { name: 'Allow' }).click();
    await expect(signers.getByRole('list', { name: 'Allow-listed signers' })).toContainText(alice.fingerprint.slice(0, 40));
    const webhook = page.getByRole('region', { name: 'Webhook' });
    await webhook.getByLabel('Webhook URL').fill(hook.url);
    await webhook.getByRole('button', { name: 'Set' }).click();
    await expect(webhook.getByTestId('webhook-url')).toHaveText(hook.url);
    await expect(webhook.getByTestId('webhook-status')).toContainText('no delivery attempted yet');

    // The same artefact logged again by alice (allowed) and by mallory: only mallory's alerts.
    await upstream.add('app-1.0.tar.gz', alice);
    const forged = await upstream.add('app-1.0.tar.gz', mallory);
    await page.getByRole('group', { name: 'Alert filter' }).getByRole('button', { name: /^New/ }).click();
    await checkNow(page, /1 new alert\. Synced upstream to 5 entries \(2 new\)\. Webhook: 1 delivered\./);
    await expect(navBadge(page)).toHaveText('1');
    await expect(alertRows(page)).toHaveCount(1);
    await expect(alertRows(page).nth(0)).toContainText(`#${forged.logIndex}`);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.body).toMatchObject({ remote: 'upstream', logIndex: forged.logIndex, uuid: forged.uuid, state: 'new' });
    await expect(webhook.getByTestId('webhook-status')).toContainText(`1 delivered · 0 waiting✓ alert ${hook.received[0]!.alertId} delivered`);
    await shot(page, testInfo, 'monitor-webhook-delivered', { fullPage: true });

    // The dashboard counts it too, on its header and on the mirror's card.
    await page.keyboard.press('1');
    await expect(page.getByRole('main').getByRole('button', { name: /^Monitor/ }).getByTestId('alert-count')).toHaveText('1');
    await expect(page.getByRole('region', { name: 'Log upstream' }).getByTestId('log-alerts')).toHaveText('1');
    await shot(page, testInfo, 'monitor-dashboard-badge');

    // Witness: its key, then a cosignature of the same log mirrored as tiles (its C2SP key lets the
    // page check the log's signature, then the cosignature with the witness key).
    await page.keyboard.press('m');
    const witnessKey = (await page.getByTestId('witness-key').innerText()).replace(/\s*copy$/, '').trim();
    expect(witnessKey).toMatch(/^e2e\.example\/provenance\/witness\+[0-9a-f]{8}\+/);
    const tiles = workbench.cli(['remote', 'add', 'upstream-tiles', '--type', 'rekor-v2', '--url', upstream.url, '--vkey', upstream.vkey]);
    expect(tiles.status, tiles.stderr).toBe(0);
    await page.keyboard.press('8');
    await page.getByRole('table', { name: 'Remotes' }).getByText('upstream-tiles').click();
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Mirrored 5 entries' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cosign' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Cosigned size 5' })).toContainText(witnessKey);
    const cosigned = page.getByRole('table', { name: 'Checkpoints' }).locator('tr[data-source="cosigned"]');
    await expect(cosigned).toHaveCount(1);
    await expect(cosigned).toContainText('✓ log key');
    await expect(cosigned).toContainText('✓ e2e.example/provenance/witness at');
    await expect(page.getByTestId('history-witness-key')).toContainText(witnessKey);
    await shot(page, testInfo, 'witness-cosignature-verified', { fullPage: true });
  } finally {
    await hook.stop();
    await upstream.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('the Monitor view with no watches explains what to do', async ({ app: page }, testInfo) => {
    await page.keyboard.press('m');
    await expect(page.getByText('No open alerts. Add a watch and run Check now')).toBeVisible();
    await expect(page.getByText('No watches yet.')).toBeVisible();
    await expect(page.getByTestId('witness-key')).toContainText('/witness+');
    await shot(page, testInfo, 'monitor-empty-dark', { fullPage: true });
  });
});
