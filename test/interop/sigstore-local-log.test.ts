import { bundleFromJSON } from '@sigstore/bundle';
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial, type Signer } from '@sigstore/verify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RekorLogEntryMap } from '../../shared/api/index.js';
import { canonicalJsonBytes } from '../../shared/canonical/index.js';
import { signNote } from '../../shared/note/index.js';
import { addEntry, createKindRegistry, rekorLogEntry, setPayload } from '../../electron/engine/entries/index.js';
import type { Workbench } from '../../electron/engine/open-workbench.js';
import {
  bundleFromLogEntry,
  localTrustedRoot,
  verifyArtifact,
  verifyLogEntryOffline,
  type CheckName,
  type SigstoreBundleJson,
  type TrustedRootJson,
  type VerifyArtifactResult,
} from '../../electron/engine/sigstore/index.js';
import { tempWorkbench, type FakeClock } from '../helpers/temp-workbench.js';
import { signedTestEntry, testKind } from '../helpers/test-kind.js';
import { dsseEntry, ed25519Pem, hashedrekordEntry, testSigner, type TestSigner } from '../fixtures/sigstore/local-signing.js';

const ARTIFACT = new TextEncoder().encode('provwb 1.0.0 release tarball\n');
const HINT = 'release-key-2026';

/** Verifies exactly as SIGSTORE.md describes: @sigstore/verify with a key in hand and our trusted root. */
function sigstoreJsVerify(bundle: unknown, root: unknown, signer: TestSigner, artifact: Uint8Array = ARTIFACT): Signer {
  const keyDetails = signer.publicKey.asymmetricKeyType === 'ed25519' ? PublicKeyDetails.PKIX_ED25519 : PublicKeyDetails.PKIX_ECDSA_P256_SHA_256;
  const trust = toTrustMaterial(TrustedRoot.fromJSON(root), { [HINT]: { rawBytes: signer.spki, keyDetails, validFor: { start: new Date(0) } } });
  const entity = toSignedEntity(bundleFromJSON(JSON.parse(JSON.stringify(bundle))), Buffer.from(artifact));
  return new Verifier(trust, { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 }).verify(entity);
}

function statuses(result: VerifyArtifactResult): Record<CheckName, string> {
  return Object.fromEntries(result.checks.map((c) => [c.name, c.status])) as Record<CheckName, string>;
}

describe('Sigstore bundles from the local log', () => {
  let wb: Workbench;
  let clock: FakeClock;
  let cleanup: () => void;
  let root: TrustedRootJson;
  const ctx = () => ({ store: wb.store, log: wb.localLog(), signer: wb.signer, logIdHex: wb.logIdHex });
  const nowMs = () => clock.nowMs();

  /** Appends a typed body and returns the log's LogEntry answer for it, with a few neighbours around it. */
  async function logged(body: Uint8Array, kind: string): Promise<RekorLogEntryMap> {
    const registry = createKindRegistry([testKind]);
    await addEntry({ ...ctx(), registry, clock }, signedTestEntry(`before ${kind} ${body.length}`).proposed);
    clock.advance(1500);
    const { first } = wb.localLog().append([{ body, kind, apiVersion: '0.0.1', integratedTime: Math.floor(clock.nowMs() / 1000) }]);
    clock.advance(1500);
    await addEntry({ ...ctx(), registry, clock }, signedTestEntry(`after ${kind} ${body.length}`).proposed);
    return rekorLogEntry(ctx(), first);
  }

  beforeEach(() => {
    ({ workbench: wb, clock, cleanup } = tempWorkbench('provwb.test/log'));
    const info = wb.info();
    root = localTrustedRoot({ origin: info.origin, publicKeyRaw32: wb.signer.verifier.publicKey, logIdHex: info.logID, validFromMs: wb.localLog().record().createdAt });
  });
  afterEach(() => cleanup());

  describe('given an ECDSA P-256 hashedrekord entry', () => {
    let signer: TestSigner;
    let bundle: SigstoreBundleJson;
    beforeEach(async () => {
      signer = testSigner('ecdsa-p256');
      const entry = hashedrekordEntry(ARTIFACT, signer);
      const logEntry = await logged(entry.body, 'hashedrekord');
      bundle = bundleFromLogEntry({ logEntry, content: { type: 'message_signature', digestSha256: entry.digest, signature: entry.signature }, signer: { publicKeyHint: HINT } });
    });

    it('@sigstore/verify accepts the bundle with our trusted root', () => {
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      const verified = sigstoreJsVerify(bundle, root, signer);
      expect(verified.key.export({ type: 'spki', format: 'der' }).equals(signer.spki)).toBe(true);
    });

    it('verifyArtifact passes every check and names the key', () => {
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(result).toMatchObject({ ok: true, logIndex: 1, signer: { type: 'public_key', hint: HINT, keySource: 'given' } });
      expect(statuses(result)).toEqual({
        bundle: 'pass', signature: 'pass', digest: 'pass', identity: 'pass', certificate_chain: 'skip', tlog_body: 'pass', inclusion_proof: 'pass', checkpoint: 'pass', set: 'pass',
      });
    });

    it('verifyArtifact fails digest and signature for another artefact, and identity for another key', () => {
      const other = verifyArtifact({ artifact: new TextEncoder().encode('tampered'), bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(other.ok).toBe(false);
      expect(statuses(other)).toMatchObject({ digest: 'fail', signature: 'fail' });
      const wrongKey = verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: root, publicKeyPem: testSigner('ecdsa-p256').pem, nowMs: nowMs() });
      expect(wrongKey.ok).toBe(false);
      expect(statuses(wrongKey)).toMatchObject({ identity: 'fail', signature: 'fail' });
    });

    it('fails set for a SET from before the trusted root\'s validity, or after now', () => {
      const later = { ...root, tlogs: [{ ...root.tlogs[0]!, publicKey: { ...root.tlogs[0]!.publicKey, validFor: { start: new Date(nowMs() + 3_600_000).toISOString() } } }] };
      expect(statuses(verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: later, publicKeyPem: signer.pem, nowMs: nowMs() })).set).toBe('fail');
      expect(statuses(verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() - 3_600_000 })).set).toBe('fail');
    });

    it('fails checkpoint for a checkpoint of another origin signed with the log key, which @sigstore/verify accepts', () => {
      const entry = bundle.verificationMaterial.tlogEntries[0]!;
      const [, size, rootHash] = entry.inclusionProof.checkpoint.envelope.split('\n');
      const foreign = signNote(`other.example/log\n${size}\n${rootHash}\n`, [wb.signer]);
      const tampered = JSON.parse(JSON.stringify(bundle)) as { verificationMaterial: { tlogEntries: Array<{ inclusionProof: { checkpoint: { envelope: string } } }> } };
      tampered.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint.envelope = foreign;
      expect(() => sigstoreJsVerify(tampered, root, signer)).not.toThrow();
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: tampered, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.ok).toBe(false);
      expect(result.checks.find((c) => c.name === 'checkpoint')).toMatchObject({ status: 'fail', message: expect.stringContaining('other.example/log') });
    });

    it('fails inclusion_proof when the proof is for another tree size than its (genuine) checkpoint', () => {
      const older = wb.store.checkpointAtSize(wb.localLog().record().id, 2)!.note;
      const tampered = JSON.parse(JSON.stringify(bundle)) as { verificationMaterial: { tlogEntries: Array<{ inclusionProof: { checkpoint: { envelope: string } } }> } };
      tampered.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint.envelope = older;
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: tampered, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.ok).toBe(false);
      expect(result.checks.find((c) => c.name === 'inclusion_proof')).toMatchObject({ status: 'fail', expected: expect.stringMatching(/^2 /), actual: expect.stringMatching(/^3 /) });
      expect(statuses(result).checkpoint).toBe('pass');
    });

    it('fails checkpoint when the trusted logID does not derive from the key, even with a SET over that logID', () => {
      const fakeLogId = Buffer.alloc(32, 7);
      const tampered = JSON.parse(JSON.stringify(bundle)) as SigstoreBundleJson & { verificationMaterial: { tlogEntries: Array<Record<string, unknown>> } };
      const entry = bundle.verificationMaterial.tlogEntries[0]!;
      const set = wb.signer.sign(setPayload({ body: entry.canonicalizedBody, integratedTime: Number(entry.integratedTime), logID: fakeLogId.toString('hex'), logIndex: Number(entry.logIndex) }));
      tampered.verificationMaterial.tlogEntries[0] = { ...entry, logId: { keyId: fakeLogId.toString('base64') }, inclusionPromise: { signedEntryTimestamp: Buffer.from(set).toString('base64') } };
      const fakeRoot = { ...root, tlogs: [{ ...root.tlogs[0]!, logId: { keyId: fakeLogId.toString('base64') } }] };
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: tampered, trustedRootJson: fakeRoot, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ set: 'pass', checkpoint: 'fail' });
      expect(result.checks.find((c) => c.name === 'checkpoint')?.expected).toBe(wb.logIdHex);
    });

    it('verifyLogEntryOffline verifies the LogEntry answer with the log key, and the SET covers the logIndex', () => {
      const logEntry = rekorLogEntry(ctx(), 1);
      const pem = ed25519Pem(wb.signer.verifier.publicKey);
      expect(verifyLogEntryOffline({ entryJson: logEntry, publicKeyPem: pem })).toMatchObject({
        ok: true, format: 'rekor_v1', logIndex: 1, logId: wb.logIdHex, treeSize: 3, origin: 'provwb.test/log',
        checks: { uuid: 'pass', set: 'pass', inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass' },
      });
      const [uuid, dto] = Object.entries(logEntry)[0]!;
      expect(() => verifyLogEntryOffline({ entryJson: { [uuid]: { ...dto, logIndex: 2 } }, publicKeyPem: pem })).toThrow(expect.objectContaining({ code: 'set_invalid' }));
      expect(() => verifyLogEntryOffline({ entryJson: logEntry, publicKeyPem: testSigner('ed25519').pem })).toThrow(expect.objectContaining({ code: 'set_invalid' }));
    });
  });

  describe('given a hashedrekord entry proposed through addEntry with the built-in kinds', () => {
    it('produces a bundle that @sigstore/verify and verifyArtifact accept', async () => {
      const signer = testSigner('ecdsa-p256');
      const entry = hashedrekordEntry(ARTIFACT, signer);
      const proposed = JSON.parse(new TextDecoder().decode(entry.body)) as unknown;
      const logEntry = await addEntry(wb.entryContext(), proposed);
      const bundle = bundleFromLogEntry({ logEntry, content: { type: 'message_signature', digestSha256: entry.digest, signature: entry.signature }, signer: { publicKeyHint: HINT } });
      sigstoreJsVerify(bundle, root, signer);
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(result.ok).toBe(true);
    });
  });

  describe('given a hashedrekord body that records another public key than the signer\'s', () => {
    it('@sigstore/verify accepts the bundle; verifyArtifact fails tlog_body and identity', async () => {
      const signer = testSigner('ecdsa-p256');
      const entry = hashedrekordEntry(ARTIFACT, signer, { recordedKeyPem: testSigner('ecdsa-p256').pem });
      const bundle = bundleFromLogEntry({ logEntry: await logged(entry.body, 'hashedrekord'), content: { type: 'message_signature', digestSha256: entry.digest, signature: entry.signature }, signer: { publicKeyHint: HINT } });
      expect(() => sigstoreJsVerify(bundle, root, signer)).not.toThrow();
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ tlog_body: 'fail', identity: 'fail', signature: 'pass', inclusion_proof: 'pass', set: 'pass' });
    });
  });

  describe('given a non-canonical hashedrekord body', () => {
    it('@sigstore/verify accepts the bundle; verifyArtifact fails tlog_body', async () => {
      const signer = testSigner('ecdsa-p256');
      const entry = hashedrekordEntry(ARTIFACT, signer, { canonical: false });
      const bundle = bundleFromLogEntry({ logEntry: await logged(entry.body, 'hashedrekord'), content: { type: 'message_signature', digestSha256: entry.digest, signature: entry.signature }, signer: { publicKeyHint: HINT } });
      expect(() => sigstoreJsVerify(bundle, root, signer)).not.toThrow();
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.ok).toBe(false);
      expect(result.checks.find((c) => c.name === 'tlog_body')).toMatchObject({ status: 'fail', message: expect.stringContaining('canonical') });
    });
  });

  describe('given an Ed25519 signer and a dsse entry with an in-toto statement', () => {
    let signer: TestSigner;
    let bundle: SigstoreBundleJson;
    beforeEach(async () => {
      signer = testSigner('ed25519');
      const entry = dsseEntry(ARTIFACT, 'provwb-1.0.0.tar.gz', signer);
      bundle = bundleFromLogEntry({
        logEntry: await logged(entry.body, 'dsse'),
        content: { type: 'dsse_envelope', payloadType: entry.payloadType, payload: entry.payload, signature: entry.signature },
        signer: { publicKeyHint: HINT },
      });
    });

    it('@sigstore/verify accepts the bundle, and verifyArtifact passes every check', () => {
      expect('dsseEnvelope' in bundle).toBe(true);
      sigstoreJsVerify(bundle, root, signer);
      const result = verifyArtifact({ artifact: ARTIFACT, bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.checks.find((c) => c.name === 'digest')?.message).toContain('provwb-1.0.0.tar.gz');
    });

    it('fails digest for another artefact although @sigstore/verify, which never looks at it, accepts', () => {
      const other = new TextEncoder().encode('another artefact');
      expect(() => sigstoreJsVerify(bundle, root, signer, other)).not.toThrow();
      const result = verifyArtifact({ artifact: other, bundleJson: bundle, trustedRootJson: root, publicKeyPem: signer.pem, nowMs: nowMs() });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ digest: 'fail', signature: 'pass' });
    });

    it('refuses a message-signature bundle for the Ed25519 entry (Ed25519 cannot sign a digest)', async () => {
      const logEntry = rekorLogEntry(ctx(), 1);
      expect(() => bundleFromLogEntry({ logEntry, content: { type: 'message_signature', digestSha256: Buffer.alloc(32), signature: Buffer.alloc(64) }, signer: { publicKeyHint: HINT } })).toThrow(
        expect.objectContaining({ code: 'bundle_content_mismatch' }),
      );
    });
  });

  describe('given a trusted root export', () => {
    it('is valid for the log\'s first second and refuses a logID that is not the key\'s', () => {
      expect(root.tlogs[0]!.baseUrl).toBe('https://provwb.test/log');
      expect(new Date(root.tlogs[0]!.publicKey.validFor.start).getTime() % 1000).toBe(0);
      expect(() => localTrustedRoot({ origin: 'provwb.test/other', publicKeyRaw32: wb.signer.verifier.publicKey, logIdHex: wb.logIdHex, validFromMs: 0 })).toThrow(expect.objectContaining({ code: 'log_id_mismatch' }));
      expect(canonicalJsonBytes(root).length).toBeGreaterThan(0);
    });
  });
});
