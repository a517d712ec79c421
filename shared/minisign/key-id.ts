import { toHex } from '../encoding/index.js';

/** Returns minisign's printed form of a key ID: 16 uppercase hex digits of the little-endian number. */
export function formatMinisignKeyId(keyId: Uint8Array): string {
  return toHex(keyId.slice().reverse()).toUpperCase();
}
