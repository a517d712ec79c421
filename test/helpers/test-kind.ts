import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { InputError, VerificationError } from '../../shared/api/index.js';
import type { EntryKind, IndexKey, ProposedEntry } from '../../electron/engine/types/entry-kind.js';

/**
 * A small real kind for pipeline tests: spec {digest (sha256 hex), signature (base64 Ed25519 over the
 * digest bytes), publicKey (PEM SPKI), email?}. It verifies for real, so tests can fail.
 */
export const testKind: EntryKind = {
  kind: 'test-signed',
  apiVersion: '0.0.1',
  specSchema: { type: 'object', required: ['digest', 'signature', 'publicKey'] },
  async accept(proposed: ProposedEntry) {
    const spec = proposed.spec as Record<string, unknown>;
    const { digest, signature, publicKey, email } = spec;
    if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest) || typeof signature !== 'string' || typeof publicKey !== 'string') {
      throw new InputError('entry_schema_invalid', 'test-signed spec needs digest, signature and publicKey strings');
    }
    if (!verify(null, Buffer.from(digest, 'hex'), publicKey, Buffer.from(signature, 'base64'))) {
      throw new VerificationError('signature_invalid', 'test-signed signature does not verify');
    }
    const body = { apiVersion: '0.0.1', kind: 'test-signed', spec: { digest, signature, publicKey, ...(typeof email === 'string' ? { email } : {}) } };
    return { body, indexKeys: this.indexKeys(body) };
  },
  async verifyStored() {},
  indexKeys(body): IndexKey[] {
    const spec = body.spec as Record<string, string>;
    const der = createHash('sha256').update(Buffer.from(spec.publicKey!.replace(/-----[^-]+-----|\s/g, ''), 'base64')).digest('hex');
    return [
      { type: 'sha256', value: spec.digest! },
      { type: 'key_fingerprint', value: der },
      ...(spec.email ? [{ type: 'email' as const, value: spec.email.toLowerCase() }] : []),
    ];
  },
};

/** Returns a signed test-signed proposed entry for `content`. */
export function signedTestEntry(content: string, options: { email?: string; key?: KeyObject } = {}): { proposed: ProposedEntry; digest: string } {
  const privateKey = options.key ?? generateKeyPairSync('ed25519').privateKey;
  const digest = createHash('sha256').update(content).digest('hex');
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  const signature = sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64');
  return { proposed: { apiVersion: '0.0.1', kind: 'test-signed', spec: { digest, signature, publicKey, ...(options.email ? { email: options.email } : {}) } }, digest };
}
