import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { InputError, VerificationError } from '../../../../../shared/api/index.js';
import { toBase64, utf8 } from '../../../../../shared/encoding/index.js';
import type { ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { preAuthEncoding } from '../../../../../electron/engine/types/builtin/dsse-envelope.js';
import { dsseV001, intotoV002 } from '../../../../../electron/engine/types/builtin/index.js';
import { expectRejection } from '../../../../helpers/assertions.js';

const ctx = { integratedTimeSec: 1_790_000_000 };
const SUBJECT = createHash('sha256').update('the artefact').digest('hex');
const PAYLOAD = utf8(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'a', digest: { sha256: SUBJECT } }], predicateType: 'https://slsa.dev/provenance/v1', predicate: { materials: [{ digest: { sha256: 'ab'.repeat(32) } }] } }));
const TYPE = 'application/vnd.in-toto+json';

interface Signer {
  readonly privateKey: KeyObject;
  readonly pem: string;
}

function signer(kind: 'p256' | 'ed25519'): Signer {
  const k = kind === 'p256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return { privateKey: k.privateKey, pem: k.publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

function dsseSign(s: Signer, payload = PAYLOAD, type = TYPE): string {
  const pae = preAuthEncoding(type, payload);
  return toBase64(sign(s.privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', pae, s.privateKey));
}

function dsseProposal(envelope: string, verifiers: readonly Signer[]): ProposedEntry {
  return { apiVersion: '0.0.1', kind: 'dsse', spec: { proposedContent: { envelope, verifiers: verifiers.map((v) => toBase64(utf8(v.pem))) } } };
}

function envelopeOf(signatures: readonly string[], payload = PAYLOAD): string {
  return JSON.stringify({ payload: toBase64(payload), payloadType: TYPE, signatures: signatures.map((sig) => ({ sig })) });
}

describe('dsse 0.0.1', () => {
  const a = signer('p256');
  const b = signer('ed25519');
  const sigA = dsseSign(a);
  const sigB = dsseSign(b);

  describe('given an envelope signed by an ECDSA and an Ed25519 key, verifiers in the other order', () => {
    it('stores the envelope and payload hashes and each signature with the key that verified it, sorted by signature', async () => {
      const envelope = envelopeOf([sigA, sigB]);
      const accepted = await dsseV001.accept(dsseProposal(envelope, [b, a]), ctx);
      const spec = accepted.body.spec as { envelopeHash: unknown; payloadHash: unknown; signatures: { signature: string; verifier: string }[] };
      expect(spec.envelopeHash).toEqual({ algorithm: 'sha256', value: createHash('sha256').update(envelope).digest('hex') });
      expect(spec.payloadHash).toEqual({ algorithm: 'sha256', value: createHash('sha256').update(PAYLOAD).digest('hex') });
      const expected = [{ signature: sigA, verifier: toBase64(utf8(a.pem)) }, { signature: sigB, verifier: toBase64(utf8(b.pem)) }].sort((x, y) => (x.signature < y.signature ? -1 : 1));
      expect(spec.signatures).toEqual(expected);
      await dsseV001.verifyStored(accepted.body, ctx);
    });

    it('indexes the in-toto subject and material digests at acceptance only (the body holds no payload)', async () => {
      const accepted = await dsseV001.accept(dsseProposal(envelopeOf([sigA, sigB]), [a, b]), ctx);
      expect(accepted.indexKeys).toContainEqual({ type: 'sha256', value: SUBJECT });
      expect(accepted.indexKeys).toContainEqual({ type: 'sha256', value: 'ab'.repeat(32) });
      expect(dsseV001.indexKeys(accepted.body)).not.toContainEqual({ type: 'sha256', value: SUBJECT });
      expect(dsseV001.indexKeys(accepted.body)).toEqual(accepted.indexKeys.filter((k) => k.value !== SUBJECT && k.value !== 'ab'.repeat(32)));
    });
  });

  describe('given a verifier that verifies no signature', () => {
    it('is ignored after every signature is verified, as Rekor stops trying verifiers', async () => {
      await expect(dsseV001.accept(dsseProposal(envelopeOf([sigA]), [a, b]), ctx)).resolves.toBeDefined();
    });
    it('throws signature_invalid when it is tried first', async () => {
      await expectRejection(() => dsseV001.accept(dsseProposal(envelopeOf([sigA]), [b, a]), ctx), VerificationError, 'signature_invalid');
    });
  });

  describe('given two signatures by the same key and one verifier', () => {
    it('throws signature_invalid: Rekor lets each verifier account for one signature', async () => {
      await expectRejection(() => dsseV001.accept(dsseProposal(envelopeOf([sigA, dsseSign(a)]), [a]), ctx), VerificationError, 'signature_invalid');
    });
  });

  describe('given a signature over another payload', () => {
    it('throws signature_invalid', async () => {
      await expectRejection(() => dsseV001.accept(dsseProposal(envelopeOf([dsseSign(a, utf8('{}'))]), [a]), ctx), VerificationError, 'signature_invalid');
    });
  });

  describe('given envelope JSON as Go reads it: other letter case, URL-safe payload', () => {
    it('accepts it', async () => {
      const payload = utf8('??>>'.repeat(10));
      const envelope = JSON.stringify({ PayloadType: TYPE, PAYLOAD: Buffer.from(payload).toString('base64url').padEnd(Math.ceil(payload.length / 3) * 4, '='), signatures: [{ Sig: dsseSign(a, payload) }] });
      await expect(dsseV001.accept(dsseProposal(envelope, [a]), ctx)).resolves.toBeDefined();
    });
  });

  describe('given malformed proposals', () => {
    it('throws envelope_malformed for an envelope that is not JSON', async () => {
      await expectRejection(() => dsseV001.accept(dsseProposal('{"payload":', [a]), ctx), InputError, 'envelope_malformed');
    });
    it('throws entry_schema_invalid naming the server-computed fields it was given', async () => {
      const p = dsseProposal(envelopeOf([sigA]), [a]);
      const spec = { ...(p.spec as object), payloadHash: { algorithm: 'sha256', value: '00' }, signatures: [{ signature: sigA, verifier: 'AA==' }] };
      const error = await expectRejection(() => dsseV001.accept({ ...p, spec }, ctx), InputError, 'entry_schema_invalid');
      expect((error.details as { problems: { pointer: string }[] }).problems.map((x) => x.pointer)).toEqual(['/payloadHash', '/signatures']);
    });
    it('throws entry_schema_invalid for a stored body proposed again', async () => {
      const { body } = await dsseV001.accept(dsseProposal(envelopeOf([sigA]), [a]), ctx);
      await expectRejection(() => dsseV001.accept(body as unknown as ProposedEntry, ctx), InputError, 'entry_schema_invalid');
    });
  });

  describe('verifyStored', () => {
    it('throws body_not_canonical when the signatures are not sorted', async () => {
      const { body } = await dsseV001.accept(dsseProposal(envelopeOf([sigA, sigB]), [a, b]), ctx);
      const reversed = structuredClone(body) as { spec: { signatures: unknown[] } };
      reversed.spec.signatures.reverse();
      await expectRejection(() => dsseV001.verifyStored(reversed as unknown as Record<string, unknown>, ctx), VerificationError, 'body_not_canonical');
    });
  });
});

describe('intoto 0.0.2', () => {
  const a = signer('p256');
  const b = signer('ed25519');

  // Rekor's client double-encodes: envelope.payload and sig are base64 of the envelope's base64 text.
  function intotoProposal(signers: readonly { s: Signer; keyid?: string; sig?: string }[], payload = PAYLOAD): ProposedEntry {
    const envelope = { payload: toBase64(payload), payloadType: TYPE, signatures: signers.map((x) => ({ keyid: x.keyid ?? '', sig: x.sig ?? dsseSign(x.s, payload) })) };
    return {
      apiVersion: '0.0.2',
      kind: 'intoto',
      spec: {
        content: {
          envelope: { payload: toBase64(utf8(envelope.payload)), payloadType: TYPE, signatures: signers.map((x, i) => ({ ...(x.keyid ? { keyid: x.keyid } : {}), sig: toBase64(utf8(envelope.signatures[i]!.sig)), publicKey: toBase64(utf8(x.s.pem)) })) },
          hash: { algorithm: 'sha256', value: createHash('sha256').update(JSON.stringify(envelope)).digest('hex') },
        },
      },
    };
  }

  describe('given an envelope with two signatures and their keys', () => {
    it('stores payload type, signatures with keys as given (keyid only when set), the client\'s envelope hash and the payload hash', async () => {
      const p = intotoProposal([{ s: a, keyid: 'key-a' }, { s: b }]);
      const accepted = await intotoV002.accept(p, ctx);
      const content = (p.spec as { content: { envelope: { signatures: unknown[] }; hash: unknown } }).content;
      expect(accepted.body).toEqual({
        apiVersion: '0.0.2',
        kind: 'intoto',
        spec: { content: { envelope: { payloadType: TYPE, signatures: content.envelope.signatures }, hash: content.hash, payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(PAYLOAD).digest('hex') } } },
      });
      expect(accepted.indexKeys).toContainEqual({ type: 'sha256', value: SUBJECT });
      await intotoV002.verifyStored(accepted.body, ctx);
      expect(intotoV002.indexKeys(accepted.body)).toHaveLength(3);
    });
  });

  describe('given a key that verifies none of the signatures', () => {
    it('throws signature_invalid', async () => {
      await expectRejection(() => intotoV002.accept(intotoProposal([{ s: a, sig: dsseSign(b) }]), ctx), VerificationError, 'signature_invalid');
    });
  });

  describe('given no envelope hash', () => {
    it('throws entry_schema_invalid at /content/hash', async () => {
      const p = intotoProposal([{ s: a }]);
      delete (p.spec as { content: { hash?: unknown } }).content.hash;
      const error = await expectRejection(() => intotoV002.accept(p, ctx), InputError, 'entry_schema_invalid');
      expect((error.details as { problems: { pointer: string }[] }).problems.map((x) => x.pointer)).toEqual(['/content/hash']);
    });
  });
});
