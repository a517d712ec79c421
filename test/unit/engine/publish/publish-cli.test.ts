/** `provwb publish` and `provwb sign --publish` as scripts run them: the built CLI against an in-process `provwb serve`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson, describeCli, parseJsonOutput, runCliIn } from '../../../helpers/cli.js';
import { getUrl, startTestServe } from '../../../helpers/serve.js';
import { tempDir } from '../../../helpers/temp-workbench.js';
import { cleanupsAfterEach } from '../../../helpers/cleanups.js';

const env = { PROVWB_PASSPHRASE: 'correct horse battery staple' };
const cleanups = cleanupsAfterEach();

describe('provwb sign --publish and provwb publish', () => {
  it('signs, logs locally and publishes to a Rekor v1 remote; refuses a rekor-v2 remote before signing', { timeout: 120_000 }, async () => {
    const serve = await startTestServe({ origin: 'provwb.test/team' });
    cleanups.push(() => serve.close());
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    await cliJson(dir, ['init', '--origin', 'provwb.test/desk']);
    await cliJson(dir, ['keys', 'generate', '--type', 'ecdsa-p256', '--name', 'rel'], { env });
    const pemFile = path.join(dir, 'team.pem');
    writeFileSync(pemFile, (await getUrl(`${serve.url}/api/v1/log/publicKey`)).text);
    await cliJson(dir, ['remote', 'add', 'team', '--type', 'rekor', '--url', serve.url, '--public-key', pemFile]);
    await cliJson(dir, ['remote', 'add', 'team2', '--type', 'rekor-v2', '--url', serve.url, '--vkey', serve.workbench.info().verifierKey]);
    const artefact = path.join(dir, 'app.tgz');
    writeFileSync(artefact, 'release bytes');

    const refused = await runCliIn(dir, ['sign', artefact, '--key', 'rel', '--publish', 'team2', '--json'], { env });
    expect(refused.status, describeCli(refused)).toBe(1);
    expect(parseJsonOutput<{ error: { code: string } }>(refused).error.code).toBe('publish_kind_unsupported');
    expect((await cliJson<{ treeSize: number }>(dir, ['log', 'info'])).treeSize).toBe(0);

    const signed = await cliJson<{ uuid: string; logIndex: number; published: { remote: string; logIndex: number; treeSize: number; status: string } }>(dir, ['sign', artefact, '--key', 'rel', '--publish', 'team'], { env });
    expect(signed.published).toEqual({ remote: 'team', logIndex: 0, treeSize: 1, status: 'created' });
    expect(serve.workbench.info().treeSize).toBe(1);

    const again = await runCliIn(dir, ['publish', 'team', '--uuid', signed.uuid, '--json']);
    expect(again.status, describeCli(again)).toBe(0);
    expect(Object.keys(parseJsonOutput(again))).toEqual([signed.uuid]);
    const unknown = await runCliIn(dir, ['publish', 'nope', '--uuid', signed.uuid, '--json']);
    expect(unknown.status, describeCli(unknown)).toBe(3);
    const badUuid = await runCliIn(dir, ['publish', 'team', '--uuid', 'zz', '--json']);
    expect(badUuid.status, describeCli(badUuid)).toBe(1);
    expect(parseJsonOutput<{ error: { code: string } }>(badUuid).error.code).toBe('uuid_invalid');
  });
});
