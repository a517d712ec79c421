import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VerificationError } from '../../../../shared/api/index.js';
import { openRekorCheckpoint } from '../../../../electron/engine/sigstore/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { firstTlogEntry, publicCases } from '../../../fixtures/sigstore/public-cases.js';

const cases = publicCases();
type TlogJson = { baseUrl: string; publicKey: { rawBytes: string } };

function tlogKey(rootJson: Record<string, unknown>, baseUrl: string) {
  const raw = (rootJson.tlogs as TlogJson[]).find((t) => t.baseUrl === baseUrl)!.publicKey.rawBytes;
  return createPublicKey({ key: Buffer.from(raw, 'base64'), format: 'der', type: 'spki' });
}

const v1Case = cases.find((c) => c.spec.name === 'happy-path-v0.1')!;
const v2Case = cases.find((c) => c.spec.name === 'rekor2-happy-path')!;
const rekorV1Key = tlogKey(v1Case.trustedRootJson, 'https://rekor.sigstore.dev');
const stagingV2Key = tlogKey(v2Case.trustedRootJson, 'https://log2025-alpha1.rekor.sigstage.dev');
const v1Envelope = firstTlogEntry(v1Case.bundleJson).inclusionProof.checkpoint.envelope;
const v2Envelope = firstTlogEntry(v2Case.bundleJson).inclusionProof.checkpoint.envelope;

describe('openRekorCheckpoint', () => {
  describe('given a Rekor v1 checkpoint (ECDSA, key hint = logID[:4], origin "<name> - <tree ID>", a Timestamp extension)', () => {
    it('returns the checkpoint, key name and SPKI-hash log ID', () => {
      const opened = openRekorCheckpoint(v1Envelope, rekorV1Key, { keyName: 'rekor.sigstore.dev' });
      expect(opened.keyName).toBe('rekor.sigstore.dev');
      expect(opened.checkpoint).toMatchObject({ origin: 'rekor.sigstore.dev - 2605736670972794746', size: 23083062, extensions: ['Timestamp: 1689177396617352539'] });
      expect(Buffer.from(opened.logId).toString('base64')).toBe('wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=');
    });
  });

  describe('given a Rekor v2 checkpoint (Ed25519 signed note)', () => {
    it('returns the checkpoint and the C2SP log ID', () => {
      const opened = openRekorCheckpoint(v2Envelope, stagingV2Key);
      expect(opened.checkpoint).toMatchObject({ origin: 'log2025-alpha1.rekor.sigstage.dev', size: 736 });
      expect(Buffer.from(opened.logId).toString('base64')).toBe('8w1amZ2S5mJIQkQmPxdMuOrL/oJkvFg9MnQXmeOCXck=');
    });
  });

  describe('given the wrong key, a wrong name, a flipped signature or a foreign origin', () => {
    it('throws checkpoint_invalid', () => {
      expectWorkbenchError(() => openRekorCheckpoint(v1Envelope, stagingV2Key), VerificationError, 'checkpoint_invalid');
      expectWorkbenchError(() => openRekorCheckpoint(v2Envelope, rekorV1Key), VerificationError, 'checkpoint_invalid');
      expectWorkbenchError(() => openRekorCheckpoint(v1Envelope, rekorV1Key, { keyName: 'rekor.example' }), VerificationError, 'checkpoint_invalid');
      const flipped = v2Envelope.replace('\n736\n', '\n735\n');
      expectWorkbenchError(() => openRekorCheckpoint(flipped, stagingV2Key), VerificationError, 'checkpoint_invalid');
      expectWorkbenchError(() => openRekorCheckpoint('not a note', stagingV2Key), VerificationError, 'checkpoint_invalid');
    });

    it('throws checkpoint_invalid when a valid signature covers another log\'s origin', () => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const publicKey = createPublicKey(privateKey);
      // Rekor v1: logID = SHA-256(DER SPKI); its first 4 bytes are the key hint.
      const logId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest();
      const text = `other.example - 1\n1\n${Buffer.alloc(32).toString('base64')}\n`;
      const sig = Buffer.concat([logId.subarray(0, 4), sign('sha256', Buffer.from(text), privateKey)]);
      const note = `${text}\n\u2014 log.example ${sig.toString('base64')}\n`;
      const error = expectWorkbenchError(() => openRekorCheckpoint(note, publicKey), VerificationError, 'checkpoint_invalid');
      expect(error.message).toContain('other.example - 1');
      const own = `log.example - 1\n1\n${Buffer.alloc(32).toString('base64')}\n`;
      const ownSig = Buffer.concat([logId.subarray(0, 4), sign('sha256', Buffer.from(own), privateKey)]);
      expect(openRekorCheckpoint(`${own}\n\u2014 log.example ${ownSig.toString('base64')}\n`, publicKey).keyName).toBe('log.example');
    });
  });
});
