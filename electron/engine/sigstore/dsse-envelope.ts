
/** A DSSE envelope with one signature, bytes decoded. */
export interface DsseEnvelope {
  readonly payloadType: string;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  /** Optional key hint; Sigstore leaves it empty. */
  readonly keyid?: string;
}

export { preAuthEncoding } from '../../../shared/dsse/index.js';
