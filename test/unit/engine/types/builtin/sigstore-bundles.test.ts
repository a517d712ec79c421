import { describe, expect, it } from 'vitest';
import { createHash, X509Certificate } from 'node:crypto';
import { fromBase64, toBase64, utf8 } from '../../../../../shared/encoding/index.js';
import { canonicalJsonBytes } from '../../../../../shared/canonical/index.js';
import { createMerkleHasher, verifyInclusion } from '../../../../../shared/merkle/index.js';
import type { EntryKind, ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { BUILTIN_KINDS, proposedFromRekorV2Request } from '../../../../../electron/engine/types/builtin/index.js';
import { certificatePem, sigstoreCases, type Bundle } from './builtin-test-helpers.js';

const hasher = createMerkleHasher((m) => new Uint8Array(createHash('sha256').update(m).digest()));

function kindOf(kind: string, version: string): EntryKind {
  const found = BUILTIN_KINDS.find((k) => k.kind === kind && k.apiVersion === version);
  if (!found) throw new Error(`no built-in kind ${kind} ${version}`);
  return found;
}

// Fulcio certificates live 10 minutes; v2 entries carry no integratedTime, so the test uses a time
// inside the certificate's validity (the kinds do not judge it, as Rekor does not).
function integratedTimeOf(bundle: Bundle): number {
  const entry = bundle.verificationMaterial.tlogEntries[0]!;
  if (entry.integratedTime !== undefined) return Number(entry.integratedTime);
  const der = Buffer.from(bundle.verificationMaterial.certificate!.rawBytes, 'base64');
  return Math.floor(Date.parse(new X509Certificate(der).validFrom) / 1000) + 60;
}

/** The proposed entries a client would send for a bundle's content, to compare with the stored body. */
function clientProposals(bundle: Bundle, storedBody: Record<string, unknown>): { how: string; proposed: ProposedEntry }[] {
  const entry = bundle.verificationMaterial.tlogEntries[0]!;
  const { kind, version } = entry.kindVersion;
  const vm = bundle.verificationMaterial;
  const certificate = vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates[0]?.rawBytes;
  if (kind === 'dsse' && version === '0.0.1') {
    // sigstore clients send the envelope as compact JSON {payload, payloadType, signatures: [{sig}]}.
    const e = bundle.dsseEnvelope!;
    const envelope = JSON.stringify({ payload: e.payload, payloadType: e.payloadType, signatures: e.signatures.map((s) => ({ sig: s.sig })) });
    return [{ how: 'rebuilt from the bundle\'s dsseEnvelope and certificate', proposed: { apiVersion: '0.0.1', kind: 'dsse', spec: { proposedContent: { envelope, verifiers: [toBase64(utf8(certificatePem(certificate!)))] } } } }];
  }
  if (kind === 'hashedrekord' && version === '0.0.2') {
    const request = { hashedRekordRequestV002: { digest: bundle.messageSignature!.messageDigest.digest, signature: { content: bundle.messageSignature!.signature, verifier: { x509Certificate: { rawBytes: certificate! }, keyDetails: 'PKIX_ECDSA_P256_SHA_256' } } } };
    return [
      { how: 'the stored body re-proposed', proposed: storedBody as unknown as ProposedEntry },
      { how: 'a CreateEntryRequest rebuilt from the bundle (proposedFromRekorV2Request)', proposed: proposedFromRekorV2Request(request) },
    ];
  }
  return [{ how: 'the stored body re-proposed', proposed: storedBody as unknown as ProposedEntry }];
}

describe('built-in kinds against real Rekor entries (../shared/testdata/sigstore)', () => {
  for (const { c, bundle } of sigstoreCases()) {
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    const stored = fromBase64(entry.canonicalizedBody);
    const storedBody = JSON.parse(Buffer.from(stored).toString('utf8')) as Record<string, unknown>;
    describe(`given ${c.name} (${entry.kindVersion.kind} ${entry.kindVersion.version}, log index ${entry.logIndex})`, () => {
      it('has a stored body whose leaf hash the bundle\'s inclusion proof leads to its root', () => {
        const proof = entry.inclusionProof;
        verifyInclusion(Number(proof.logIndex), Number(proof.treeSize), hasher.hashLeaf(stored), proof.hashes.map(fromBase64), fromBase64(proof.rootHash), hasher);
      });
      for (const { how, proposed } of clientProposals(bundle, storedBody)) {
        it(`accepts ${how} with exactly the stored canonical body, so the same leaf hash`, async () => {
          const kind = kindOf(entry.kindVersion.kind, entry.kindVersion.version);
          const accepted = await kind.accept(proposed, { integratedTimeSec: integratedTimeOf(bundle) });
          const ours = canonicalJsonBytes(accepted.body);
          expect(Buffer.from(ours).toString('utf8')).toBe(Buffer.from(stored).toString('utf8'));
          const proof = entry.inclusionProof;
          verifyInclusion(Number(proof.logIndex), Number(proof.treeSize), hasher.hashLeaf(ours), proof.hashes.map(fromBase64), fromBase64(proof.rootHash), hasher);
        });
      }
      it('re-verifies the stored body and rebuilds its index keys', async () => {
        const kind = kindOf(entry.kindVersion.kind, entry.kindVersion.version);
        await kind.verifyStored(storedBody, { integratedTimeSec: integratedTimeOf(bundle) });
        const keys = kind.indexKeys(storedBody);
        expect(keys.filter((k) => k.type === 'key_fingerprint')).toHaveLength(1);
        if (bundle.messageSignature) expect(keys).toContainEqual({ type: 'sha256', value: 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf' });
        if (c.name !== 'managed-key-happy-path') {
          expect(keys).toContainEqual({ type: 'identity', value: 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main' });
        } else {
          // The bundle's key hint is base64 SHA-256 of the DER SPKI: the same fingerprint.
          expect(keys).toContainEqual({ type: 'key_fingerprint', value: Buffer.from(bundle.verificationMaterial.publicKey!.hint, 'base64').toString('hex') });
        }
      });
    });
  }
});
