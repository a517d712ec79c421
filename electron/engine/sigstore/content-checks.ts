import { createHash, verify, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { toHex } from '../../../shared/encoding/index.js';
import type { BundleSigner } from './bundle-signer.js';
import type { Checklist } from './checklist.js';
import { preAuthEncoding } from './dsse-envelope.js';
import { IN_TOTO_PAYLOAD_TYPE, statementSubjects } from './in-toto-statement.js';
import { spkiSha256Hex } from './log-key.js';

const MESSAGE_DIGESTS: ReadonlyMap<HashAlgorithm, 'sha256' | 'sha384' | 'sha512'> = new Map([
  [HashAlgorithm.SHA2_256, 'sha256'],
  [HashAlgorithm.SHA2_384, 'sha384'],
  [HashAlgorithm.SHA2_512, 'sha512'],
]);

function safeVerify(algorithm: string | null, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  try {
    return verify(algorithm, data, key, signature);
  } catch {
    return false;
  }
}

function describeKey(signer: BundleSigner): string {
  return signer.type === 'certificate' ? `the certificate key of ${signer.subjectAlternativeName ?? 'an unnamed signer'}` : `key sha256:${spkiSha256Hex(signer.key)}`;
}

/**
 * Checks the bundle's signature with the signer's key: a message signature over the artefact
 * (ECDSA DER or RSA over its digest; Ed25519 cannot sign a digest this way), or the one DSSE
 * signature over the pre-authentication encoding of the payload.
 */
export function checkSignature(bundle: Bundle, artifact: Uint8Array, signer: BundleSigner, list: Checklist): void {
  const content = bundle.content;
  if (content.$case === 'messageSignature') {
    const algorithm = MESSAGE_DIGESTS.get(content.messageSignature.messageDigest.algorithm) ?? 'sha256';
    if (signer.key.asymmetricKeyType === 'ed25519') {
      list.fail('signature', 'an Ed25519 key cannot verify a message signature over a digest; Ed25519 signers must use a DSSE envelope');
    } else if (safeVerify(algorithm, artifact, signer.key, content.messageSignature.signature)) {
      list.pass('signature', `the message signature over the artefact verifies with ${describeKey(signer)}`);
    } else {
      list.fail('signature', `the message signature does not verify over the artefact with ${describeKey(signer)}`);
    }
    return;
  }
  const envelope = content.dsseEnvelope;
  if (envelope.signatures.length !== 1) {
    list.fail('signature', `the DSSE envelope has ${envelope.signatures.length} signatures; a Sigstore bundle carries exactly one`);
    return;
  }
  const pae = preAuthEncoding(envelope.payloadType, envelope.payload);
  if (safeVerify(null, pae, signer.key, envelope.signatures[0]!.sig)) {
    list.pass('signature', `the DSSE signature over the ${envelope.payloadType} payload verifies with ${describeKey(signer)}`);
  } else {
    list.fail('signature', `the DSSE signature does not verify with ${describeKey(signer)}`);
  }
}

/**
 * Checks that the bundle is about this artefact: the message digest is the artefact's, or an
 * in-toto statement in the DSSE envelope names the artefact's SHA-256 as a subject (sigstore-js
 * never ties a DSSE bundle to the artefact), or a non-in-toto payload is the artefact itself.
 */
export function checkDigest(bundle: Bundle, artifact: Uint8Array, list: Checklist): void {
  const content = bundle.content;
  if (content.$case === 'messageSignature') {
    const digest = content.messageSignature.messageDigest;
    const algorithm = MESSAGE_DIGESTS.get(digest.algorithm);
    if (!algorithm) {
      list.fail('digest', `message digest algorithm ${HashAlgorithm[digest.algorithm] ?? digest.algorithm} is not supported`);
      return;
    }
    const actual = createHash(algorithm).update(artifact).digest('hex');
    if (actual === toHex(digest.digest)) list.pass('digest', `the artefact's ${algorithm} is the bundle's message digest`, { expected: toHex(digest.digest), actual });
    else list.fail('digest', `the artefact's ${algorithm} ${actual} is not the bundle's message digest ${toHex(digest.digest)}`, { expected: toHex(digest.digest), actual });
    return;
  }
  const envelope = content.dsseEnvelope;
  const actual = createHash('sha256').update(artifact).digest('hex');
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    if (Buffer.compare(envelope.payload, Buffer.from(artifact)) === 0) list.pass('digest', `the DSSE payload (${envelope.payloadType}) is the artefact itself`);
    else list.fail('digest', `the DSSE payload of type ${envelope.payloadType} is neither an in-toto statement nor the artefact`);
    return;
  }
  const subjects = statementSubjects(envelope.payload);
  if (!subjects) {
    list.fail('digest', 'the DSSE payload claims to be an in-toto statement but has no subject list');
    return;
  }
  const match = subjects.find((s) => s.sha256 === actual);
  const listed = subjects.map((s) => `${s.name}:${s.sha256 ?? '(no sha256)'}`).join(', ');
  if (match) list.pass('digest', `in-toto subject ${JSON.stringify(match.name)} has the artefact's sha256`, { expected: actual, actual: listed });
  else list.fail('digest', `no in-toto subject has the artefact's sha256 ${actual}`, { expected: actual, actual: listed });
}

/** The identity the caller requires. */
export interface IdentityPolicy {
  readonly certificateIdentity?: string | undefined;
  readonly certificateOidcIssuer?: string | undefined;
  /** The key the caller gave, if any. */
  readonly givenKey?: KeyObject | undefined;
}

/**
 * Checks the signer against the caller's policy: for a certificate, its SAN and OIDC issuer equal
 * the given ones exactly (and its key is the given key, if one was given); for a key-in-hand
 * bundle, the given key is the one the log recorded (`keyRecorded`). Skips, saying who signed,
 * when the caller pinned nothing.
 */
export function checkIdentity(signer: BundleSigner, policy: IdentityPolicy, keyRecorded: boolean, list: Checklist): void {
  const { certificateIdentity, certificateOidcIssuer, givenKey } = policy;
  if (signer.type === 'public_key') {
    if (certificateIdentity !== undefined || certificateOidcIssuer !== undefined) {
      list.fail('identity', 'a certificate identity was required, but the bundle is signed with a key, not a certificate', { expected: certificateIdentity ?? certificateOidcIssuer ?? '', actual: `key sha256:${spkiSha256Hex(signer.key)}` });
    } else if (signer.source === 'tlog_body') {
      list.skip('identity', `no key given: the signer is the key the log recorded, sha256:${spkiSha256Hex(signer.key)}; pass the key to pin it`);
    } else if (keyRecorded) {
      list.pass('identity', `the given key sha256:${spkiSha256Hex(signer.key)} is the key the log recorded`);
    } else {
      list.fail('identity', `the given key sha256:${spkiSha256Hex(signer.key)} is not the key the log recorded`);
    }
    return;
  }
  if (givenKey !== undefined && spkiSha256Hex(givenKey) !== spkiSha256Hex(signer.key)) {
    list.fail('identity', `the certificate's key sha256:${spkiSha256Hex(signer.key)} is not the given key sha256:${spkiSha256Hex(givenKey)}`, { expected: spkiSha256Hex(givenKey), actual: spkiSha256Hex(signer.key) });
    return;
  }
  if (certificateIdentity === undefined && certificateOidcIssuer === undefined) {
    if (givenKey !== undefined) {
      list.pass('identity', `the certificate's key is the given key sha256:${spkiSha256Hex(givenKey)}; it names ${signer.subjectAlternativeName ?? '(no SAN)'}`);
      return;
    }
    list.skip('identity', `no identity required: the certificate names ${signer.subjectAlternativeName ?? '(no SAN)'} from ${signer.issuer ?? '(no issuer)'}`);
    return;
  }
  if (certificateIdentity !== undefined && signer.subjectAlternativeName !== certificateIdentity) {
    list.fail('identity', `the certificate identity is ${signer.subjectAlternativeName ?? '(none)'}, not the required ${certificateIdentity}`, { expected: certificateIdentity, actual: signer.subjectAlternativeName ?? '' });
    return;
  }
  if (certificateOidcIssuer !== undefined && signer.issuer !== certificateOidcIssuer) {
    list.fail('identity', `the certificate's OIDC issuer is ${signer.issuer ?? '(none)'}, not the required ${certificateOidcIssuer}`, { expected: certificateOidcIssuer, actual: signer.issuer ?? '' });
    return;
  }
  list.pass('identity', `the certificate names ${signer.subjectAlternativeName ?? '(any)'} from ${signer.issuer ?? '(any issuer)'}, as required`, {
    expected: [certificateIdentity, certificateOidcIssuer].filter((v) => v !== undefined).join(' '),
    actual: [signer.subjectAlternativeName, signer.issuer].filter((v) => v !== undefined).join(' '),
  });
}
