/**
 * Interop of the CLI's checkpoints with the Go reference (gotlog `checkpoint-verify`, built on
 * golang.org/x/mod/sumdb/note): the note `provwb log checkpoint` prints — after init and after
 * appends — is a C2SP signed checkpoint that Go opens with the verifier key `provwb init` printed,
 * naming our origin, tree size and root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { cliJson, describeCli, runCliIn } from '../helpers/cli.js';
import { describeGotlog, requireGotlog, runGotlog } from '../helpers/gotlog.js';

const ORIGIN = 'note-cli-go.test/log';
const EMPTY_ROOT_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

interface InitJson {
  origin: string;
  verifierKey: string;
  logID: string;
}

interface InfoJson {
  origin: string;
  treeSize: number;
  rootHash: string;
  checkpoint: string;
  verifierKey: string;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function initWorkbenchDir(): Promise<{ dataDir: string; work: string; init: InitJson }> {
  const { dir, cleanup } = tempDir('note-cli-go-');
  cleanups.push(cleanup);
  const dataDir = path.join(dir, 'wb');
  const init = await cliJson<InitJson>(dataDir, ['init', '--origin', ORIGIN]);
  return { dataDir, work: dir, init };
}

/** Writes `provwb log checkpoint` (human output: the note itself) to a file and returns its path. */
async function saveCheckpoint(dataDir: string, file: string): Promise<string> {
  const r = await runCliIn(dataDir, ['log', 'checkpoint']);
  expect(r.status, describeCli(r)).toBe(0);
  writeFileSync(file, r.stdout);
  return file;
}

async function goVerify(ctx: TestContext, vkey: string, file: string, extra: string[] = []) {
  const gotlog = requireGotlog(ctx);
  return runGotlog(gotlog, ['checkpoint-verify', '-vkey', vkey, '-file', file, '-origin', ORIGIN, ...extra]);
}

function hexLines(count: number, start: number): string {
  return Array.from({ length: count }, (_, i) => Buffer.from(`note-cli-go ${start + i}`).toString('hex')).join('\n') + '\n';
}

describe('provwb log checkpoint against Go checkpoint-verify', () => {
  describe('given a freshly initialised workbench', () => {
    it('Go accepts the empty-tree checkpoint with the verifier key init printed', async (ctx) => {
      requireGotlog(ctx);
      const { dataDir, work, init } = await initWorkbenchDir();
      expect(init.origin).toBe(ORIGIN);
      const file = await saveCheckpoint(dataDir, path.join(work, 'checkpoint.0'));
      const r = await goVerify(ctx, init.verifierKey, file);
      expect(r.status, describeGotlog(r)).toBe(0);
      expect(r.json).toMatchObject({ ok: true, origin: ORIGIN, size: 0, rootHex: EMPTY_ROOT_HEX, extensions: [], unverifiedSigs: [] });
      expect(r.json!['verifiedSigs']).toEqual([expect.objectContaining({ name: ORIGIN, keyHash: init.verifierKey.split('+')[1] })]);
      expect(r.json!['warnings']).toBeUndefined();
    });
  });

  describe('given appends of several sizes', () => {
    it('Go accepts each checkpoint, with our tree size and root, in human and --json output alike', async (ctx) => {
      requireGotlog(ctx);
      const { dataDir, work, init } = await initWorkbenchDir();
      let size = 0;
      for (const batch of [1, 255, 300]) {
        const appended = await cliJson<{ treeSize: number; rootHash: string }>(dataDir, ['log', 'append-raw'], { input: hexLines(batch, size) });
        size += batch;
        expect(appended.treeSize).toBe(size);

        // The human and --json forms are read side by side; they must carry the same note text.
        const [file, info, viaJson] = await Promise.all([
          saveCheckpoint(dataDir, path.join(work, `checkpoint.${size}`)),
          cliJson<InfoJson>(dataDir, ['log', 'info']),
          cliJson<{ checkpoint: string }>(dataDir, ['log', 'checkpoint']),
        ]);
        const r = await goVerify(ctx, init.verifierKey, file);
        expect(r.status, describeGotlog(r)).toBe(0);
        expect(r.json).toMatchObject({ ok: true, origin: ORIGIN, size, rootHex: appended.rootHash });

        expect(viaJson.checkpoint).toBe(readFileSync(file, 'utf8'));
        expect(info.checkpoint).toBe(viaJson.checkpoint);
        expect(info.verifierKey).toBe(init.verifierKey);
        expect(info).toMatchObject({ treeSize: size, rootHash: appended.rootHash });
      }
    });
  });

  describe('given a checkpoint checked with another workbench’s key of the same name', () => {
    it('Go rejects it (exit 1), as does provwb verify checkpoint', async (ctx) => {
      requireGotlog(ctx);
      const a = await initWorkbenchDir();
      const b = await initWorkbenchDir();
      expect(b.init.verifierKey).not.toBe(a.init.verifierKey);
      const file = await saveCheckpoint(a.dataDir, path.join(a.work, 'checkpoint'));
      const r = await goVerify(ctx, b.init.verifierKey, file);
      expect(r.status, describeGotlog(r)).toBe(1);
      expect(r.json).toMatchObject({ ok: false, errorKind: 'unverified' });

      const ours = await runCliIn(a.dataDir, ['verify', 'checkpoint', file, '--vkey', b.init.verifierKey, '--json']);
      expect(ours.status, describeCli(ours)).toBe(1);
      expect(JSON.parse(ours.stdout)).toMatchObject({ error: { code: 'note_unverified' } });
    });
  });

  describe('given our checkpoint with its tree size altered', () => {
    it('Go rejects the signature (exit 1)', async (ctx) => {
      requireGotlog(ctx);
      const { dataDir, work, init } = await initWorkbenchDir();
      await cliJson(dataDir, ['log', 'append-raw'], { input: hexLines(5, 0) });
      const file = await saveCheckpoint(dataDir, path.join(work, 'checkpoint'));
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines[1]).toBe('5');
      lines[1] = '6';
      writeFileSync(file, lines.join('\n'));
      const r = await goVerify(ctx, init.verifierKey, file);
      expect(r.status, describeGotlog(r)).toBe(1);
      expect(r.json).toMatchObject({ ok: false, errorKind: 'invalid-signature' });
    });
  });
});
