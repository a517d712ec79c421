/**
 * The verify pool runs the compiled worker (dist/), so these tests use the built engine, as the
 * served CLI does.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as EntriesModule from '../../../../electron/engine/entries/index.js';
import type { VerifyPool } from '../../../../electron/engine/entries/index.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { assertCliBuilt, loadBuiltEngine } from '../../../helpers/cli.js';
import { hashedRekordProposal } from '../../../helpers/serve.js';
import { repoRoot } from '../../../helpers/testdata.js';
import { tempDir } from '../../../helpers/temp-dir.js';
import { testSigner } from '../../../fixtures/sigstore/local-signing.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('createVerifyPool (built)', () => {
  let entries: typeof EntriesModule;
  let pool: VerifyPool;
  let wb: Workbench;
  let cleanup: () => void;
  const signer = testSigner('ecdsa-p256');
  const ctx = () => ({ registry: wb.kinds(), clock: { nowMs: () => 1_767_225_600_000 } });

  beforeAll(async () => {
    assertCliBuilt();
    entries = (await import(pathToFileURL(path.join(repoRoot, 'dist/electron/engine/entries/index.js')).href)) as typeof EntriesModule;
    const engine = await loadBuiltEngine();
    const dir = tempDir();
    cleanup = dir.cleanup;
    engine.initWorkbench({ dataDir: dir.dir, origin: 'provwb.test/pool' });
    wb = engine.openWorkbench({ dataDir: dir.dir });
    pool = entries.createVerifyPool(2)!;
  });
  afterAll(async () => {
    await pool?.close();
    wb?.close();
    cleanup?.();
  });

  it('is not created for 0 workers', () => {
    expect(entries.createVerifyPool(0)).toBeUndefined();
  });

  it('given valid entries, prepares exactly what prepareEntry prepares on the main thread', async () => {
    const proposals = Array.from({ length: 6 }, (_, i) => hashedRekordProposal(enc(`pooled ${i}`), signer));
    const pooled = await Promise.all(proposals.map((p) => pool.prepare(ctx(), p)));
    const local = await Promise.all(proposals.map((p) => entries.prepareEntry(ctx(), p)));
    expect(pooled.map((e) => ({ ...e, body: Buffer.from(e.body) }))).toEqual(local.map((e) => ({ ...e, body: Buffer.from(e.body) })));
  });

  it('given a bad signature or a malformed entry, rejects with the same error class and code', async () => {
    const bad = hashedRekordProposal(enc('pooled bad'), signer) as { spec: { signature: { content: string } } };
    bad.spec.signature.content = (hashedRekordProposal(enc('other'), signer) as typeof bad).spec.signature.content;
    await expect(pool.prepare(ctx(), bad)).rejects.toMatchObject({ family: 'verification', code: 'signature_invalid' });
    await expect(pool.prepare(ctx(), { kind: 7 })).rejects.toMatchObject({ family: 'input', code: 'entry_malformed' });
  });

  it('given a kind only the caller\'s registry knows, prepares it on the main thread', async () => {
    const testKind = { ...(await import('../../../helpers/test-kind.js')).testKind };
    const { signedTestEntry } = await import('../../../helpers/test-kind.js');
    const registry = entries.createKindRegistry([testKind]);
    const entry = await pool.prepare({ registry, clock: { nowMs: () => 0 } }, signedTestEntry('custom').proposed);
    expect(entry.kind).toBe('test-signed');
  });
});
