import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/api/index.js';
import { verifyArtifact, type CheckName, type VerifyArtifactResult } from '../../electron/engine/sigstore/index.js';
import { expectWorkbenchError } from '../helpers/assertions.js';
import { casePolicy, cloneJson, firstTlogEntry as firstEntry, flipBase64Byte, publicCases, type LoadedCase } from '../fixtures/sigstore/public-cases.js';

// After every case's signing time (the newest is 2025-12), before the fixtures' collection (2026-08).
const NOW_MS = Date.UTC(2026, 8, 1);

const cases = publicCases();
const keyless = cases.filter((c) => c.publicKeyPem === undefined);
const withSet = cases.filter((c) => c.spec.name !== 'rekor2-happy-path');

function verifyCase(c: LoadedCase, overrides: Partial<Parameters<typeof verifyArtifact>[0]> = {}): VerifyArtifactResult {
  return verifyArtifact({ artifact: c.artifact, bundleJson: c.bundleJson, trustedRootJson: c.trustedRootJson, ...casePolicy(c), nowMs: NOW_MS, ...overrides });
}

function statuses(result: VerifyArtifactResult): Record<CheckName, string> {
  return Object.fromEntries(result.checks.map((c) => [c.name, c.status])) as Record<CheckName, string>;
}

describe('verifyArtifact on public-good Sigstore bundles (sigstore-conformance)', () => {
  it('loads all 7 cases', () => {
    expect(cases.map((c) => c.spec.name).sort()).toEqual([
      'happy-path-intoto-in-dsse-v3',
      'happy-path-v0.1',
      'happy-path-v0.2',
      'happy-path-v0.3',
      'happy-path-v0.3-new-mediaType',
      'managed-key-happy-path',
      'rekor2-happy-path',
    ]);
  });

  describe.each(cases.map((c) => [c.spec.name, c] as const))('given %s with its trusted root and policy', (_name, c) => {
    it('passes every check that applies', () => {
      const result = verifyCase(c);
      expect(result.checks.filter((check) => check.status === 'fail')).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.logIndex).toBe(Number((c.bundleJson.verificationMaterial as { tlogEntries: Array<{ logIndex: string }> }).tlogEntries[0]!.logIndex));
      expect(statuses(result)).toEqual({
        bundle: 'pass',
        signature: 'pass',
        digest: 'pass',
        identity: 'pass',
        certificate_chain: c.publicKeyPem === undefined ? 'pass' : 'skip',
        tlog_body: 'pass',
        inclusion_proof: 'pass',
        checkpoint: 'pass',
        set: c.spec.name === 'rekor2-happy-path' ? 'skip' : 'pass',
      });
      if (c.publicKeyPem === undefined) expect(result.signer).toMatchObject({ type: 'certificate', subjectAlternativeName: c.spec.certificateIdentity, issuer: c.spec.certificateOidcIssuer });
      else expect(result.signer).toMatchObject({ type: 'public_key', keySource: 'given' });
    });

    it('fails digest when the artefact is tampered with', () => {
      const tampered = new Uint8Array([...c.artifact, 0x0a]);
      const result = verifyCase(c, { artifact: tampered });
      expect(result.ok).toBe(false);
      expect(statuses(result).digest).toBe('fail');
      // A message signature covers the artefact itself; a DSSE signature covers only the statement.
      expect(statuses(result).signature).toBe(c.spec.content === 'messageSignature' ? 'fail' : 'pass');
    });

    it('fails inclusion_proof when a proof hash has a flipped bit', () => {
      const bundle = cloneJson(c.bundleJson);
      const proof = firstEntry(bundle).inclusionProof;
      proof.hashes[0] = flipBase64Byte(proof.hashes[0]!, 5);
      const result = verifyCase(c, { bundleJson: bundle });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ inclusion_proof: 'fail', checkpoint: 'pass', signature: 'pass', digest: 'pass' });
    });

    it('fails checkpoint when the checkpoint signature has a flipped bit', () => {
      const bundle = cloneJson(c.bundleJson);
      const checkpoint = firstEntry(bundle).inclusionProof.checkpoint;
      const lines = checkpoint.envelope.split('\n');
      const sigLine = lines.findIndex((l) => l.startsWith('\u2014 '));
      const [dash, name, sig] = lines[sigLine]!.split(' ');
      lines[sigLine] = `${dash} ${name} ${flipBase64Byte(sig!, 20)}`;
      checkpoint.envelope = lines.join('\n');
      const result = verifyCase(c, { bundleJson: bundle });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ checkpoint: 'fail', inclusion_proof: 'pass' });
    });
  });

  describe.each(withSet.map((c) => [c.spec.name, c] as const))('given %s with a flipped SET bit', (_name, c) => {
    it('fails set and nothing about the proof', () => {
      const bundle = cloneJson(c.bundleJson);
      const entry = firstEntry(bundle);
      entry.inclusionPromise!.signedEntryTimestamp = flipBase64Byte(entry.inclusionPromise!.signedEntryTimestamp, 12);
      const result = verifyCase(c, { bundleJson: bundle });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ set: 'fail', inclusion_proof: 'pass', checkpoint: 'pass', tlog_body: 'pass', signature: 'pass' });
    });
  });

  describe.each(keyless.map((c) => [c.spec.name, c] as const))('given %s and another identity', (_name, c) => {
    it('fails identity for another SAN, a SAN prefix, or another issuer', () => {
      const san = c.spec.certificateIdentity!;
      for (const policy of [
        { certificateIdentity: `${san}x` },
        // sigstore-js matches the SAN as an unanchored RegExp; we require the exact string.
        { certificateIdentity: san.slice(0, 30) },
        { certificateIdentity: san, certificateOidcIssuer: 'https://accounts.google.com' },
      ]) {
        const result = verifyCase(c, policy);
        expect(result.ok, JSON.stringify(policy)).toBe(false);
        expect(statuses(result).identity).toBe('fail');
        expect(statuses(result).signature).toBe('pass');
      }
    });

    it('fails identity when a key is given that is not the certificate\'s', () => {
      const otherKey = (cases.find((x) => x.publicKeyPem !== undefined)!).publicKeyPem!;
      const result = verifyCase(c, { publicKeyPem: otherKey });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ identity: 'fail', signature: 'pass', certificate_chain: 'pass' });
    });

    it('skips identity and still verifies when no identity is required', () => {
      const result = verifyArtifact({ artifact: c.artifact, bundleJson: c.bundleJson, trustedRootJson: c.trustedRootJson, nowMs: NOW_MS });
      expect(statuses(result).identity).toBe('skip');
      expect(result.ok).toBe(true);
    });

    it('fails bundle against a root without logs, and checkpoint plus the first trust step against another deployment\'s root', () => {
      const root = cloneJson(c.trustedRootJson);
      root.certificateAuthorities = [];
      root.tlogs = [];
      const emptyTlogs = verifyCase(c, { trustedRootJson: root });
      expect(statuses(emptyTlogs).bundle).toBe('fail');
      const other = cloneJson(cases.find((x) => x.spec.trustedRoot !== c.spec.trustedRoot)!.trustedRootJson);
      const result = verifyCase(c, { trustedRootJson: other });
      expect(result.ok).toBe(false);
      // Without a SET, the staging TSA timestamp is checked first; sigstore-js stops there.
      expect(statuses(result)).toMatchObject(
        c.spec.name === 'rekor2-happy-path' ? { set: 'fail', certificate_chain: 'skip', checkpoint: 'fail' } : { certificate_chain: 'fail', checkpoint: 'fail', set: 'fail' },
      );
    });
  });

  describe('given the managed-key case', () => {
    const c = cases.find((x) => x.spec.name === 'managed-key-happy-path')!;

    it('fails signature and identity with another key, and identity when a certificate identity is required', () => {
      const other = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2G2Y+2tabdTV5BcGiBIx0a9fAFwrkBbmLSGtks4L3qX6yYY0zufBnhC8Ur/iy55GhWP/9A/bY2LhC30M9+RYtw==\n-----END PUBLIC KEY-----\n';
      const result = verifyCase(c, { publicKeyPem: other });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ signature: 'fail', identity: 'fail', tlog_body: 'fail' });
      const wanted = verifyCase(c, { certificateIdentity: 'someone@example.com' });
      expect(statuses(wanted).identity).toBe('fail');
    });

    it('without a key, verifies with the key the log recorded and says identity was not pinned', () => {
      const result = verifyArtifact({ artifact: c.artifact, bundleJson: c.bundleJson, trustedRootJson: c.trustedRootJson, nowMs: NOW_MS });
      expect(result.ok).toBe(true);
      expect(result.signer).toMatchObject({ type: 'public_key', keySource: 'tlog_body' });
      expect(statuses(result).identity).toBe('skip');
    });
  });

  describe('given the Rekor v2 case with a tampered RFC 3161 timestamp', () => {
    it('fails set (the only trusted time)', () => {
      const c = cases.find((x) => x.spec.name === 'rekor2-happy-path')!;
      const bundle = cloneJson(c.bundleJson);
      const tsa = (bundle.verificationMaterial as { timestampVerificationData: { rfc3161Timestamps: Array<{ signedTimestamp: string }> } }).timestampVerificationData.rfc3161Timestamps[0]!;
      const bytes = Buffer.from(tsa.signedTimestamp, 'base64');
      // The last bytes are the TSA's ECDSA signature value: flipping one keeps the CMS parseable.
      bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
      tsa.signedTimestamp = bytes.toString('base64');
      const result = verifyCase(c, { bundleJson: bundle });
      expect(result.ok).toBe(false);
      expect(result.checks.find((x) => x.name === 'set')).toMatchObject({ status: 'fail', message: expect.stringContaining('TIMESTAMP_ERROR') });
    });
  });

  describe('given a proof whose rootHash differs from its checkpoint', () => {
    it('sigstore-js accepts it, our inclusion_proof check does not', () => {
      const c = cases.find((x) => x.spec.name === 'happy-path-v0.3')!;
      const bundleJson = cloneJson(c.bundleJson);
      const proof = firstEntry(bundleJson).inclusionProof;
      proof.rootHash = flipBase64Byte(proof.rootHash, 0);
      const trust = toTrustMaterial(TrustedRoot.fromJSON(c.trustedRootJson));
      const signer = new Verifier(trust, { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }).verify(toSignedEntity(bundleFromJSON(bundleJson), Buffer.from(c.artifact)));
      expect(signer.identity?.subjectAlternativeName).toBe(c.spec.certificateIdentity);
      const result = verifyCase(c, { bundleJson });
      expect(result.ok).toBe(false);
      expect(statuses(result)).toMatchObject({ inclusion_proof: 'fail', checkpoint: 'pass' });
    });
  });

  describe('given something that is not a bundle', () => {
    it('fails bundle and skips the rest', () => {
      const c = cases[0]!;
      const result = verifyCase(c, { bundleJson: { mediaType: 'application/json', foo: 1 } });
      expect(result.ok).toBe(false);
      expect(statuses(result).bundle).toBe('fail');
      expect(result.checks.filter((x) => x.name !== 'bundle').every((x) => x.status === 'skip')).toBe(true);
    });

    it('fails bundle for a trusted root of another media type, and throws key_invalid for a key that is no PEM key', () => {
      const c = cases[0]!;
      const root = { ...cloneJson(c.trustedRootJson), mediaType: 'application/json' };
      expect(statuses(verifyCase(c, { trustedRootJson: root })).bundle).toBe('fail');
      expectWorkbenchError(() => verifyCase(c, { publicKeyPem: 'garbage' }), InputError, 'key_invalid');
    });
  });
});
