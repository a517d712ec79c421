import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArtifactStaging, safeArtifactName, type ArtifactStaging } from '../../../electron/engine/workbench-artifacts.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield new TextEncoder().encode(p);
}

describe('createArtifactStaging', () => {
  let root: string;
  let cleanup: () => void;
  let staging: ArtifactStaging;

  beforeEach(() => {
    ({ dir: root, cleanup } = tempDir('provwb-artifacts-'));
    staging = createArtifactStaging({ maxBytes: 10, maxStaged: 2, tmpDir: root });
  });
  afterEach(() => {
    staging.close();
    cleanup();
  });

  const copies = () => readdirSync(root).flatMap((d) => readdirSync(path.join(root, d)));

  describe('given a stream within the limit', () => {
    it('keeps a hashed copy until released', async () => {
      const staged = await staging.stageStream('dir/a.txt', chunks('hello ', 'world'.slice(0, 4)));
      expect(staged).toMatchObject({ name: 'a.txt', sizeBytes: 10, sha256: createHash('sha256').update('hello worl').digest('hex') });
      expect(staged.id).toMatch(/^[0-9a-f]{32}$/);
      expect(copies()).toEqual([staged.id]);
      await staging.release(staged.id);
      expect(copies()).toEqual([]);
      expect(() => staging.get(staged.id)).toThrow(expect.objectContaining({ code: 'artifact_not_found' }));
    });
  });

  describe('given a stream over the limit', () => {
    it('throws artifact_too_large and keeps nothing', async () => {
      await expect(staging.stageStream('big.bin', chunks('123456', '789012'))).rejects.toMatchObject({ code: 'artifact_too_large' });
      expect(copies()).toEqual([]);
    });
  });

  describe('given more files than maxStaged', () => {
    it('releases the oldest', async () => {
      const first = await staging.stageStream('1', chunks('1'));
      await staging.stageStream('2', chunks('2'));
      await staging.stageStream('3', chunks('3'));
      expect(() => staging.get(first.id)).toThrow(expect.objectContaining({ code: 'artifact_not_found' }));
      expect(copies()).toHaveLength(2);
    });
  });

  describe('stagePath', () => {
    it('hashes a file in place and never deletes it', async () => {
      const file = path.join(root, 'release.tar.gz');
      writeFileSync(file, 'abc');
      const staged = await staging.stagePath(file);
      expect(staged).toMatchObject({ name: 'release.tar.gz', sizeBytes: 3, sha256: createHash('sha256').update('abc').digest('hex') });
      expect(staging.get(staged.id).path).toBe(file);
      await staging.release(staged.id);
      expect(existsSync(file)).toBe(true);
    });

    it('refuses a missing file, a directory and a file over the limit', async () => {
      await expect(staging.stagePath(path.join(root, 'nope'))).rejects.toMatchObject({ code: 'file_not_found' });
      mkdirSync(path.join(root, 'dir'));
      await expect(staging.stagePath(path.join(root, 'dir'))).rejects.toMatchObject({ code: 'artifact_not_file' });
      writeFileSync(path.join(root, 'big'), 'x'.repeat(11));
      await expect(staging.stagePath(path.join(root, 'big'))).rejects.toMatchObject({ code: 'artifact_too_large' });
    });
  });
});

describe('safeArtifactName', () => {
  it('keeps the base name only and refuses names that are not file names', () => {
    expect(safeArtifactName('C:\\\\Users\\\\me\\\\app.exe')).toBe('app.exe');
    expect(safeArtifactName('../../etc/passwd')).toBe('passwd');
    expect(safeArtifactName('a\u0000b\nc.txt')).toBe('abc.txt');
    for (const bad of ['', '..', 'dir/', '\u0001']) expect(() => safeArtifactName(bad), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'artifact_name_invalid' }));
  });
});
