import { createHash } from 'node:crypto';
import type { Bundle, TransparencyLogEntry } from '@sigstore/bundle';
import { isWorkbenchError } from '../../../shared/api/index.js';
import { bytesEqual, toHex } from '../../../shared/encoding/index.js';
import { bodyVerifierKey, type BundleSigner } from './bundle-signer.js';
import type { Checklist } from './checklist.js';
import { spkiDer } from './log-key.js';
import { parseTlogBody, type BodyVerifier, type TlogBody } from './tlog-body.js';

/** Returns true when the body names the signer: the same certificate, or the same public key. */
function namesSigner(verifier: BodyVerifier, signer: BundleSigner): boolean {
  if (verifier.type === 'certificate' && signer.type === 'certificate') return bytesEqual(verifier.der, signer.certificateDer);
  try {
    return bytesEqual(spkiDer(bodyVerifierKey(verifier)), spkiDer(signer.key));
  } catch {
    return false;
  }
}

/** Returns the problems of a parsed body against the bundle and the artefact; none when they agree. */
function bodyProblems(body: TlogBody, entry: TransparencyLogEntry, bundle: Bundle, artifact: Uint8Array): string[] {
  const problems: string[] = [];
  const { kind, version } = entry.kindVersion;
  if (body.kind !== kind || body.apiVersion !== version) problems.push(`the body is ${body.kind} ${body.apiVersion}, the bundle says ${kind} ${version}`);
  if (!body.canonical) problems.push('the body is not canonical JSON (RFC 8785), so its leaf hash is not the one Rekor would log');
  const content = bundle.content;
  const signature = content.$case === 'messageSignature' ? content.messageSignature.signature : content.dsseEnvelope.signatures[0]?.sig;
  if (body.signatures.length !== 1 || signature === undefined || !bytesEqual(body.signatures[0]!, signature)) problems.push('the body records another signature than the bundle');
  if (content.$case === 'messageSignature') {
    if (body.digestOf !== 'artifact') problems.push(`a ${body.kind} body records a DSSE payload, but the bundle holds a message signature`);
    else {
      if (!bytesEqual(body.digest.value, content.messageSignature.messageDigest.digest)) {
        problems.push(`the body records digest ${toHex(body.digest.value)}, the bundle ${toHex(content.messageSignature.messageDigest.digest)}`);
      }
      const artifactDigest = createHash(body.digest.algorithm).update(artifact).digest('hex');
      if (artifactDigest !== toHex(body.digest.value)) problems.push(`the body records ${body.digest.algorithm} ${toHex(body.digest.value)}, the artefact's is ${artifactDigest}`);
    }
  } else if (body.digestOf !== 'dsse_payload') {
    problems.push(`a ${body.kind} body records an artefact digest, but the bundle holds a DSSE envelope`);
  } else {
    const payloadDigest = createHash(body.digest.algorithm).update(content.dsseEnvelope.payload).digest('hex');
    if (payloadDigest !== toHex(body.digest.value)) problems.push(`the body records payload ${body.digest.algorithm} ${toHex(body.digest.value)}, the envelope's payload has ${payloadDigest}`);
  }
  return problems;
}

/**
 * Checks what sigstore-js 3.1.1 leaves out of the tlog body (SIGSTORE.md): kind/version as the
 * bundle says, canonical JSON form, the same signature, the same digest as the bundle and as the
 * artefact (hashedrekord) or the DSSE payload (dsse, intoto), and the signer's certificate or public
 * key. Returns true when the body names the signer.
 */
export function checkTlogBody(entry: TransparencyLogEntry, bundle: Bundle, artifact: Uint8Array, signer: BundleSigner | undefined, list: Checklist): boolean {
  let body: TlogBody;
  try {
    body = parseTlogBody(new Uint8Array(entry.canonicalizedBody));
  } catch (error) {
    list.fail('tlog_body', `the body of tlog entry ${entry.logIndex}: ${isWorkbenchError(error) || error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  if (!signer) {
    list.fail('tlog_body', `the body of tlog entry ${entry.logIndex} cannot be compared with an unknown signer`);
    return false;
  }
  const problems = bodyProblems(body, entry, bundle, artifact);
  const signerNamed = body.verifiers.some((v) => namesSigner(v, signer));
  if (!signerNamed) problems.push(signer.type === 'certificate' ? 'the body names another certificate than the bundle' : "the body records another public key than the signer's");
  if (problems.length > 0) {
    list.fail('tlog_body', `tlog entry ${entry.logIndex} (${body.kind} ${body.apiVersion}): ${problems.join('; ')}`);
    return signerNamed;
  }
  list.pass('tlog_body', `the ${body.kind} ${body.apiVersion} body of tlog entry ${entry.logIndex} is canonical and records this signature, digest and signer`);
  return true;
}
