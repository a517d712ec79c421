import { describe, expect, it } from 'vitest';
import { formatFingerprint } from '../../../renderer/src/format/fingerprint.js';

describe('formatFingerprint', () => {
  it('groups an OpenPGP fingerprint in fours as gpg --fingerprint does', () => {
    expect(formatFingerprint('pgp', '409909c84cdecfd77c828daae0584a92a9569b0d')).toBe('4099 09C8 4CDE CFD7 7C82  8DAA E058 4A92 A956 9B0D');
  });

  it('leaves SSH, minisign and PKIX fingerprints as their tools print them', () => {
    expect(formatFingerprint('ssh-ed25519', 'SHA256:abc')).toBe('SHA256:abc');
    expect(formatFingerprint('minisign', 'E1F2A3B4C5D6E7F8')).toBe('E1F2A3B4C5D6E7F8');
    expect(formatFingerprint('ecdsa-p256', 'ab'.repeat(32))).toBe('ab'.repeat(32));
    expect(formatFingerprint('pgp', 'short')).toBe('short');
  });
});
