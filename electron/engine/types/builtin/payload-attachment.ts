import { createHash } from 'node:crypto';
import { canonicalJsonBytes } from '../../../../shared/canonical/index.js';
import { toBase64, tryFromBase64 } from '../../../../shared/encoding/index.js';
import type { IndexKey } from '../entry-kind.js';
import { inTotoDigestKeys } from './dsse-envelope.js';

/**
 * Returns the attachment a DSSE or in-toto entry keeps beside its body: canonical JSON of
 * {payloadType, payload (base64)}. Rekor bodies hold only the payload's hash, so without it the
 * in-toto subjects an entry was indexed by could never be rebuilt from storage.
 */
export function payloadAttachment(payloadType: string, payload: Uint8Array): Uint8Array {
  return canonicalJsonBytes({ payloadType, payload: toBase64(payload) });
}

/**
 * Returns the in-toto subject digest keys of an attachment whose payload hashes to the body's
 * `payloadHashHex`; none when there is no attachment or it does not match the body (an attachment is
 * trusted only through the hash the logged body commits to).
 */
export function attachedPayloadKeys(attachment: Uint8Array | undefined, payloadHashHex: string): IndexKey[] {
  if (!attachment) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(attachment));
  } catch {
    return [];
  }
  const { payloadType, payload } = (parsed ?? {}) as { payloadType?: unknown; payload?: unknown };
  const bytes = typeof payload === 'string' ? tryFromBase64(payload) : undefined;
  if (typeof payloadType !== 'string' || !bytes) return [];
  if (createHash('sha256').update(bytes).digest('hex') !== payloadHashHex) return [];
  return inTotoDigestKeys(payloadType, bytes);
}
