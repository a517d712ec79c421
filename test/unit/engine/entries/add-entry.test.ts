import { createHash, createPublicKey, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromHex } from '../../../../shared/encoding/index.js';
import { verifyInclusion } from '../../../../shared/merkle/index.js';
import { openCheckpoint, parseVerifierKey } from '../../../../shared/note/index.js';
import { addEntry, createKindRegistry, rekorLogEntry, searchEntries, setPayload, verifyIndex, type KindRegistry } from '../../../../electron/engine/entries/index.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { nobleHasher } from '../../../helpers/hashers.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';
import { signedTestEntry, testKind } from '../../../helpers/test-kind.js';

describe('addEntry', () => {
  let wb: Workbench;
  let cleanup: () => void;
  let registry: KindRegistry;
  const ctx = () => ({ store: wb.store, log: wb.localLog(), signer: wb.signer, logIdHex: wb.logIdHex, registry, clock: wb.clock });
  beforeEach(() => {
    ({ workbench: wb, cleanup } = tempWorkbench());
    registry = createKindRegistry([testKind]);
  });
  afterEach(() => cleanup());

  describe('given a valid signed entry', () => {
    it('answers a Rekor LogEntry whose proof, checkpoint and SET verify', async () => {
      const { proposed } = signedTestEntry('release 1.0');
      const answer = await addEntry(ctx(), proposed);
      const [uuid, entry] = Object.entries(answer)[0]!;
      const body = Buffer.from(entry.body, 'base64');
      expect(uuid).toBe(createHash('sha256').update(Buffer.concat([Buffer.from([0]), body])).digest('hex'));
      expect(JSON.parse(body.toString())).toMatchObject({ kind: 'test-signed', apiVersion: '0.0.1' });
      const proof = entry.verification.inclusionProof;
      verifyInclusion(proof.logIndex, proof.treeSize, fromHex(uuid), proof.hashes.map(fromHex), fromHex(proof.rootHash), nobleHasher);
      const vkey = wb.info().verifierKey;
      const opened = openCheckpoint(proof.checkpoint, [parseVerifierKey(vkey)]);
      expect(Buffer.from(opened.checkpoint.rootHash).toString('hex')).toBe(proof.rootHash);
      const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(parseVerifierKey(vkey).publicKey)]), format: 'der', type: 'spki' });
      expect(verify(null, setPayload(entry), publicKey, Buffer.from(entry.verification.signedEntryTimestamp, 'base64'))).toBe(true);
      expect(entry.logID).toBe(wb.logIdHex);
      expect(entry.integratedTime).toBe(Math.floor(wb.clock.nowMs() / 1000));
    });
  });

  describe('given an entry integrated before SETs were kept (set_signature NULL)', () => {
    it('signs its SET when read: the same bytes the kept one had', async () => {
      const answer = await addEntry(ctx(), signedTestEntry('release 1.0').proposed);
      const [uuid, entry] = Object.entries(answer)[0]!;
      const [kept] = wb.store.entries(wb.localLog().record().id, entry.logIndex, entry.logIndex + 1);
      expect(Buffer.from(kept!.signedEntryTimestamp!).toString('base64')).toBe(entry.verification.signedEntryTimestamp);
      wb.store.db.prepare('UPDATE entry_meta SET set_signature = NULL WHERE idx = ?').run(entry.logIndex);
      const reread = rekorLogEntry({ store: wb.store, log: wb.localLog(), signer: wb.signer, logIdHex: wb.logIdHex }, entry.logIndex)[uuid]!;
      expect(reread.verification.signedEntryTimestamp).toBe(entry.verification.signedEntryTimestamp);
    });
  });

  describe('given the same entry twice', () => {
    it('refuses the second with already_exists and the existing uuid, storing nothing', async () => {
      const { proposed } = signedTestEntry('release 1.0');
      const uuid = Object.keys(await addEntry(ctx(), proposed))[0];
      const before = wb.localLog().record().treeSize;
      await expect(addEntry(ctx(), proposed)).rejects.toMatchObject({ code: 'already_exists', details: { uuid } });
      expect(wb.localLog().record().treeSize).toBe(before);
    });
  });

  describe('given a bad signature, an unknown kind or a malformed envelope', () => {
    it('rejects each with its code and stores nothing', async () => {
      const { proposed } = signedTestEntry('release 1.0');
      const spec = proposed.spec as Record<string, string>;
      const flipped = { ...proposed, spec: { ...spec, digest: spec.digest!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } };
      await expect(addEntry(ctx(), flipped)).rejects.toMatchObject({ code: 'signature_invalid' });
      await expect(addEntry(ctx(), { ...proposed, kind: 'nope' })).rejects.toMatchObject({ code: 'kind_unknown' });
      await expect(addEntry(ctx(), { ...proposed, apiVersion: '9.9.9' })).rejects.toMatchObject({ code: 'kind_unknown' });
      await expect(addEntry(ctx(), [1, 2])).rejects.toMatchObject({ code: 'entry_malformed' });
      await expect(addEntry(ctx(), { kind: 'test-signed', spec: {} })).rejects.toMatchObject({ code: 'entry_malformed' });
      expect(wb.localLog().record().treeSize).toBe(0);
      expect(wb.store.indexKeysOfLog(wb.localLog().record().id)).toEqual([]);
    });
  });

  describe('given several entries', () => {
    it('finds them by digest, key and email (with wildcards), and the index verifies until tampered', async () => {
      const a = signedTestEntry('artefact a', { email: 'Alice@Example.com' });
      const b = signedTestEntry('artefact b', { email: 'bob@example.org' });
      await addEntry(ctx(), a.proposed);
      await addEntry(ctx(), b.proposed);
      const leafHashOf = (logId: number, indexes: readonly number[]) => wb.leafHashes(logId, indexes);
      expect(searchEntries(wb.store, leafHashOf, { sha256: a.digest }).matches.map((m) => m.logIndex)).toEqual([0]);
      expect(searchEntries(wb.store, leafHashOf, { sha256: `sha256:${b.digest.toUpperCase()}` }).matches.map((m) => m.logIndex)).toEqual([1]);
      expect(searchEntries(wb.store, leafHashOf, { email: 'alice@example.com' }).matches.map((m) => m.logIndex)).toEqual([0]);
      expect(searchEntries(wb.store, leafHashOf, { email: '*@example.*' }).matches.map((m) => m.logIndex)).toEqual([0, 1]);
      // Rekor's index/retrieve looks emails up exactly: there '*' is only a character.
      expect(searchEntries(wb.store, leafHashOf, { email: '*@example.*', emailWildcards: false }).matches).toEqual([]);
      expect(searchEntries(wb.store, leafHashOf, { email: '*@example.org', sha256: a.digest }).matches).toEqual([]);
      expect(() => searchEntries(wb.store, leafHashOf, {})).toThrow(expect.objectContaining({ code: 'search_empty' }));
      expect(verifyIndex(wb.store, registry)).toMatchObject({ ok: true, missing: [], extra: [], altered: [] });
      wb.store.db.prepare("UPDATE index_keys SET key = 'mallory@example.com' WHERE key_type = 'email' AND idx = 1").run();
      wb.store.db.prepare("DELETE FROM index_keys WHERE key_type = 'sha256' AND idx = 0").run();
      const report = verifyIndex(wb.store, registry);
      expect(report.ok).toBe(false);
      expect(report.altered).toEqual([expect.objectContaining({ logIndex: 1, type: 'email', value: 'mallory@example.com' })]);
      expect(report.missing).toEqual([expect.objectContaining({ logIndex: 0, type: 'sha256', value: a.digest })]);
    });
  });
});

describe('rekorLogEntry', () => {
  describe('given a stored body altered after it was logged', () => {
    it('refuses to sign a SET for it (entry_corrupt)', async () => {
      const { workbench: wb, cleanup } = tempWorkbench();
      try {
        const ctx = { store: wb.store, log: wb.localLog(), signer: wb.signer, logIdHex: wb.logIdHex, registry: createKindRegistry([testKind]), clock: wb.clock };
        await addEntry(ctx, signedTestEntry('release 3').proposed);
        const row = wb.store.db.prepare('SELECT bundle FROM entry_bundles').get() as { bundle: Buffer };
        const bundle = Buffer.from(row.bundle);
        bundle.writeUInt8(bundle.readUInt8(bundle.length - 3) ^ 1, bundle.length - 3);
        wb.store.db.prepare('UPDATE entry_bundles SET bundle = ?').run(bundle);
        expect(() => rekorLogEntry(ctx, 0)).toThrow(expect.objectContaining({ code: 'entry_corrupt' }));
      } finally {
        cleanup();
      }
    });
  });
});
