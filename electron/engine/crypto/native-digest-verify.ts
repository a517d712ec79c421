import { createRequire } from 'node:module';

/** The compiled addon in native/ecdsa-digest (EVP_PKEY_verify of the OpenSSL inside Node). */
interface DigestVerifierAddon {
  loadKey(spkiDer: Uint8Array): object | null;
  verifyDigest(key: object, digest: Uint8Array, signature: Uint8Array, hashName: string): boolean;
}

/** Parsed keys kept for reuse: a signer logs many entries with one key. */
const MAX_CACHED_KEYS = 1024;

let addon: DigestVerifierAddon | null | undefined;
const keys = new Map<string, object | null>();

function loadAddon(): DigestVerifierAddon | null {
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url)('provwb-ecdsa-digest') as DigestVerifierAddon;
    } catch {
      // Not built, or an Electron whose BoringSSL does not export these symbols: callers fall back.
      addon = null;
    }
  }
  return addon;
}

/** True when signatures over digests are checked by OpenSSL here (else by the JavaScript fallback). */
export function nativeDigestVerifyAvailable(): boolean {
  return loadAddon() !== null;
}

/**
 * Verifies an ASN.1 DER ECDSA signature over an already computed digest with OpenSSL, ~50× the
 * pure-JavaScript rate: node:crypto can only verify over a message it hashes itself. Returns
 * undefined when the addon is unavailable, so the caller uses its fallback.
 */
export function verifyDigestNative(spkiDer: Uint8Array, hashName: string, digest: Uint8Array, derSignature: Uint8Array): boolean | undefined {
  const native = loadAddon();
  if (!native) return undefined;
  const id = Buffer.from(spkiDer).toString('base64');
  let key = keys.get(id);
  if (key === undefined) {
    key = native.loadKey(spkiDer);
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
    keys.set(id, key);
  }
  return key !== null && native.verifyDigest(key, digest, derSignature, hashName);
}
