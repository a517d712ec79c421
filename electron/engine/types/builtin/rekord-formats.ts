/**
 * The signature formats of rekord 0.0.1 (Rekor's `pkg/pki/factory.go`): pgp, minisign, ssh and x509.
 * Each parses a key and a signature into their canonical values, verifies a signature over content,
 * and says what can still be checked once the content is gone (a stored entry keeps only its hash).
 */

import * as openpgp from 'openpgp';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import type { IndexKey } from '../entry-kind.js';
import { emailKey, isEmail, sanKeys, spkiKey } from './index-keys.js';
import { minisignIndexKeys, parseMinisignPublicKey, parseMinisignSignature, verifyMinisignSignature } from './minisign.js';
import { pgpKeyIndexKeys } from './pgp-key-index.js';
import { parsePgpPublicKey } from './pgp-public-key.js';
import { parsePgpSignature, verifyPgpSignature } from './pgp-signature.js';
import { parseAuthorizedKey, marshalAuthorizedKey } from './ssh-public-key.js';
import { parseSshSignature, verifySshFileSignature } from './ssh-signature.js';
import { verifyMessageSignature } from './verify-signature.js';
import { parseX509PublicKey, verifyX509CertificateChain } from './x509-public-key.js';

/** The `signature.format` values of rekord 0.0.1. */
export type RekordFormat = 'pgp' | 'minisign' | 'ssh' | 'x509';

/** A rekord public key in one format. */
export interface RekordKey {
  readonly canonical: Uint8Array;
}

/** A signature and key ready to verify. */
export interface RekordMaterial {
  readonly key: RekordKey;
  readonly signatureCanonical: Uint8Array;
  /** Verifies the signature over the artefact; throws VerificationError. */
  verify(content: Uint8Array): Promise<void>;
  /** Checks what needs no artefact (PGP issuer in the key ring, x509 chain); throws VerificationError. */
  checkWithoutContent(): Promise<void>;
}

/**
 * Returns the index keys of a key in `format` (a stored, canonical key): key fingerprints and
 * emails. Synchronous and without verification. Throws InputError('public_key_invalid').
 */
export function rekordKeyIndexKeys(format: RekordFormat, bytes: Uint8Array): IndexKey[] {
  switch (format) {
    case 'x509': {
      const key = parseX509PublicKey(bytes, 'signature.publicKey.content');
      return [spkiKey(key.info.spkiDer), ...sanKeys(key.names)];
    }
    case 'minisign':
      return minisignIndexKeys(parseMinisignPublicKey(bytes));
    case 'ssh': {
      const { key, comment } = parseAuthorizedKey(bytes);
      return [spkiKey(key.info.spkiDer), ...(isEmail(comment) ? [emailKey(comment)] : [])];
    }
    case 'pgp':
      return pgpKeyIndexKeys(bytes);
  }
}

/**
 * Returns the signature and key parsed as Rekor's `NewSignature` and `NewPublicKey` do (signature
 * first), or throws InputError for material Rekor refuses.
 */
export async function parseRekordMaterial(format: RekordFormat, signature: Uint8Array, key: Uint8Array): Promise<RekordMaterial> {
  return parseFormat(format, signature, key);
}

const NOTHING = async (): Promise<void> => {};

async function parseFormat(format: RekordFormat, signatureBytes: Uint8Array, keyBytes: Uint8Array): Promise<RekordMaterial> {
  switch (format) {
    case 'x509': {
      const key = parseX509PublicKey(keyBytes, 'signature.publicKey.content');
      const signature = signatureBytes;
      return {
        key: { canonical: key.canonical },
        signatureCanonical: signature,
        async verify(content) {
          verifyX509CertificateChain(key);
          // x509.Signature.Verify with no options: SHA-256 for RSA and ECDSA, pure Ed25519.
          if (!verifyMessageSignature(key.info, 'sha256', content, signature)) {
            throw new VerificationError('signature_invalid', `the x509 signature does not verify over the content with the ${key.info.type} key`, { format });
          }
        },
        checkWithoutContent: async () => verifyX509CertificateChain(key),
      };
    }
    case 'minisign': {
      const signature = parseMinisignSignature(signatureBytes);
      const key = parseMinisignPublicKey(keyBytes);
      return {
        key: { canonical: key.canonical },
        signatureCanonical: signature.canonical,
        verify: async (content) => verifyMinisignSignature(signature, key, content),
        checkWithoutContent: NOTHING,
      };
    }
    case 'ssh': {
      const signature = parseSshSignature(signatureBytes);
      const { key } = parseAuthorizedKey(keyBytes);
      return {
        key: { canonical: marshalAuthorizedKey(key) },
        signatureCanonical: signature.canonical,
        verify: async (content) => verifySshFileSignature(signature, key, content),
        checkWithoutContent: NOTHING,
      };
    }
    case 'pgp': {
      const signature = await parsePgpSignature(signatureBytes);
      const key = await parsePgpPublicKey(keyBytes);
      return {
        key: { canonical: key.canonical },
        signatureCanonical: signature.canonical,
        verify: async (content) => verifyPgpSignature(signature, key, content),
        async checkWithoutContent() {
          let issuers: openpgp.KeyID[];
          try {
            issuers = (await openpgp.readSignature({ binarySignature: signature.binary })).getSigningKeyIDs();
          } catch (error) {
            throw new InputError('signature_malformed', `invalid PGP signature: ${(error as Error).message}`, undefined, { cause: error });
          }
          if (!issuers.some((id) => key.keys.some((k) => k.getKeys(id).length > 0))) {
            throw new VerificationError('signature_key_unknown', `the PGP signature is by key ID ${issuers.map((id) => id.toHex()).join(', ')}, which is not in the stored public key`);
          }
        },
      };
    }
  }
}

/** Returns the format named by `value`, or throws InputError (the schema enum normally catches it first). */
export function rekordFormatOf(value: string): RekordFormat {
  if (value === 'pgp' || value === 'minisign' || value === 'ssh' || value === 'x509') return value;
  throw new InputError('entry_schema_invalid', `${value} is not a supported PKI format`);
}
