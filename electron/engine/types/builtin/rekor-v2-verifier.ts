/**
 * Rekor v2 verifiers (rekor-tiles `pkg/types/verifier`, `pkg/verifier/{publickey,certificate}`): a
 * DER SubjectPublicKeyInfo or a DER certificate, plus the client's `keyDetails`, which selects the
 * digest and must pass the log's algorithm registry for that key.
 */

import { InputError } from '../../../../shared/api/index.js';
import { fromBase64 } from '../../../../shared/encoding/index.js';
import { algorithmDetails, describeKeyForMessage, isAlgorithmPermitted, type AlgorithmDetails, type KeyDetails } from './algorithm-registry.js';
import { subjectAltNames, type SubjectAltNames } from './certificate-names.js';
import type { VerifierJson } from './rekor-v2-messages.js';
import { problem, type SpecProblem } from './spec-validation.js';
import { parseCertificateDer, parseSpkiDer } from './x509-public-key.js';
import { describePublicKey, type PublicKeyInfo } from './public-key-info.js';

/** A verifier ready to check signatures. */
export interface V2Verifier {
  readonly info: PublicKeyInfo;
  readonly names: SubjectAltNames;
  readonly algorithm: AlgorithmDetails;
}

/** Returns the missing-field problems of a verifier (`pbverifier.Validate`). */
export function verifierProblems(verifier: VerifierJson | undefined, pointer: string): SpecProblem[] {
  if (verifier === undefined) return [problem(pointer, 'is required')];
  if (verifier.publicKey === undefined && verifier.x509Certificate === undefined) return [problem(pointer, 'must hold publicKey or x509Certificate')];
  if (verifier.publicKey !== undefined && verifier.publicKey.rawBytes === undefined) return [problem(`${pointer}/publicKey/rawBytes`, 'is required')];
  if (verifier.x509Certificate !== undefined && verifier.x509Certificate.rawBytes === undefined) return [problem(`${pointer}/x509Certificate/rawBytes`, 'is required')];
  return [];
}

/**
 * Returns the parsed verifier after `extractVerifier` and `verifySupportedAlgorithm`: throws
 * InputError('public_key_invalid') for unparseable key material and InputError('algorithm_unsupported')
 * when the key details are unknown or the key/digest pair is not in `allowed`. Requires
 * `verifierProblems` to have found nothing.
 */
export function parseV2Verifier(verifier: VerifierJson, what: string, allowed: readonly KeyDetails[]): V2Verifier {
  let info: PublicKeyInfo;
  let names = subjectAltNames(new Uint8Array(0));
  if (verifier.publicKey !== undefined) {
    info = parseSpkiDer(fromBase64(verifier.publicKey.rawBytes!), `${what} publicKey`);
  } else {
    const der = fromBase64(verifier.x509Certificate!.rawBytes!);
    const { certificate } = parseCertificateDer(der, `${what} x509Certificate`);
    info = describePublicKey(certificate.publicKey, `the key of ${what} x509Certificate`);
    names = subjectAltNames(der);
  }
  const algorithm = algorithmDetails(String(verifier.keyDetails ?? 'PUBLIC_KEY_DETAILS_UNSPECIFIED'));
  if (!algorithm) {
    throw new InputError('algorithm_unsupported', `${what} keyDetails ${String(verifier.keyDetails ?? 'PUBLIC_KEY_DETAILS_UNSPECIFIED')} has no signing algorithm details`, { keyDetails: verifier.keyDetails ?? null });
  }
  if (!isAlgorithmPermitted(info, algorithm.hash, allowed)) {
    throw new InputError('algorithm_unsupported', `unsupported entry algorithm for ${describeKeyForMessage(info)} key with keyDetails ${algorithm.details}`, { key: describeKeyForMessage(info), keyDetails: algorithm.details }, { hint: `the log allows ${allowed.join(', ')}` });
  }
  return { info, names, algorithm };
}
