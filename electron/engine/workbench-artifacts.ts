/**
 * Artefacts held for signing: browser mode streams an upload into a private temp file (hashed on
 * the way, size-capped), the desktop shell names a file the user picked. `signing.sign` then refers
 * to one by an unguessable id, so no page ever names a path on disk.
 */

import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError, NotFoundError, type StagedArtifactDto } from '../../shared/api/index.js';
import { toHex } from '../../shared/encoding/index.js';
import { sha256OfFile } from './signing/index.js';

export interface StagedArtifact extends StagedArtifactDto {
  /** Where the bytes are: the temp copy, or the user's own file (desktop). */
  readonly path: string;
  /** True when `path` is our temp copy, deleted on release. */
  readonly owned: boolean;
}

export interface ArtifactStaging {
  /** Largest artefact accepted. */
  readonly maxBytes: number;
  /**
   * Returns the artefact read from `source` into a temp file, hashed as it streams. Throws
   * InputError `artifact_too_large` (nothing kept) past `maxBytes`.
   */
  stageStream(name: string, source: AsyncIterable<Uint8Array>, onProgress?: (doneBytes: number) => void): Promise<StagedArtifactDto>;
  /** Returns the artefact at `file` (not copied; hashed now). Desktop only: the path comes from the OS file picker or a drop. */
  stagePath(file: string, onProgress?: (doneBytes: number, totalBytes: number) => void): Promise<StagedArtifactDto>;
  /** Returns a staged artefact; throws NotFoundError `artifact_not_found`. */
  get(id: string): StagedArtifact;
  /** Forgets an artefact and deletes its temp copy. */
  release(id: string): Promise<void>;
  /** Deletes every temp copy (the host stops). */
  close(): void;
}

export interface ArtifactStagingOptions {
  /** Largest artefact accepted. */
  readonly maxBytes: number;
  /** At most this many held at once; the oldest is released first (bounds the temp disk use). */
  readonly maxStaged?: number;
  /** Parent of the private temp directory, default the OS temp directory. */
  readonly tmpDir?: string;
}

const NAME_MAX = 255;

/** Returns the file's own name, stripped of any directory part and of control characters. */
export function safeArtifactName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, NAME_MAX).trim();
  if (clean === '' || clean === '.' || clean === '..') throw new InputError('artifact_name_invalid', `${JSON.stringify(name)} is not a file name`, { name });
  return clean;
}

/** Returns an ArtifactStaging over a fresh private temp directory (mode 0700). */
export function createArtifactStaging(options: ArtifactStagingOptions): ArtifactStaging {
  const maxStaged = options.maxStaged ?? 8;
  let dir: string | undefined;
  const held = new Map<string, StagedArtifact>();

  function tempDir(): string {
    // Created on first use: most runs never sign.
    dir ??= mkdtempSync(path.join(options.tmpDir ?? os.tmpdir(), 'provwb-stage-'));
    return dir;
  }

  async function hold(artifact: StagedArtifact): Promise<StagedArtifactDto> {
    while (held.size >= maxStaged) await release(held.keys().next().value!);
    held.set(artifact.id, artifact);
    return { id: artifact.id, name: artifact.name, sizeBytes: artifact.sizeBytes, sha256: artifact.sha256 };
  }

  async function release(id: string): Promise<void> {
    const artifact = held.get(id);
    if (!artifact) return;
    held.delete(id);
    if (artifact.owned) await unlink(artifact.path).catch(() => undefined);
  }

  function tooLarge(size: number): InputError {
    return new InputError('artifact_too_large', `the file is ${size} bytes or more; the limit is ${options.maxBytes}`, { limit: options.maxBytes }, {
      hint: 'sign it with `provwb sign FILE` in a terminal',
    });
  }

  return {
    maxBytes: options.maxBytes,

    async stageStream(name, source, onProgress) {
      const fileName = safeArtifactName(name);
      const id = randomBytes(16).toString('hex');
      const file = path.join(tempDir(), id);
      const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
      const hash = createHash('sha256');
      let size = 0;
      try {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > options.maxBytes) throw tooLarge(size);
          hash.update(chunk);
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          onProgress?.(size);
        }
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      } catch (error) {
        // Unlinked only once closed: the file is opened asynchronously, and an unlink that ran
        // before the open would leave the file behind.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()).destroy());
        await unlink(file).catch(() => undefined);
        throw error;
      }
      return hold({ id, name: fileName, sizeBytes: size, sha256: toHex(new Uint8Array(hash.digest())), path: file, owned: true });
    },

    async stagePath(file, onProgress) {
      let size: number;
      try {
        const info = await stat(file);
        if (!info.isFile()) throw new InputError('artifact_not_file', `${file} is not a regular file`, { file });
        size = info.size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file_not_found', `no such file: ${file}`, { file });
        throw error;
      }
      if (size > options.maxBytes) throw tooLarge(size);
      const sha256 = await sha256OfFile(file, onProgress);
      return hold({ id: randomBytes(16).toString('hex'), name: safeArtifactName(path.basename(file)), sizeBytes: size, sha256: toHex(sha256), path: file, owned: false });
    },

    get(id) {
      const artifact = held.get(id);
      if (!artifact) {
        throw new NotFoundError('artifact_not_found', `no staged file ${id}: it was signed already, replaced by newer ones, or the host restarted`, { id }, { hint: 'choose the file again' });
      }
      return artifact;
    },

    release,

    close() {
      held.clear();
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    },
  };
}
