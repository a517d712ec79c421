/**
 * The public keys Rekor can verify with (sigstore's `LoadVerifier`): RSA, ECDSA on P-256/P-384/P-521
 * and Ed25519, described once so the verifiers and the algorithm registry need not re-inspect them.
 */

import type { KeyObject } from 'node:crypto';
import { InputError } from '../../../../shared/api/index.js';

/** A NIST curve as sigstore names it. */
export type EcCurve = 'P-256' | 'P-384' | 'P-521';

/** A public key usable for Rekor signatures. */
export type PublicKeyInfo =
  | { readonly type: 'rsa'; readonly key: KeyObject; readonly spkiDer: Uint8Array; /** `rsa.PublicKey.Size()`: modulus bytes. */ readonly sizeBytes: number }
  | { readonly type: 'ecdsa'; readonly key: KeyObject; readonly spkiDer: Uint8Array; readonly curve: EcCurve; /** Uncompressed SEC 1 point. */ readonly point: Uint8Array }
  | { readonly type: 'ed25519'; readonly key: KeyObject; readonly spkiDer: Uint8Array; readonly raw: Uint8Array };

const CURVES: Record<string, EcCurve> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

function jwkBytes(value: unknown): Uint8Array {
  if (typeof value !== 'string') throw new Error('bug: JWK field missing');
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

/**
 * Returns the description of a node:crypto public key, or throws InputError('public_key_unsupported')
 * for key types Rekor cannot verify with (DSA, RSA-PSS-only, P-224, X25519, Ed448, …); `what` names
 * the key in the message.
 */
export function describePublicKey(key: KeyObject, what: string): PublicKeyInfo {
  const spkiDer = new Uint8Array(key.export({ type: 'spki', format: 'der' }));
  switch (key.asymmetricKeyType) {
    case 'rsa': {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      return { type: 'rsa', key, spkiDer, sizeBytes: Math.ceil(bits / 8) };
    }
    case 'ec': {
      const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
      if (curve) {
        const jwk = key.export({ format: 'jwk' });
        const point = new Uint8Array([4, ...jwkBytes(jwk.x), ...jwkBytes(jwk.y)]);
        return { type: 'ecdsa', key, spkiDer, curve, point };
      }
      break;
    }
    case 'ed25519':
      return { type: 'ed25519', key, spkiDer, raw: jwkBytes(key.export({ format: 'jwk' }).x) };
    default:
      break;
  }
  const detail = key.asymmetricKeyType === 'ec' ? `ec ${key.asymmetricKeyDetails?.namedCurve ?? '?'}` : String(key.asymmetricKeyType);
  throw new InputError('public_key_unsupported', `${what} is a ${detail} key; Rekor verifies RSA, ECDSA P-256/P-384/P-521 and Ed25519 only`, { keyType: detail });
}

