/**
 * sigstore-js as a real client of `provwb serve`: @sigstore/sign with a key-in-hand signer and its
 * RekorWitness pointed at the spawned server makes bundles that @sigstore/verify accepts with the
 * trusted root `provwb trusted-root export` writes (Rekor v1); its Rekor v2 path gets an entry that
 * verifies with the log key.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { bundleFromJSON, bundleToJSON, type Bundle } from '@sigstore/bundle';
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import { DSSEBundleBuilder, MessageSignatureBundleBuilder, RekorWitness, type Signature, type Signer } from '@sigstore/sign';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLogEntryOffline } from '../../electron/engine/sigstore/index.js';
import { cliJson, runCliIn } from '../helpers/cli.js';
import { spawnServe, type ServeProcess } from '../helpers/serve.js';
import { tempDir } from '../helpers/temp-dir.js';

const HINT = 'serve-interop-key';

/** A key-in-hand @sigstore/sign Signer over a node:crypto key; remembers signatures so a retry signs identically. */
class NodeKeySigner implements Signer {
  readonly pem: string;
  readonly spki: Buffer;
  private readonly memo = new Map<string, Buffer>();
  constructor(private readonly privateKey: KeyObject, publicKey: KeyObject, private readonly algorithm: 'sha256' | null) {
    this.pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    this.spki = publicKey.export({ type: 'spki', format: 'der' });
  }
  async sign(data: Buffer): Promise<Signature> {
    const key = createHash('sha256').update(data).digest('hex');
    const signature = this.memo.get(key) ?? cryptoSign(this.algorithm, data, this.privateKey);
    this.memo.set(key, signature);
    return { signature, key: { $case: 'publicKey', publicKey: this.pem, hint: HINT } };
  }
}

function ecdsaSigner(): NodeKeySigner {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return new NodeKeySigner(privateKey, publicKey, 'sha256');
}

describe('sigstore-js against provwb serve', () => {
  let dir: string;
  let cleanup: () => void;
  let serve: ServeProcess;
  let trustedRoot: unknown;
  let logKeyPem: string;

  function verifyWithSigstoreJs(bundle: Bundle, signer: NodeKeySigner, artifact?: Buffer): void {
    const trust = toTrustMaterial(TrustedRoot.fromJSON(trustedRoot), { [HINT]: { rawBytes: signer.spki, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start: new Date(0) } } });
    const entity = toSignedEntity(bundleFromJSON(JSON.parse(JSON.stringify(bundleToJSON(bundle)))), artifact);
    new Verifier(trust, { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 }).verify(entity);
  }

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    expect((await runCliIn(dir, ['init', '--origin', 'provwb.test/serve-sigstore'])).status).toBe(0);
    trustedRoot = await cliJson(dir, ['trusted-root', 'export']);
    serve = await spawnServe(dir);
    logKeyPem = await (await fetch(`${serve.url}/api/v1/log/publicKey`)).text();
  });
  afterAll(async () => {
    const stopped = await serve?.stop('SIGTERM');
    cleanup?.();
    expect(stopped?.status).toBe(0);
  });

  describe('given a hashedrekord through RekorWitness (Rekor v1)', () => {
    const artifact = Buffer.from('provwb serve interop artefact\n');
    const signer = ecdsaSigner();
    let bundle: Bundle;

    beforeAll(async () => {
      const builder = new MessageSignatureBundleBuilder({ signer, witnesses: [new RekorWitness({ rekorBaseURL: serve.url, fetchOnConflict: true })] });
      bundle = await builder.create({ data: artifact });
    });

    it('@sigstore/verify accepts the bundle with the exported trusted root', () => {
      expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
      expect(bundle.verificationMaterial.tlogEntries[0]!.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.1' });
      verifyWithSigstoreJs(bundle, signer, artifact);
    });

    it('@sigstore/verify rejects it for another artefact', () => {
      expect(() => verifyWithSigstoreJs(bundle, signer, Buffer.from('another artefact'))).toThrow();
    });

    it('given the same signature again, the 409 + Location path fetches the existing entry and it verifies', async () => {
      const again = await new MessageSignatureBundleBuilder({ signer, witnesses: [new RekorWitness({ rekorBaseURL: serve.url, fetchOnConflict: true })] }).create({ data: artifact });
      expect(again.verificationMaterial.tlogEntries[0]!.logIndex).toBe(bundle.verificationMaterial.tlogEntries[0]!.logIndex);
      verifyWithSigstoreJs(again, signer, artifact);
    });

    it('and without fetchOnConflict the client reports the conflict', async () => {
      const builder = new MessageSignatureBundleBuilder({ signer, witnesses: [new RekorWitness({ rekorBaseURL: serve.url, fetchOnConflict: false })] });
      await expect(builder.create({ data: artifact })).rejects.toThrow(/409|already exists|TLOG_CREATE_ENTRY_ERROR|error creating tlog entry/);
    });
  });

  describe('given a DSSE envelope through RekorWitness (Rekor v1 dsse 0.0.1)', () => {
    it('@sigstore/verify accepts the bundle', async () => {
      const signer = ecdsaSigner();
      const statement = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'a.tgz', digest: { sha256: 'ab'.repeat(32) } }], predicateType: 'https://example.com/p', predicate: {} }));
      const bundle = await new DSSEBundleBuilder({ signer, witnesses: [new RekorWitness({ rekorBaseURL: serve.url, fetchOnConflict: true })] }).create({ data: statement, type: 'application/vnd.in-toto+json' });
      expect(bundle.verificationMaterial.tlogEntries[0]!.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
      verifyWithSigstoreJs(bundle, signer);
    });
  });

  describe('given a hashedrekord through RekorWitness with majorApiVersion 2 (Rekor v2)', () => {
    // sigstore-js 4.1 always sends a v2 verifier as x509Certificate, so its v2 path needs a
    // certificate signer; a self-signed one is enough for the log (like rekor-tiles, it parses the
    // certificate but leaves its chain to verifiers), though not for @sigstore/verify, which would
    // need a CA in the trusted root. The entry itself is checked with the log key offline.
    it('answers a TransparencyLogEntry the client takes, and it verifies offline with the log key', async (ctx) => {
      const work = tempDir();
      try {
        const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const keyFile = path.join(work.dir, 'key.pem');
        writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
        let certificate: string;
        try {
          certificate = execFileSync('openssl', ['req', '-x509', '-new', '-key', keyFile, '-subj', '/CN=provwb serve test', '-days', '1'], { encoding: 'utf8' });
        } catch (error) {
          ctx.skip(`openssl could not make a test certificate: ${(error as Error).message}`);
          return;
        }
        const artifact = Buffer.from('provwb serve interop artefact, v2\n');
        const signer: Signer = { sign: async (data) => ({ signature: cryptoSign('sha256', data, privateKey), key: { $case: 'x509Certificate', certificate } }) };
        const bundle = await new MessageSignatureBundleBuilder({ signer, witnesses: [new RekorWitness({ rekorBaseURL: serve.url, majorApiVersion: 2 })] }).create({ data: artifact });
        const entry = bundle.verificationMaterial.tlogEntries[0]!;
        expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' });
        expect(entry.inclusionPromise).toBeUndefined();
        const json = bundleToJSON(bundle).verificationMaterial.tlogEntries[0];
        expect(verifyLogEntryOffline({ entryJson: json, publicKeyPem: logKeyPem })).toMatchObject({ checks: { inclusion_proof: 'pass', checkpoint: 'pass', log_id: 'pass', set: 'skip' } });
        const body = JSON.parse(Buffer.from(entry.canonicalizedBody).toString()) as { spec: { hashedRekordV002: { data: { digest: string } } } };
        expect(body.spec.hashedRekordV002.data.digest).toBe(createHash('sha256').update(artifact).digest('base64'));
      } finally {
        work.cleanup();
      }
    });
  });
});
