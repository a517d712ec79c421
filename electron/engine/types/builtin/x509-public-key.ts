/**
 * Rekor's "x509" verification material (`pkg/pki/x509/x509.go`): one PEM block holding a PKIX public
 * key or a certificate, or a PEM chain of up to 10 certificates. Its canonical value re-encodes the
 * key (`MarshalPublicKeyToPEM`) or the certificates (`MarshalCertificateToPEM`) with Go's PEM writer.
 * Certificate validity is not checked here (Rekor does not: short-lived certificates are judged at
 * the entry's integrated time by whoever verifies the entry).
 */

import { createPublicKey, X509Certificate } from 'node:crypto';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { concatBytes } from '../../../../shared/encoding/index.js';
import { subjectAltNames, type SubjectAltNames } from './certificate-names.js';
import { DerError, readDer, readDerChildren } from './der-reader.js';
import { decodePem, encodePem, trimSpace } from './go-pem.js';
import { describePublicKey, type PublicKeyInfo } from './public-key-info.js';

/** A parsed certificate with the exact DER it came from. */
export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly certificate: X509Certificate;
}

/** Verification material in Rekor's x509 format. */
export interface X509PublicKey {
  /** `CanonicalValue()`: Go-encoded PEM of the key, the certificate, or each certificate of the chain. */
  readonly canonical: Uint8Array;
  /** `CryptoPubKey()`: the key, or the (first) certificate's key. */
  readonly info: PublicKeyInfo;
  /** The certificates, leaf first; empty for a bare key. */
  readonly certificates: readonly ParsedCertificate[];
  /** SANs of the (first) certificate; none for a bare key. */
  readonly names: SubjectAltNames;
}

const MAX_CHAIN = 10;

function invalid(what: string, reason: string, cause?: unknown): InputError {
  return new InputError('public_key_invalid', `${what} is not a valid PEM public key or certificate: ${reason}`, { reason }, cause === undefined ? {} : { cause });
}

/** Returns the certificate in `der`, or throws InputError('public_key_invalid'). */
export function parseCertificateDer(der: Uint8Array, what: string): ParsedCertificate {
  try {
    if (readDer(der).rest.length > 0) throw invalid(what, 'trailing data after the certificate');
    return { der, certificate: new X509Certificate(der) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw invalid(what, `certificate does not parse (${(error as Error).message})`, error);
  }
}

function isCompressedEcPoint(spkiDer: Uint8Array): boolean {
  // Go's ParsePKIXPublicKey only takes uncompressed EC points; OpenSSL takes both.
  try {
    const [, bitString] = readDerChildren(readDer(spkiDer).element.contents);
    return bitString !== undefined && bitString.contents[1] !== 0x04;
  } catch (error) {
    if (error instanceof DerError) return true;
    throw error;
  }
}

/** Returns the key in a DER SubjectPublicKeyInfo, or throws InputError('public_key_invalid' | 'public_key_unsupported'). */
export function parseSpkiDer(der: Uint8Array, what: string): PublicKeyInfo {
  let key;
  try {
    if (readDer(der).rest.length > 0) throw invalid(what, 'trailing data after the public key');
    key = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw invalid(what, `public key does not parse (${(error as Error).message})`, error);
  }
  if (key.asymmetricKeyType === 'ec' && isCompressedEcPoint(der)) throw invalid(what, 'compressed EC points are not accepted');
  return describePublicKey(key, what);
}

function fromCertificates(certificates: ParsedCertificate[], what: string): X509PublicKey {
  const leaf = certificates[0]!;
  return {
    canonical: concatBytes(...certificates.map((c) => encodePem('CERTIFICATE', c.der))),
    info: describePublicKey(leaf.certificate.publicKey, `the key of ${what}`),
    certificates,
    names: subjectAltNames(leaf.der),
  };
}

/**
 * Returns Rekor's x509 verification material parsed from PEM bytes (`x509.NewPublicKey`), or throws
 * InputError('public_key_invalid') when Rekor would refuse it; `what` names it in messages.
 */
export function parseX509PublicKey(bytes: Uint8Array, what: string): X509PublicKey {
  // A signer logs many entries with one key: parsing it (PEM, DER, KeyObject, JWK) cost ~1 ms each time.
  const cacheKey = Buffer.from(bytes).toString('base64');
  const cached = parsedKeys.get(cacheKey);
  if (cached) return cached;
  const parsed = parseX509PublicKeyUncached(bytes, what);
  if (parsedKeys.size >= MAX_PARSED_KEYS) parsedKeys.delete(parsedKeys.keys().next().value!);
  parsedKeys.set(cacheKey, parsed);
  return parsed;
}

/** Successfully parsed keys by their PEM bytes (results are immutable; failures are not kept). */
const parsedKeys = new Map<string, X509PublicKey>();
const MAX_PARSED_KEYS = 1024;

function parseX509PublicKeyUncached(bytes: Uint8Array, what: string): X509PublicKey {
  const trimmed = trimSpace(bytes);
  const first = decodePem(trimmed);
  if (!first) throw invalid(what, 'failure decoding PEM');
  if (first.rest.length > 0) {
    // Go: more after the first block means a certificate chain, every block parsed as a certificate.
    const certificates: ParsedCertificate[] = [];
    let rest: Uint8Array = trimmed;
    while (rest.length > 0) {
      if (certificates.length === MAX_CHAIN) throw invalid(what, 'too many certificates specified in PEM block');
      const next = decodePem(rest);
      if (!next) throw invalid(what, 'error during PEM decoding');
      certificates.push(parseCertificateDer(next.block.bytes, what));
      rest = next.rest;
    }
    return fromCertificates(certificates, what);
  }
  switch (first.block.type) {
    case 'PUBLIC KEY': {
      const info = parseSpkiDer(first.block.bytes, what);
      return { canonical: encodePem('PUBLIC KEY', info.spkiDer), info, certificates: [], names: subjectAltNames(new Uint8Array(0)) };
    }
    case 'CERTIFICATE':
      return fromCertificates([parseCertificateDer(first.block.bytes, what)], what);
    default:
      throw invalid(what, `cannot handle PEM type ${JSON.stringify(first.block.type)}`);
  }
}

function validAt(certificate: X509Certificate, timeMs: number): boolean {
  return Date.parse(certificate.validFrom) <= timeMs && timeMs <= Date.parse(certificate.validTo);
}

/**
 * Checks a chain as Rekor's `verifyCertChain` does before using its leaf key: the leaf must chain to
 * the last certificate through the others (any order), every certificate valid at the leaf's
 * notBefore, issuers marked CA. A single certificate or bare key passes. Throws
 * VerificationError('certificate_chain_invalid').
 */
export function verifyX509CertificateChain(key: X509PublicKey): void {
  const chain = key.certificates;
  if (chain.length <= 1) return;
  const leaf = chain[0]!.certificate;
  const root = chain[chain.length - 1]!.certificate;
  const pool = chain.slice(1).map((c) => c.certificate);
  const at = Date.parse(leaf.validFrom);
  const reaches = (cert: X509Certificate, used: ReadonlySet<X509Certificate>): boolean => {
    if (!validAt(cert, at)) return false;
    if (cert === root) return true;
    return pool.some((issuer) => !used.has(issuer) && issuer.ca && validAt(issuer, at) && cert.checkIssued(issuer) && cert.verify(issuer.publicKey) && reaches(issuer, new Set([...used, issuer])));
  };
  if (!reaches(leaf, new Set([leaf]))) {
    throw new VerificationError('certificate_chain_invalid', `the certificate chain of ${chain.length} certificates does not lead from the leaf (${leaf.subject || 'empty subject'}) to its last certificate at the leaf's notBefore ${leaf.validFrom}`, { chainLength: chain.length });
  }
}
