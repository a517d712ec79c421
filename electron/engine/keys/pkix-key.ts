import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { InputError, VerificationError } from '../../../shared/api/errors.js';
import { spkiFingerprint as spkiFingerprintOfDer } from '../../../shared/layout/index.js';
import { keyInvalid, keyUnsupported } from './key-errors.js';
import { keyAlgorithm, spkiDer } from './key-objects.js';

/** PKIX key types: what a PEM SPKI / PKCS#8 key or a generated key becomes. */
export type PkixKeyType = 'ed25519' | 'ecdsa-p256';

/** A decoded PEM key. */
export interface PkixKey {
  readonly type: PkixKeyType;
  readonly publicKey: KeyObject;
  readonly privateKey?: KeyObject;
}

const PEM_LABEL = /^-----BEGIN ([A-Z0-9 ]+)-----/;

/** Returns the PEM label of `text` (`PUBLIC KEY`, `PRIVATE KEY`, …), or undefined when it is not PEM. */
export function pemLabel(text: string): string | undefined {
  return PEM_LABEL.exec(text.trimStart())?.[1];
}

/** Returns the fingerprint of a PKIX key: lowercase hex SHA-256 of its DER SubjectPublicKeyInfo. */
export function spkiFingerprint(publicKey: KeyObject): string {
  return spkiFingerprintOfDer(spkiDer(publicKey));
}

/** Returns a fresh key pair from node:crypto (OpenSSL's CSPRNG). */
export function generatePkixKey(type: PkixKeyType): { publicKey: KeyObject; privateKey: KeyObject } {
  return type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

function pkixType(key: KeyObject): PkixKeyType {
  const algorithm = keyAlgorithm(key);
  if (algorithm === 'ed25519' || algorithm === 'ecdsa-p256') return algorithm;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  throw keyUnsupported(`a PEM ${key.asymmetricKeyType}${curve === undefined ? '' : ` (${curve})`} key`, 'PEM keys must be Ed25519 or ECDSA P-256; for RSA use OpenPGP or OpenSSH', {
    keyType: key.asymmetricKeyType,
  });
}

/**
 * Returns the key of a PEM text: `PUBLIC KEY` (SPKI), `PRIVATE KEY` (PKCS#8), `EC PRIVATE KEY`
 * (SEC1) or `ENCRYPTED PRIVATE KEY` (PKCS#8 with PBES2, unlocked with `sourcePassphrase`).
 * Ed25519 and ECDSA P-256 only. Throws InputError `key_invalid` / `key_unsupported`,
 * VerificationError `passphrase_incorrect` for a wrong PKCS#8 passphrase.
 */
export function parsePemKey(text: string, sourcePassphrase: string | undefined): PkixKey {
  const label = pemLabel(text);
  switch (label) {
    case 'PUBLIC KEY': {
      let publicKey: KeyObject;
      try {
        publicKey = createPublicKey({ key: text, format: 'pem' });
      } catch (error) {
        throw keyInvalid('PEM public', error instanceof Error ? error.message : String(error));
      }
      return { type: pkixType(publicKey), publicKey };
    }
    case 'PRIVATE KEY':
    case 'EC PRIVATE KEY':
    case 'ENCRYPTED PRIVATE KEY': {
      const encrypted = label === 'ENCRYPTED PRIVATE KEY';
      if (encrypted && (sourcePassphrase === undefined || sourcePassphrase === '')) {
        throw new InputError('passphrase_missing', 'this PKCS#8 private key is encrypted', {}, { hint: 'give the passphrase it was encrypted with as sourcePassphrase' });
      }
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey(encrypted ? { key: text, format: 'pem', passphrase: sourcePassphrase } : { key: text, format: 'pem' });
      } catch (error) {
        if (encrypted) {
          throw new VerificationError('passphrase_incorrect', 'the passphrase does not unlock this encrypted PKCS#8 key', {}, { hint: 'give the passphrase it was encrypted with', cause: error });
        }
        throw keyInvalid('PEM private', error instanceof Error ? error.message : String(error));
      }
      return { type: pkixType(privateKey), publicKey: createPublicKey(privateKey), privateKey };
    }
    case 'RSA PUBLIC KEY':
    case 'RSA PRIVATE KEY':
      throw keyUnsupported('a PKCS#1 RSA key', 'PEM keys must be Ed25519 or ECDSA P-256 (SPKI/PKCS#8); for RSA use OpenPGP or OpenSSH');
    default:
      throw keyInvalid('PEM', `unexpected PEM label ${label ?? '(none)'}`);
  }
}
