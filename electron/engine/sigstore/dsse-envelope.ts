import { concatBytes, utf8 } from '../../../shared/encoding/index.js';

/** A DSSE envelope with one signature, bytes decoded. */
export interface DsseEnvelope {
  readonly payloadType: string;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  /** Optional key hint; Sigstore leaves it empty. */
  readonly keyid?: string;
}

/**
 * Returns the DSSE v1 pre-authentication encoding that signers sign:
 * `"DSSEv1" SP len(type) SP type SP len(payload) SP payload`, lengths in bytes, decimal.
 */
export function preAuthEncoding(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8(payloadType);
  return concatBytes(utf8(`DSSEv1 ${type.length} `), type, utf8(` ${payload.length} `), payload);
}
