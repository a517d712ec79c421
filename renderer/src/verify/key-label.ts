/** Returns a verifier key as `name+keyid` (its identity, without the key material) for display. */
export function formatVerifierKeyId(vkey: string): string {
  const [name = '', keyId = ''] = vkey.split('+');
  return keyId ? `${name}+${keyId}` : name;
}
