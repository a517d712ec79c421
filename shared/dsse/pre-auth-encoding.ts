import { concatBytes, utf8 } from '../encoding/index.js';

/** The DSSE payload type of in-toto statements. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/**
 * Returns the DSSE v1 pre-authentication encoding that signers sign:
 * `"DSSEv1" SP len(type) SP type SP len(payload) SP payload`, lengths in bytes, decimal.
 */
export function preAuthEncoding(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8(payloadType);
  return concatBytes(utf8(`DSSEv1 ${type.length} `), type, utf8(` ${payload.length} `), payload);
}
