/**
 * Base64 exactly as the Go servers decode it: Rekor v1 uses `base64.StdEncoding` (padded standard
 * alphabet; '\r' and '\n' anywhere are skipped), Rekor v2 (protojson) accepts the standard or URL
 * alphabet with or without padding. Both re-encode as padded standard base64.
 */

import { tryFromBase64 } from '../../../../shared/encoding/index.js';

/** Returns the bytes of `text` as Go's `base64.StdEncoding.DecodeString` reads it, or undefined when Go would fail. */
export function decodeGoBase64(text: string): Uint8Array | undefined {
  return tryFromBase64(text.replace(/[\r\n]/g, ''));
}

/**
 * Returns the bytes of a protojson `bytes` field, or undefined: as protojson's `unmarshalBytes`, the
 * URL alphabet when the text holds '-' or '_' (else the standard one), unpadded when its length is
 * not a multiple of 4; '\r' and '\n' are skipped.
 */
export function decodeProtoBytes(text: string): Uint8Array | undefined {
  const url = /[-_]/.test(text);
  if (url && /[+/]/.test(text)) return undefined;
  let standard = url ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
  if (standard.length % 4 !== 0) {
    if (standard.includes('=')) return undefined;
    standard += '='.repeat((4 - (standard.length % 4)) % 4);
  }
  return decodeGoBase64(standard);
}

/**
 * Returns the bytes of a DSSE base64 field as go-securesystemslib's `b64Decode` reads it: padded
 * standard alphabet first, then padded URL alphabet. Input is a byte string (Go strings are bytes).
 */
export function decodeDsseBase64(text: string): Uint8Array | undefined {
  return decodeGoBase64(text) ?? (/[+/]/.test(text) ? undefined : decodeGoBase64(text.replace(/-/g, '+').replace(/_/g, '/')));
}
