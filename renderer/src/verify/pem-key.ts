/**
 * Returns true when every key of a log is a PEM public key (a Rekor v1 log): its checkpoints carry
 * RFC 6962-style ECDSA/RSA signatures the engine checks with node:crypto; this window has no
 * verifier for them, so it says so instead of reporting a failure.
 */
export function hasOnlyPemKeys(verifierKeys: readonly string[]): boolean {
  return verifierKeys.length > 0 && verifierKeys.every((k) => k.trimStart().startsWith('-----BEGIN'));
}
