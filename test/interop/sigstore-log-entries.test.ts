import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../shared/api/index.js';
import { verifyLogEntryOffline } from '../../electron/engine/sigstore/index.js';
import { expectWorkbenchError } from '../helpers/assertions.js';
import { cloneJson, firstTlogEntry, flipBase64Byte, pemOfSpkiBase64, publicCases, rekorV1LogEntry } from '../fixtures/sigstore/public-cases.js';

const cases = publicCases();
const v1Cases = cases.filter((c) => c.spec.name !== 'rekor2-happy-path');
const v2Case = cases.find((c) => c.spec.name === 'rekor2-happy-path')!;

type TlogJson = { baseUrl: string; publicKey: { rawBytes: string } };
const productionTlogs = (v1Cases[0]!.trustedRootJson.tlogs as TlogJson[]);
const rekorV1Pem = pemOfSpkiBase64(productionTlogs.find((t) => t.baseUrl === 'https://rekor.sigstore.dev')!.publicKey.rawBytes);
const stagingV2Pem = pemOfSpkiBase64((v2Case.trustedRootJson.tlogs as TlogJson[]).find((t) => t.baseUrl === 'https://log2025-alpha1.rekor.sigstage.dev')!.publicKey.rawBytes);

function leafHashOf(canonicalizedBody: string): string {
  return createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(canonicalizedBody, 'base64')])).digest('hex');
}

describe('verifyLogEntryOffline', () => {
  describe.each(v1Cases.map((c) => [c.spec.name, c] as const))('given the Rekor v1 entry of %s as a v1 LogEntry', (_name, c) => {
    const entry = firstTlogEntry(c.bundleJson);
    const leafHash = leafHashOf(entry.canonicalizedBody);

    it('verifies the uuid, SET, inclusion proof, checkpoint and log ID with the production Rekor key', () => {
      const result = verifyLogEntryOffline({ entryJson: rekorV1LogEntry(entry, leafHash), publicKeyPem: rekorV1Pem });
      expect(result).toMatchObject({
        ok: true,
        format: 'rekor_v1',
        logIndex: Number(entry.logIndex),
        leafHash,
        logId: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
        checks: { uuid: 'pass', set: 'pass', inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass' },
      });
      expect(result.origin).toMatch(/^rekor\.sigstore\.dev - \d+$/);
    });

    it('accepts the sharded uuid form (tree ID ‖ leaf hash)', () => {
      const origin = entry.inclusionProof.checkpoint.envelope.split('\n')[0]!;
      const treeId = BigInt(origin.split(' - ')[1]!);
      expect(verifyLogEntryOffline({ entryJson: rekorV1LogEntry(entry, leafHash, treeId), publicKeyPem: rekorV1Pem }).checks.uuid).toBe('pass');
    });

    it('also verifies the same entry given as a TransparencyLogEntry', () => {
      expect(verifyLogEntryOffline({ entryJson: entry, publicKeyPem: rekorV1Pem })).toMatchObject({ format: 'transparency_log_entry', leafHash, checks: { set: 'pass', uuid: 'skip' } });
    });
  });

  describe('given the Rekor v2 entry as a TransparencyLogEntry', () => {
    const entry = firstTlogEntry(v2Case.bundleJson);

    it('verifies the inclusion proof, the Ed25519-signed checkpoint and the log ID; there is no SET', () => {
      const result = verifyLogEntryOffline({ entryJson: entry, publicKeyPem: stagingV2Pem });
      expect(result).toMatchObject({
        ok: true,
        format: 'transparency_log_entry',
        logIndex: 735,
        leafHash: leafHashOf(entry.canonicalizedBody),
        origin: 'log2025-alpha1.rekor.sigstage.dev',
        checks: { uuid: 'skip', set: 'skip', inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass' },
      });
    });

    it('throws checkpoint_invalid with the Rekor v1 key', () => {
      const error = expectWorkbenchError(() => verifyLogEntryOffline({ entryJson: entry, publicKeyPem: rekorV1Pem }), VerificationError, 'checkpoint_invalid');
      expect(error.details).toMatchObject({ check: 'checkpoint' });
    });

    it('throws log_id_mismatch when the logId is not the key\'s', () => {
      const tampered = cloneJson(entry);
      tampered.logId.keyId = flipBase64Byte(tampered.logId.keyId, 31);
      const error = expectWorkbenchError(() => verifyLogEntryOffline({ entryJson: tampered, publicKeyPem: stagingV2Pem }), VerificationError, 'log_id_mismatch');
      expect(error.details).toMatchObject({ check: 'log_id' });
    });
  });

  describe('given a tampered Rekor v1 entry', () => {
    const c = v1Cases.find((x) => x.spec.name === 'happy-path-v0.3')!;
    const entry = firstTlogEntry(c.bundleJson);
    const leafHash = leafHashOf(entry.canonicalizedBody);
    const verify = (e: typeof entry, uuid = leafHash) => () => verifyLogEntryOffline({ entryJson: rekorV1LogEntry(e, uuid), publicKeyPem: rekorV1Pem });

    it('throws set_invalid for a flipped SET bit', () => {
      const e = cloneJson(entry);
      e.inclusionPromise!.signedEntryTimestamp = flipBase64Byte(e.inclusionPromise!.signedEntryTimestamp, 10);
      expect(expectWorkbenchError(verify(e), VerificationError, 'set_invalid').details).toMatchObject({ check: 'set' });
    });

    it('throws set_invalid for another integrated time (the SET covers it)', () => {
      const e = cloneJson(entry);
      e.integratedTime = String(Number(e.integratedTime) + 1);
      expectWorkbenchError(verify(e), VerificationError, 'set_invalid');
    });

    it('throws inclusion_proof_invalid for a flipped proof hash bit', () => {
      const e = cloneJson(entry);
      e.inclusionProof.hashes[3] = flipBase64Byte(e.inclusionProof.hashes[3]!, 0);
      expect(expectWorkbenchError(verify(e), VerificationError, 'inclusion_proof_invalid').details).toMatchObject({ check: 'inclusion_proof' });
    });

    it('throws checkpoint_invalid for a flipped checkpoint signature bit', () => {
      const e = cloneJson(entry);
      e.inclusionProof.checkpoint.envelope = e.inclusionProof.checkpoint.envelope.replace(/(\u2014 \S+ )(\S+)\n/, (_m, head: string, sig: string) => `${head}${flipBase64Byte(sig, 30)}\n`);
      expect(expectWorkbenchError(verify(e), VerificationError, 'checkpoint_invalid').details).toMatchObject({ check: 'checkpoint' });
    });

    it('throws uuid_mismatch for another uuid', () => {
      expectWorkbenchError(verify(entry, leafHash.replace(/^./, (ch) => (ch === '0' ? '1' : '0'))), VerificationError, 'uuid_mismatch');
    });

    it('throws set_invalid with the Rekor v2 key', () => {
      expectWorkbenchError(() => verifyLogEntryOffline({ entryJson: rekorV1LogEntry(entry, leafHash), publicKeyPem: stagingV2Pem }), VerificationError, 'set_invalid');
    });

    it('throws entry_malformed for JSON that is no log entry, and key_invalid for a bad key', () => {
      expectWorkbenchError(() => verifyLogEntryOffline({ entryJson: [1, 2], publicKeyPem: rekorV1Pem }), InputError, 'entry_malformed');
      expectWorkbenchError(() => verifyLogEntryOffline({ entryJson: { a: { body: 'not base64!' } }, publicKeyPem: rekorV1Pem }), InputError, 'entry_malformed');
      expectWorkbenchError(() => verifyLogEntryOffline({ entryJson: entry, publicKeyPem: 'not a key' }), InputError, 'key_invalid');
    });
  });
});
