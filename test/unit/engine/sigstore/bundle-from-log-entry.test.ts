import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RekorLogEntryMap } from '../../../../shared/api/index.js';
import { InputError } from '../../../../shared/api/index.js';
import { bundleFromLogEntry } from '../../../../electron/engine/sigstore/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { cloneJson, firstTlogEntry, publicCases, rekorV1LogEntry } from '../../../fixtures/sigstore/public-cases.js';

const cases = publicCases();

function leafHashOf(canonicalizedBody: string): string {
  return createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(canonicalizedBody, 'base64')])).digest('hex');
}

function logEntryOf(bundleJson: Record<string, unknown>): RekorLogEntryMap {
  const entry = firstTlogEntry(bundleJson);
  return rekorV1LogEntry(entry, leafHashOf(entry.canonicalizedBody)) as unknown as RekorLogEntryMap;
}

function certificateOf(bundleJson: Record<string, unknown>): Buffer {
  return Buffer.from((bundleJson.verificationMaterial as { certificate: { rawBytes: string } }).certificate.rawBytes, 'base64');
}

describe('bundleFromLogEntry', () => {
  describe('given the Rekor v1 LogEntry of a public-good v0.3 message-signature bundle', () => {
    it('rebuilds that bundle byte for byte (as JSON)', () => {
      const original = cases.find((c) => c.spec.name === 'happy-path-v0.3-new-mediaType')!.bundleJson;
      const message = original.messageSignature as { messageDigest: { digest: string }; signature: string };
      const bundle = bundleFromLogEntry({
        logEntry: logEntryOf(original),
        content: { type: 'message_signature', digestSha256: Buffer.from(message.messageDigest.digest, 'base64'), signature: Buffer.from(message.signature, 'base64') },
        signer: { certificateDer: certificateOf(original) },
      });
      expect(JSON.parse(JSON.stringify(bundle))).toEqual(original);
    });
  });

  describe('given the Rekor v1 LogEntry of a public-good DSSE bundle', () => {
    it('rebuilds that bundle, kind dsse 0.0.1 read from the body', () => {
      const original = cases.find((c) => c.spec.name === 'happy-path-intoto-in-dsse-v3')!.bundleJson;
      const envelope = original.dsseEnvelope as { payload: string; payloadType: string; signatures: Array<{ sig: string }> };
      const bundle = bundleFromLogEntry({
        logEntry: logEntryOf(original),
        content: { type: 'dsse_envelope', payloadType: envelope.payloadType, payload: Buffer.from(envelope.payload, 'base64'), signature: Buffer.from(envelope.signatures[0]!.sig, 'base64') },
        signer: { certificateDer: certificateOf(original) },
      });
      expect(JSON.parse(JSON.stringify(bundle))).toEqual(original);
    });
  });

  describe('given content the entry does not record', () => {
    const original = cases.find((c) => c.spec.name === 'happy-path-v0.3')!.bundleJson;
    const message = original.messageSignature as { messageDigest: { digest: string }; signature: string };
    const digest = Buffer.from(message.messageDigest.digest, 'base64');
    const signature = Buffer.from(message.signature, 'base64');

    it('throws bundle_content_mismatch for another signature, another digest, or a DSSE envelope', () => {
      const logEntry = logEntryOf(original);
      const otherSignature = Buffer.from(signature);
      otherSignature[10] = otherSignature[10]! ^ 1;
      const otherDigest = Buffer.from(digest);
      otherDigest[0] = otherDigest[0]! ^ 1;
      const build = (content: Parameters<typeof bundleFromLogEntry>[0]['content']) => () => bundleFromLogEntry({ logEntry, content, signer: { publicKeyHint: 'k' } });
      expectWorkbenchError(build({ type: 'message_signature', digestSha256: digest, signature: otherSignature }), InputError, 'bundle_content_mismatch');
      expectWorkbenchError(build({ type: 'message_signature', digestSha256: otherDigest, signature }), InputError, 'bundle_content_mismatch');
      expectWorkbenchError(build({ type: 'dsse_envelope', payloadType: 'text/plain', payload: Buffer.from('x'), signature }), InputError, 'bundle_content_mismatch');
    });

    it('throws entry_malformed for an answer with two entries or a non-hex hash', () => {
      const logEntry = logEntryOf(original);
      const [uuid, dto] = Object.entries(logEntry)[0]!;
      const content = { type: 'message_signature' as const, digestSha256: digest, signature };
      expectWorkbenchError(() => bundleFromLogEntry({ logEntry: { [uuid]: dto, other: dto }, content, signer: { publicKeyHint: 'k' } }), InputError, 'entry_malformed');
      const bad = cloneJson(dto);
      (bad.verification.inclusionProof as { rootHash: string }).rootHash = 'zz';
      expectWorkbenchError(() => bundleFromLogEntry({ logEntry: { [uuid]: bad }, content, signer: { publicKeyHint: 'k' } }), InputError, 'entry_malformed');
    });

    it('writes a publicKey hint, int64 fields as strings and hashes as base64', () => {
      const bundle = bundleFromLogEntry({ logEntry: logEntryOf(original), content: { type: 'message_signature', digestSha256: digest, signature }, signer: { publicKeyHint: 'my key' } });
      expect(bundle.verificationMaterial).toMatchObject({ publicKey: { hint: 'my key' } });
      const entry = bundle.verificationMaterial.tlogEntries[0]!;
      expect(entry).toMatchObject({ logIndex: '79571823', kindVersion: { kind: 'hashedrekord', version: '0.0.1' } });
      expect(typeof entry.integratedTime).toBe('string');
      expect(entry.inclusionProof.hashes[0]).toBe(firstTlogEntry(original).inclusionProof.hashes[0]);
    });
  });
});
