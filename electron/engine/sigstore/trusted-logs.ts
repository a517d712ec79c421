import { createPublicKey, type KeyObject } from 'node:crypto';
import { PublicKeyDetails, type TrustedRoot } from '@sigstore/protobuf-specs';
import { bytesEqual } from '../../../shared/encoding/index.js';

/** A transparency log a trusted root vouches for, ready for our own checks. */
export interface TrustedLog {
  readonly baseUrl: string;
  /** The log's name: baseUrl without scheme and trailing slash (the checkpoint key name). */
  readonly name: string;
  /** The logId the trusted root gives. */
  readonly logId: Uint8Array;
  /** The checkpoint key ID, when the root gives one (trusted roots v0.2). */
  readonly checkpointKeyId: Uint8Array | undefined;
  readonly publicKey: KeyObject;
  readonly validFromMs: number;
  readonly validToMs: number;
}

const PKCS1_DETAILS = new Set<PublicKeyDetails>([
  PublicKeyDetails.PKCS1_RSA_PKCS1V5,
  PublicKeyDetails.PKIX_RSA_PKCS1V5,
  PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256,
  PublicKeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256,
  PublicKeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256,
]);

/** Returns the name a log URL gives: without scheme and trailing slashes (`https://rekor.sigstore.dev/` → `rekor.sigstore.dev`). */
export function logNameOfUrl(baseUrl: string): string {
  return baseUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
}

/**
 * Returns the tlogs of a parsed trusted root whose key loads; the others are skipped, as no entry
 * can verify against them. Keys are DER SPKI, or PKCS#1 for the RSA details (as sigstore-js reads them).
 */
export function trustedLogs(root: TrustedRoot): TrustedLog[] {
  const logs: TrustedLog[] = [];
  for (const tlog of root.tlogs) {
    const raw = tlog.publicKey?.rawBytes;
    const logId = tlog.logId?.keyId;
    if (!raw || !logId) continue;
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({ key: raw, format: 'der', type: PKCS1_DETAILS.has(tlog.publicKey!.keyDetails) ? 'pkcs1' : 'spki' });
    } catch {
      continue;
    }
    const validFor = tlog.publicKey!.validFor;
    logs.push({
      baseUrl: tlog.baseUrl,
      name: logNameOfUrl(tlog.baseUrl),
      logId: new Uint8Array(logId),
      checkpointKeyId: tlog.checkpointKeyId?.keyId ? new Uint8Array(tlog.checkpointKeyId.keyId) : undefined,
      publicKey,
      validFromMs: validFor?.start?.getTime() ?? 0,
      validToMs: validFor?.end?.getTime() ?? Number.MAX_SAFE_INTEGER,
    });
  }
  return logs;
}

/** Returns the trusted logs whose logId (or checkpoint key ID) is `logId`. */
export function findTrustedLogs(logs: readonly TrustedLog[], logId: Uint8Array): TrustedLog[] {
  return logs.filter((log) => bytesEqual(log.logId, logId) || (log.checkpointKeyId !== undefined && bytesEqual(log.checkpointKeyId, logId)));
}
