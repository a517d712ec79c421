import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { parseTlogBody, type BodyVerifier } from './tlog-body.js';

/** Who signed a bundle, as far as the bundle, the caller and the tlog body tell. */
export type BundleSigner =
  | {
      readonly type: 'certificate';
      readonly key: KeyObject;
      readonly certificateDer: Uint8Array;
      readonly subjectAlternativeName: string | undefined;
      readonly issuer: string | undefined;
    }
  | {
      readonly type: 'public_key';
      readonly key: KeyObject;
      readonly hint: string;
      /** `given`: the caller's key; `tlog_body`: no key was given, so the one the log recorded. */
      readonly source: 'given' | 'tlog_body';
    };

// Fulcio's OIDC issuer extensions: v2 (DER UTF8String) and the deprecated v1 (raw string).
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';

/** Returns the DER of the bundle's signing certificate (the leaf of a v0.1/v0.2 chain), if it has one. */
export function bundleCertificateDer(bundle: Bundle): Uint8Array | undefined {
  const material = bundle.verificationMaterial.content;
  switch (material.$case) {
    case 'certificate':
      return new Uint8Array(material.certificate.rawBytes);
    case 'x509CertificateChain': {
      const leaf = material.x509CertificateChain.certificates[0];
      return leaf ? new Uint8Array(leaf.rawBytes) : undefined;
    }
    case 'publicKey':
      return undefined;
  }
}

/** Returns the public key of a body verifier (a certificate's key, or the SPKI itself). */
export function bodyVerifierKey(verifier: BodyVerifier): KeyObject {
  if (verifier.type === 'public_key') return createPublicKey({ key: Buffer.from(verifier.der), format: 'der', type: 'spki' });
  return createPublicKey({ key: X509Certificate.parse(Buffer.from(verifier.der)).publicKey, format: 'der', type: 'spki' });
}

/** Returns the OIDC issuer a Fulcio certificate records, if any. */
function certificateIssuer(cert: X509Certificate): string | undefined {
  const v2 = cert.extension(OID_ISSUER_V2);
  if (v2) return v2.valueObj.subs[0]?.value.toString('utf8');
  return cert.extension(OID_ISSUER_V1)?.value.toString('ascii');
}

/**
 * Returns the bundle's signer: the certificate (its key, SAN and OIDC issuer), or for a key-in-hand
 * bundle the given key, or — when none was given — the key the first tlog body records. Throws
 * when the certificate or the recorded key does not parse.
 */
export function bundleSigner(bundle: Bundle, givenKey: KeyObject | undefined): BundleSigner {
  const certificateDer = bundleCertificateDer(bundle);
  if (certificateDer) {
    const cert = X509Certificate.parse(Buffer.from(certificateDer));
    const key = createPublicKey({ key: cert.publicKey, format: 'der', type: 'spki' });
    return { type: 'certificate', key, certificateDer, subjectAlternativeName: cert.subjectAltName, issuer: certificateIssuer(cert) };
  }
  const material = bundle.verificationMaterial.content;
  const hint = material.$case === 'publicKey' ? material.publicKey.hint : '';
  if (givenKey) return { type: 'public_key', key: givenKey, hint, source: 'given' };
  const first = bundle.verificationMaterial.tlogEntries[0];
  const verifier = first && parseTlogBody(new Uint8Array(first.canonicalizedBody)).verifiers[0];
  if (!verifier) throw new Error('the bundle names no key and its tlog entry records none');
  return { type: 'public_key', key: bodyVerifierKey(verifier), hint, source: 'tlog_body' };
}
