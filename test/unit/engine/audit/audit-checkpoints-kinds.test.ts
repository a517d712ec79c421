import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSignerKey, parseSignerKey, signNote } from '../../../../shared/note/index.js';
import { auditWorkbench, type AuditReport } from '../../../../electron/engine/audit/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { LocalLog, checkpointBody } from '../../../../electron/engine/log/index.js';
import { Store, openDatabase } from '../../../../electron/engine/store/index.js';
import { MIRROR_NAME, MIRROR_ORIGIN, buildAuditFixture, copyFixture, type AuditFixture } from './audit-fixture.js';

let fixture: AuditFixture;
beforeAll(async () => {
  fixture = await buildAuditFixture();
});
afterAll(() => fixture?.cleanup());

async function auditAfter(mutate: (store: Store) => void, log: string): Promise<AuditReport> {
  const copy = copyFixture(fixture);
  try {
    const db = openDatabase(copy.dir);
    try {
      mutate(new Store(db));
    } finally {
      db.close();
    }
    return await auditWorkbench({ dataDir: copy.dir, logName: log });
  } finally {
    copy.cleanup();
  }
}

/** A checkpoint of the mirror at `size` with a made-up root, validly signed with the mirror's key (as a forking log would). */
function forgedMirrorCheckpoint(size: number): { note: string; root: Uint8Array } {
  const { skey } = generateSignerKey(MIRROR_ORIGIN, new Uint8Array(32).fill(7));
  const root = new Uint8Array(32).fill(9);
  return { note: signNote(checkpointBody(MIRROR_ORIGIN, size, root), [parseSignerKey(skey)]), root };
}

describe('auditWorkbench', () => {
  describe('given two validly signed checkpoints of one size that disagree', () => {
    it('reports them and the one the entries do not give', async () => {
      const report = await auditAfter((store) => {
        const mirror = store.logByName(MIRROR_NAME)!;
        const { note, root } = forgedMirrorCheckpoint(200);
        store.insertCheckpoint({ logId: mirror.id, treeSize: 200, rootHash: root, note, source: 'fetched', createdAt: 0 });
      }, MIRROR_NAME);
      expect(report.problems.map((p) => p.code).sort()).toEqual(['checkpoint_root_mismatch', 'checkpoints_disagree']);
      expect(report.problems.find((p) => p.code === 'checkpoints_disagree')?.where).toEqual({ table: 'checkpoints', treeSize: 200 });
    });
    it('keeps a fork stored as evidence as a note, not a problem of the mirror', async () => {
      const report = await auditAfter((store) => {
        const mirror = store.logByName(MIRROR_NAME)!;
        const { note, root } = forgedMirrorCheckpoint(200);
        store.insertCheckpoint({ logId: mirror.id, treeSize: 200, rootHash: root, note, source: 'evidence', createdAt: 0 });
      }, MIRROR_NAME);
      expect(report).toMatchObject({ ok: true, problems: [] });
      expect(report.notes.map((n) => n.code)).toEqual(['fork_evidence', 'fork_evidence']);
    });
  });

  describe('given a checkpoint beyond the stored tree', () => {
    it('is a note for a mirror (a sync may stop short) and a problem for the local log', async () => {
      const mirror = await auditAfter((store) => {
        const { note, root } = forgedMirrorCheckpoint(5000);
        store.insertCheckpoint({ logId: store.logByName(MIRROR_NAME)!.id, treeSize: 5000, rootHash: root, note, source: 'fetched', createdAt: 0 });
      }, MIRROR_NAME);
      expect(mirror).toMatchObject({ ok: true, notes: [expect.objectContaining({ code: 'checkpoint_beyond_tree' })] });
    });
  });

  describe('given a typed entry of a kind the workbench does not know', () => {
    /** Appends a `martian 9.9.9` entry to log `name` as add or sync would store it (entry_meta, leaf_index), then audits it. */
    async function auditWithMartian(name: string): Promise<AuditReport> {
      const body = new TextEncoder().encode(JSON.stringify({ apiVersion: '9.9.9', kind: 'martian', spec: {} }));
      const copy = copyFixture(fixture);
      try {
        const db = openDatabase(copy.dir);
        try {
          const store = new Store(db);
          const local = store.logByName('local')!;
          const { skey, vkey } = name === MIRROR_NAME ? generateSignerKey(MIRROR_ORIGIN, new Uint8Array(32).fill(7)) : { skey: store.signer(local.id)!, vkey: local.verifierKeys[0]! };
          const signer = parseSignerKey(skey);
          const log = new LocalLog({ store, logName: name, hasher: nodeHasher, signer: { verifierKey: vkey, sign: (text) => signNote(text, [signer]) }, clock: { nowMs: () => 1_767_225_700_000 } });
          log.append([{ body, kind: 'martian', apiVersion: '9.9.9', integratedTime: 1_767_225_700 }]);
          if (name === MIRROR_NAME) db.prepare("UPDATE checkpoints SET source = 'fetched' WHERE log_id = ?").run(log.record().id);
        } finally {
          db.close();
        }
        return await auditWorkbench({ dataDir: copy.dir, logName: name });
      } finally {
        copy.cleanup();
      }
    }
    it('notes it in a mirror and reports it in the local log', async () => {
      expect(await auditWithMartian(MIRROR_NAME)).toMatchObject({ ok: true, problems: [], notes: [expect.objectContaining({ code: 'kind_unknown' })] });
      expect((await auditWithMartian('local')).problems).toEqual([expect.objectContaining({ code: 'kind_unknown', index: fixture.localSize })]);
    });
  });
});
