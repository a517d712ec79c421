import type { KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import type { VerificationPolicy } from '@sigstore/verify';
import { checkTlogBody } from './body-checks.js';
import { bundleSigner, type BundleSigner } from './bundle-signer.js';
import { CHECK_NAMES, Checklist, type ArtifactCheck } from './checklist.js';
import { checkDigest, checkIdentity, checkSignature } from './content-checks.js';
import { checkCheckpoint, checkInclusionProof, checkSet } from './entry-checks.js';
import { asRecord, stringAt } from './json-fields.js';
import { publicKeyFromPem, spkiSha256Hex } from './log-key.js';
import { passedStage, sigstoreVerdict, type SigstoreVerdict } from './sigstore-verdict.js';
import { trustedLogs, type TrustedLog } from './trusted-logs.js';

/** The input of verifyArtifact. */
export interface VerifyArtifactInput {
  readonly artifact: Uint8Array;
  /** The parsed bundle JSON (v0.1–v0.3). */
  readonly bundleJson: unknown;
  /** The parsed trusted_root.json. */
  readonly trustedRootJson: unknown;
  /** The key of a key-in-hand bundle (PEM SPKI). Without it, the key the log recorded is used and reported. */
  readonly publicKeyPem?: string | undefined;
  /** The exact certificate SAN required of a keyless bundle. */
  readonly certificateIdentity?: string | undefined;
  /** The exact OIDC issuer required of a keyless bundle. */
  readonly certificateOidcIssuer?: string | undefined;
  /** The verifier's clock, Unix ms: no SET may claim a later time. */
  readonly nowMs: number;
}

/** Who signed, as the checklist shows it. */
export interface ArtifactSignerSummary {
  readonly type: 'certificate' | 'public_key';
  readonly subjectAlternativeName?: string;
  readonly issuer?: string;
  /** Key-in-hand bundles: the bundle's key hint. */
  readonly hint?: string;
  /** Key-in-hand bundles: whether the key was given (`given`) or taken from the log (`tlog_body`). */
  readonly keySource?: 'given' | 'tlog_body';
  /** Lowercase hex SHA-256 of the signing key's DER SubjectPublicKeyInfo. */
  readonly publicKeySha256: string;
}

/** The checklist result of verifyArtifact: plain JSON. */
export interface VerifyArtifactResult {
  /** True when sigstore-js accepted the bundle and no check failed. */
  readonly ok: boolean;
  /** The first tlog entry's global log index, or null when the bundle did not parse. */
  readonly logIndex: number | null;
  readonly bundleMediaType: string | null;
  readonly signer: ArtifactSignerSummary | null;
  readonly checks: readonly ArtifactCheck[];
}

const TRUSTED_ROOT_MEDIA_TYPES = new Set([
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  'application/vnd.dev.sigstore.trustedroot.v0.1+json',
  'application/vnd.dev.sigstore.trustedroot.v0.2+json',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses the bundle and the trusted root into the checklist's `bundle` row; undefined when either is unusable. */
function parseInputs(input: VerifyArtifactInput, list: Checklist): { bundle: Bundle; root: TrustedRoot; logs: TrustedLog[] } | undefined {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(input.bundleJson);
  } catch (error) {
    list.fail('bundle', `the bundle is not a valid Sigstore bundle v0.1–v0.3: ${errorText(error)}`, { actual: stringAt(input.bundleJson, 'mediaType') ?? '(no mediaType)' });
    return undefined;
  }
  const mediaType = stringAt(input.trustedRootJson, 'mediaType');
  if (!asRecord(input.trustedRootJson) || mediaType === undefined || !TRUSTED_ROOT_MEDIA_TYPES.has(mediaType)) {
    list.fail('bundle', `the trusted root has media type ${JSON.stringify(mediaType ?? null)}, not a Sigstore trusted root`, { expected: [...TRUSTED_ROOT_MEDIA_TYPES].join(' | '), actual: mediaType ?? '' });
    return undefined;
  }
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(input.trustedRootJson);
  } catch (error) {
    list.fail('bundle', `the trusted root does not parse: ${errorText(error)}`);
    return undefined;
  }
  const logs = trustedLogs(root);
  if (logs.length === 0) {
    list.fail('bundle', 'the trusted root lists no transparency log with a usable key');
    return undefined;
  }
  const content = bundle.content.$case;
  const material = bundle.verificationMaterial.content.$case;
  list.pass('bundle', `${bundle.mediaType}: ${content} signed by ${material}, ${bundle.verificationMaterial.tlogEntries.length} tlog entr${bundle.verificationMaterial.tlogEntries.length === 1 ? 'y' : 'ies'}`, {
    actual: bundle.mediaType,
  });
  return { bundle, root, logs };
}

function summary(signer: BundleSigner): ArtifactSignerSummary {
  const publicKeySha256 = spkiSha256Hex(signer.key);
  if (signer.type === 'public_key') return { type: 'public_key', hint: signer.hint, keySource: signer.source, publicKeySha256 };
  return {
    type: 'certificate',
    ...(signer.subjectAlternativeName === undefined ? {} : { subjectAlternativeName: signer.subjectAlternativeName }),
    ...(signer.issuer === undefined ? {} : { issuer: signer.issuer }),
    publicKeySha256,
  };
}

function policyOf(input: VerifyArtifactInput, signer: BundleSigner | undefined): VerificationPolicy | undefined {
  if (signer?.type !== 'certificate') return undefined;
  const { certificateIdentity, certificateOidcIssuer } = input;
  if (certificateIdentity === undefined && certificateOidcIssuer === undefined) return undefined;
  // sigstore-js treats the SAN as a regular expression; we require the exact string.
  return {
    ...(certificateIdentity === undefined ? {} : { subjectAlternativeName: `^${escapeRegExp(certificateIdentity)}$` }),
    ...(certificateOidcIssuer === undefined ? {} : { extensions: { issuer: certificateOidcIssuer } }),
  };
}

/** Records what only sigstore-js checks (the certificate chain and SCTs) and its failure, if any. */
function mergeVerdict(verdict: SigstoreVerdict, signer: BundleSigner | undefined, list: Checklist): void {
  if (!verdict.ok) list.fail(verdict.check, verdict.message);
  if (signer?.type === 'public_key') list.skip('certificate_chain', 'key-in-hand bundle: there is no certificate chain');
  else if (passedStage(verdict, 'signing_key')) list.pass('certificate_chain', 'the certificate chains to a trusted CA at the signing time and carries a valid SCT (sigstore-js)');
  else if (!verdict.ok && verdict.check !== 'certificate_chain') list.skip('certificate_chain', `not reached: sigstore-js stopped at ${verdict.check}`);
}

/**
 * Returns the checklist of a Sigstore bundle for an artefact: @sigstore/verify gives the
 * cryptographic verdict (SET or RFC 3161 time, certificate chain + SCT or key, checkpoint,
 * inclusion, body vs signature, signature, identity policy), and our own checks add what it leaves
 * out (SIGSTORE.md): the body's signer, digest and canonical form, the proof's root and size against
 * the checkpoint, the log ID's derivation from the key, the checkpoint's origin, the artefact against
 * a DSSE statement, the exact identity. Every check runs even after a failure, so the list is
 * complete. Throws InputError `key_invalid` only for a bad `publicKeyPem`; a bad bundle or root is
 * a failed `bundle` check.
 */
export function verifyArtifact(input: VerifyArtifactInput): VerifyArtifactResult {
  const givenKey: KeyObject | undefined = input.publicKeyPem === undefined ? undefined : publicKeyFromPem(input.publicKeyPem);
  const list = new Checklist();
  const parsed = parseInputs(input, list);
  if (!parsed) {
    for (const name of CHECK_NAMES) if (name !== 'bundle') list.skip(name, 'not checked: the bundle or trusted root is unusable');
    return { ok: false, logIndex: null, bundleMediaType: stringAt(input.bundleJson, 'mediaType') ?? null, signer: null, checks: list.rows() };
  }
  const { bundle, root, logs } = parsed;
  let signer: BundleSigner | undefined;
  try {
    signer = bundleSigner(bundle, givenKey);
  } catch (error) {
    list.fail('signature', `the signer is unknown: ${errorText(error)}`);
  }
  const policy = policyOf(input, signer);
  const verdict = sigstoreVerdict({ bundle, trustedRoot: root, artifact: input.artifact, ...(signer?.type === 'public_key' ? { signerKey: signer.key } : {}), ...(policy ? { policy } : {}) });

  if (signer) checkSignature(bundle, input.artifact, signer, list);
  checkDigest(bundle, input.artifact, list);
  let keyRecorded = true;
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    keyRecorded = checkTlogBody(entry, bundle, input.artifact, signer, list) && keyRecorded;
    checkInclusionProof(entry, list);
    checkCheckpoint(entry, logs, list);
    checkSet(entry, logs, input.nowMs, list);
  }
  if (signer) checkIdentity(signer, { certificateIdentity: input.certificateIdentity, certificateOidcIssuer: input.certificateOidcIssuer, givenKey }, keyRecorded, list);
  mergeVerdict(verdict, signer, list);

  const first = bundle.verificationMaterial.tlogEntries[0];
  return {
    ok: verdict.ok && !list.hasFailure(),
    logIndex: first === undefined ? null : Number(first.logIndex),
    bundleMediaType: bundle.mediaType,
    signer: signer ? summary(signer) : null,
    checks: list.rows(),
  };
}
