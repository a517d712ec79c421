import type { KeyTypeDto } from '../../../shared/api/index.js';

/**
 * Returns a key's fingerprint as its own tools print it: OpenPGP in groups of four hex digits (as
 * `gpg --fingerprint`), OpenSSH's `SHA256:…` and minisign's key id as they are, PKIX keys as the
 * lowercase hex SHA-256 of their SPKI.
 */
export function formatFingerprint(type: KeyTypeDto, fingerprint: string): string {
  if (type === 'pgp' && /^[0-9A-Fa-f]{40}$/.test(fingerprint)) {
    const groups = fingerprint.toUpperCase().match(/.{4}/g)!;
    return `${groups.slice(0, 5).join(' ')}  ${groups.slice(5).join(' ')}`;
  }
  return fingerprint;
}

/** Which tool's terms a type's fingerprint is in (for the column's tooltip). */
export function fingerprintKind(type: KeyTypeDto): string {
  switch (type) {
    case 'pgp':
      return 'OpenPGP v4 fingerprint';
    case 'ssh-ed25519':
    case 'ssh-ecdsa-p256':
    case 'ssh-rsa':
      return 'OpenSSH SHA256 fingerprint';
    case 'minisign':
      return 'minisign key id';
    case 'ed25519':
    case 'ecdsa-p256':
      return 'SHA-256 of the public key (SPKI DER)';
  }
}
