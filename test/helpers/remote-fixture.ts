/**
 * A source log and a workbench that mirrors it: the source is a real workbench whose signed entries
 * are exported as a C2SP tlog-tiles directory (a `file://` Rekor v2 remote), re-exported after each
 * append, so sync, monitors and the witness run against real checkpoints, tiles and entry bundles.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeHasher } from '../../electron/engine/crypto/index.js';
import { addEntry } from '../../electron/engine/entries/index.js';
import { exportTiles } from '../../electron/engine/log/index.js';
import { LOCAL_LOG_NAME, openWorkbench, type Workbench } from '../../electron/engine/open-workbench.js';
import { addRemote } from '../../electron/engine/remote/remotes.js';
import { testSigner, type TestSigner } from '../fixtures/sigstore/local-signing.js';
import { hashedRekordProposal } from './serve.js';
import { tempDir, tempWorkbench, type FakeClock } from './temp-workbench.js';

export interface SourceLog {
  readonly workbench: Workbench;
  readonly dir: string;
  /** Where the tiles are exported; the mirror's remote URL is its file:// URL. */
  readonly tilesDir: string;
  readonly url: string;
  readonly vkey: string;
  /** Logs a hashedrekord 0.0.1 entry for `artifact` signed by `signer`; returns its uuid and index. */
  add(artifact: string, signer: TestSigner): Promise<{ uuid: string; logIndex: number }>;
  /** Writes the current tree to the tiles directory (what a tiles server would now serve). */
  publish(): void;
  cleanup(): void;
}

/** Returns a fresh source log named `origin`, exported (empty) to its tiles directory. */
export function sourceLog(origin = 'provwb.test/source'): SourceLog {
  const { workbench, dir, cleanup } = tempWorkbench(origin);
  const tilesDir = path.join(dir, 'tiles');
  mkdirSync(tilesDir);
  const source: SourceLog = {
    workbench,
    dir,
    tilesDir,
    url: pathToFileURL(tilesDir).href,
    vkey: workbench.info().verifierKey,
    async add(artifact, signer) {
      const map = await addEntry(workbench.entryContext(), hashedRekordProposal(new TextEncoder().encode(artifact), signer));
      const [uuid, entry] = Object.entries(map)[0]!;
      return { uuid, logIndex: entry.logIndex };
    },
    publish: () => void exportTiles(workbench.store, LOCAL_LOG_NAME, tilesDir),
    cleanup,
  };
  source.publish();
  return source;
}

/** Returns a copy of the source's workbench in a new folder (same key, same tree so far): appending to both forks the log. */
export function forkSourceLog(source: SourceLog): { workbench: Workbench; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  source.workbench.store.db.exec(`VACUUM INTO '${path.join(dir, 'workbench.db').replace(/'/g, "''")}'`);
  const workbench = openWorkbench({ dataDir: dir });
  return {
    workbench,
    cleanup: () => {
      workbench.close();
      cleanup();
    },
  };
}

/** A workbench that mirrors `source` as the Rekor v2 (typed tiles) remote `name`. */
export function mirrorWorkbench(source: SourceLog, name = 'src'): { workbench: Workbench; clock: FakeClock; dir: string; cleanup: () => void } {
  const mirror = tempWorkbench('provwb.test/monitor');
  addRemote(mirror.workbench.store, nodeHasher, { name, type: 'rekor-v2', url: source.url, key: source.vkey }, mirror.clock.nowMs());
  return mirror;
}

/** The key fingerprint the index stores for a signer: SHA-256 of its DER SubjectPublicKeyInfo. */
export function fingerprintOf(signer: TestSigner): string {
  return createHash('sha256').update(signer.spki).digest('hex');
}

export { testSigner, type TestSigner };
