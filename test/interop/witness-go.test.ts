/**
 * The witness's cosignatures as Go sees them: `witness cosign` (the built CLI) on a mirrored
 * tlog-tiles log, then gotlog `checkpoint-verify` and `verify-tiles -layout c2sp` (cosignature/v1
 * per C2SP tlog-cosignature) accept the cosigned note with the witness key, and `provwb verify
 * checkpoint --witness-vkey` applies the threshold.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliJson, describeCli, parseJsonOutput, runCliIn } from '../helpers/cli.js';
import { describeGotlog, requireGotlog, runGotlog } from '../helpers/gotlog.js';
import { mirrorWorkbench, sourceLog, testSigner } from '../helpers/remote-fixture.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe('witness cosignatures and Go', () => {
  it('gotlog accepts the cosigned checkpoint with the witness key; provwb verify checkpoint enforces the threshold', { timeout: 180_000 }, async (ctx) => {
    const gotlog = requireGotlog(ctx);
    const src = sourceLog('provwb.test/go-witnessed');
    cleanups.push(src.cleanup);
    const signer = testSigner('ecdsa-p256');
    for (let i = 0; i < 300; i++) await src.add(`artefact ${i}`, signer);
    src.publish();
    const mirror = mirrorWorkbench(src);
    cleanups.push(mirror.cleanup);
    const dir = mirror.dir;

    expect((await cliJson<{ treeSize: number }>(dir, ['sync', 'src'])).treeSize).toBe(300);
    const key = await cliJson<{ name: string; verifierKey: string }>(dir, ['witness', 'key']);
    const cosigned = await cliJson<{ note: string; treeSize: number; witness: { timestamp: number } }>(dir, ['witness', 'cosign', 'src']);
    expect(cosigned.treeSize).toBe(300);
    const file = path.join(dir, 'cosigned.checkpoint');
    writeFileSync(file, cosigned.note);

    // x/mod's note.Open (checkpoint-verify) knows no cosignature/v1 keys: the note stays a valid log checkpoint with the witness line beside.
    const logOnly = await runGotlog(gotlog, ['checkpoint-verify', '-vkey', src.vkey, '-file', file]);
    expect(logOnly.status, describeGotlog(logOnly)).toBe(0);
    expect((logOnly.json!.verifiedSigs as Array<{ name: string }>).map((s) => s.name)).toEqual(['provwb.test/go-witnessed']);
    expect((logOnly.json!.unverifiedSigs as Array<{ name: string }>).map((s) => s.name)).toEqual([key.name]);
    // verify-tiles checks cosignature/v1 itself, and the whole tree the witness vouches for.
    const witnessOnly = await runGotlog(gotlog, ['verify-tiles', '-layout', 'c2sp', '-dir', src.tilesDir, '-vkey', key.verifierKey, '-checkpoint', file, '-entries']);
    expect(witnessOnly.status, describeGotlog(witnessOnly)).toBe(0);
    expect(witnessOnly.json).toMatchObject({ ok: true, size: 300, recordsVerified: 300, signatures: [{ name: key.name, type: 'cosignature/v1', timestamp: cosigned.witness.timestamp }] });
    const both = await runGotlog(gotlog, ['verify-tiles', '-layout', 'c2sp', '-dir', src.tilesDir, '-vkey', src.vkey, '-vkey', key.verifierKey, '-checkpoint', file]);
    expect(both.status, describeGotlog(both)).toBe(0);
    expect((both.json!.signatures as Array<{ name: string; type: string }>).map((s) => [s.name, s.type])).toEqual([
      ['provwb.test/go-witnessed', 'ed25519'],
      [key.name, 'cosignature/v1'],
    ]);
    // A cosignature with one flipped bit is refused by Go.
    const lines = cosigned.note.split('\n');
    const last = lines.length - 2;
    const sig = Buffer.from(lines[last]!.split(' ').at(-1)!, 'base64');
    sig[sig.length - 1]! ^= 1;
    lines[last] = `${lines[last]!.split(' ').slice(0, -1).join(' ')} ${sig.toString('base64')}`;
    const tampered = path.join(dir, 'tampered.checkpoint');
    writeFileSync(tampered, lines.join('\n'));
    const refused = await runGotlog(gotlog, ['verify-tiles', '-layout', 'c2sp', '-dir', src.tilesDir, '-vkey', key.verifierKey, '-checkpoint', tampered]);
    expect(refused.status, describeGotlog(refused)).toBe(1);

    const ok = await runCliIn(dir, ['verify', 'checkpoint', file, '--vkey', src.vkey, '--witness-vkey', key.verifierKey, '--json']);
    expect(ok.status, describeCli(ok)).toBe(0);
    expect(parseJsonOutput(ok).witnesses).toEqual({ threshold: 1, cosigned: [{ name: key.name, keyId: expect.any(String), timestamp: cosigned.witness.timestamp }] });
    // A second witness that did not cosign: all-of-two fails, one-of-two passes.
    const other = mirrorWorkbench(src, 'src');
    cleanups.push(other.cleanup);
    const otherKey = await cliJson<{ verifierKey: string }>(other.dir, ['witness', 'key']);
    const unmet = await runCliIn(dir, ['verify', 'checkpoint', file, '--vkey', src.vkey, '--witness-vkey', key.verifierKey, '--witness-vkey', otherKey.verifierKey, '--json']);
    expect(unmet.status, describeCli(unmet)).toBe(1);
    expect(parseJsonOutput<{ error: { code: string } }>(unmet).error.code).toBe('witness_threshold_unmet');
    const oneOfTwo = await runCliIn(dir, ['verify', 'checkpoint', file, '--vkey', src.vkey, '--witness-vkey', key.verifierKey, '--witness-vkey', otherKey.verifierKey, '--witness-threshold', '1', '--json']);
    expect(oneOfTwo.status, describeCli(oneOfTwo)).toBe(0);
  });
});
