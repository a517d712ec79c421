import type { KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { PolicyError, VerificationError, Verifier, toSignedEntity, toTrustMaterial, type Signer, type VerificationPolicy } from '@sigstore/verify';
import type { CheckName } from './checklist.js';

/**
 * How far sigstore-js's Verifier got, in its order: building the signed entity, timestamps (SET,
 * RFC 3161), the signing key (certificate chain + SCTs, or the key finder), the tlog entries
 * (SET, checkpoint, Merkle inclusion, body), the signature, the identity policy.
 */
export type SigstoreStage = 'entity' | 'timestamps' | 'signing_key' | 'tlogs' | 'signature' | 'policy' | 'done';

const STAGE_ORDER: readonly SigstoreStage[] = ['entity', 'timestamps', 'signing_key', 'tlogs', 'signature', 'policy', 'done'];

/** sigstore-js's verdict, its failure mapped to the checklist row it concerns. */
export type SigstoreVerdict =
  | { readonly ok: true; readonly signer: Signer }
  | { readonly ok: false; readonly stage: SigstoreStage; readonly check: CheckName; readonly code: string; readonly message: string };

/** The input of sigstoreVerdict. */
export interface SigstoreVerdictInput {
  readonly bundle: Bundle;
  readonly trustedRoot: TrustedRoot;
  readonly artifact: Uint8Array;
  /** For key-in-hand bundles: the key every hint resolves to (the bundle's hint is free text). */
  readonly signerKey?: KeyObject;
  readonly policy?: VerificationPolicy;
}

/** Returns true when sigstore-js got past `stage` (so whatever that stage checks passed). */
export function passedStage(verdict: SigstoreVerdict, stage: SigstoreStage): boolean {
  const reached = verdict.ok ? 'done' : verdict.stage;
  return STAGE_ORDER.indexOf(reached) > STAGE_ORDER.indexOf(stage);
}

function failure(stage: SigstoreStage, check: CheckName, code: string, message: string): SigstoreVerdict {
  return { ok: false, stage, check, code, message: `sigstore-js ${code}: ${message}` };
}

// sigstore-js names checkpoint problems only in the message of TLOG_INCLUSION_PROOF_ERROR.
const CHECKPOINT_MESSAGES = /checkpoint|separator|too few lines/i;

function mapError(error: unknown): SigstoreVerdict {
  if (error instanceof PolicyError) return failure('policy', 'identity', error.code, error.message);
  if (!(error instanceof VerificationError)) return failure('entity', 'bundle', 'ERROR', error instanceof Error ? error.message : String(error));
  const { code, message } = error;
  switch (code) {
    case 'TIMESTAMP_ERROR':
      return failure('timestamps', 'set', code, message);
    case 'CERTIFICATE_ERROR':
      return failure('signing_key', 'certificate_chain', code, message);
    case 'PUBLIC_KEY_ERROR':
      return failure('signing_key', 'identity', code, message);
    case 'TLOG_INCLUSION_PROMISE_ERROR':
      return failure('tlogs', 'set', code, message);
    case 'TLOG_INCLUSION_PROOF_ERROR':
      return failure('tlogs', CHECKPOINT_MESSAGES.test(message) ? 'checkpoint' : 'inclusion_proof', code, message);
    case 'TLOG_BODY_ERROR':
      return failure('tlogs', 'tlog_body', code, message);
    case 'TLOG_ERROR':
    case 'TLOG_MISSING_INCLUSION_ERROR':
      return failure('tlogs', 'inclusion_proof', code, message);
    case 'SIGNATURE_ERROR':
      return failure('signature', 'signature', code, message);
    case 'NOT_IMPLEMENTED_ERROR':
      return failure('entity', 'bundle', code, message);
    default:
      return failure('entity', 'bundle', String(code), message);
  }
}

/**
 * Returns @sigstore/verify's verdict on a bundle: toTrustMaterial (with a key finder for key-in-hand
 * bundles) → toSignedEntity → Verifier with tlog threshold 1, CT-log threshold 1 for certificates
 * and 0 for keys, timestamp threshold 1 (SIGSTORE.md). It stops at the first failure, which is
 * mapped to its checklist row. Never throws.
 */
export function sigstoreVerdict(input: SigstoreVerdictInput): SigstoreVerdict {
  try {
    const { signerKey } = input;
    const trust = toTrustMaterial(input.trustedRoot, signerKey === undefined ? undefined : () => ({ publicKey: signerKey, validFor: () => true }));
    const entity = toSignedEntity(input.bundle, Buffer.from(input.artifact));
    const keyless = input.bundle.verificationMaterial.content.$case !== 'publicKey';
    const verifier = new Verifier(trust, { tlogThreshold: 1, ctlogThreshold: keyless ? 1 : 0, timestampThreshold: 1 });
    return { ok: true, signer: verifier.verify(entity, input.policy) };
  } catch (error) {
    return mapError(error);
  }
}
