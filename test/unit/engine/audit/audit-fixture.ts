/**
 * A workbench with something of every kind of stored data an audit reads: a local log of raw and
 * typed (hashedrekord) entries spanning full and partial tiles on two tile levels, with index keys,
 * leaf_index rows and a checkpoint per append, and a mirror log (role 'mirror', fetched checkpoints)
 * filled by a LocalLog signing with the mirror's verifier key, as sync would leave it.
 */
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createHash, sign } from 'node:crypto';
import { generateSignerKey, parseSignerKey, signNote } from '../../../../shared/note/index.js';
import { addEntry } from '../../../../electron/engine/entries/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { LocalLog } from '../../../../electron/engine/log/index.js';
import { DATABASE_FILE } from '../../../../electron/engine/store/index.js';
import { testSigner } from '../../../fixtures/sigstore/local-signing.js';
import { sampleEntries, tempDir, tempWorkbench } from '../../../helpers/temp-workbench.js';

export const MIRROR_NAME = 'mirror';
export const MIRROR_ORIGIN = 'mirror.test/log';

export interface AuditFixture {
  /** Folder holding the closed workbench. */
  readonly dir: string;
  /** Indexes of the local log's typed entries. */
  readonly typed: readonly number[];
  readonly localSize: number;
  readonly mirrorSize: number;
  cleanup(): void;
}

function hashedRekordProposal(artifact: string) {
  const signer = testSigner('ecdsa-p256');
  const bytes = Buffer.from(artifact);
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: createHash('sha256').update(bytes).digest('hex') } },
      signature: { content: sign('sha256', bytes, signer.privateKey).toString('base64'), publicKey: { content: Buffer.from(signer.pem).toString('base64') } },
    },
  };
}

/** Builds the fixture workbench and closes it (its WAL folded into the file). */
export async function buildAuditFixture(): Promise<AuditFixture> {
  const { workbench: wb, dir, clock, cleanup } = tempWorkbench('provwb.test/audit');
  try {
    const log = wb.localLog();
    // 300 + 250 raw entries: two full level-0 tiles and a level-1 tile of width 2 (with an interior node).
    log.append(sampleEntries(300));
    clock.advance(1000);
    log.append(sampleEntries(250, 300));
    const typed: number[] = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      clock.advance(1000);
      const answer = await addEntry(wb.entryContext(), hashedRekordProposal(`artefact ${name}`));
      typed.push(Object.values(answer)[0]!.logIndex);
    }
    clock.advance(1000);
    log.append(sampleEntries(100, 1000));

    const { skey, vkey } = generateSignerKey(MIRROR_ORIGIN, new Uint8Array(32).fill(7));
    wb.store.createLog({ name: MIRROR_NAME, role: 'mirror', origin: MIRROR_ORIGIN, remoteType: 'tiles', url: 'file:///nowhere', verifierKeys: [vkey], emptyRoot: nodeHasher.emptyRoot(), createdAt: clock.nowMs() });
    const signer = parseSignerKey(skey);
    const mirror = new LocalLog({ store: wb.store, logName: MIRROR_NAME, hasher: nodeHasher, signer: { verifierKey: vkey, sign: (body) => signNote(body, [signer]) }, clock });
    mirror.append(sampleEntries(200, 5000));
    mirror.append(sampleEntries(90, 5200));
    // A mirror's checkpoints are fetched, not issued.
    wb.store.db.prepare("UPDATE checkpoints SET source = 'fetched' WHERE log_id = ?").run(mirror.record().id);
    const result = { dir, typed, localSize: log.record().treeSize, mirrorSize: mirror.record().treeSize, cleanup };
    wb.close();
    return { ...result, cleanup: () => cleanup() };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** Returns a fresh copy of the fixture's database in a new folder. */
export function copyFixture(fixture: AuditFixture): { dir: string; file: string; cleanup: () => void } {
  const copy = tempDir('provwb-audit-');
  if (existsSync(path.join(fixture.dir, `${DATABASE_FILE}-wal`))) copyFileSync(path.join(fixture.dir, `${DATABASE_FILE}-wal`), path.join(copy.dir, `${DATABASE_FILE}-wal`));
  copyFileSync(path.join(fixture.dir, DATABASE_FILE), path.join(copy.dir, DATABASE_FILE));
  return { dir: copy.dir, file: path.join(copy.dir, DATABASE_FILE), cleanup: copy.cleanup };
}
