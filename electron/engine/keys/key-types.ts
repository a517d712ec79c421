/**
 * The keyring's domain types. A key's `type` names both its ecosystem and its algorithm, and
 * decides its fingerprint, its public export and the signature formats it can make.
 */

/** Every type a keyring key can have (the `keys.type` column). */
export const KEY_TYPES = ['ed25519', 'ecdsa-p256', 'pgp', 'ssh-ed25519', 'ssh-ecdsa-p256', 'ssh-rsa', 'minisign'] as const;

/**
 * `ed25519` / `ecdsa-p256`: PKIX keys (SPKI/PKCS#8); `pgp`: an OpenPGP certificate;
 * `ssh-*`: OpenSSH keys; `minisign`: a minisign Ed25519 key with its key id.
 */
export type KeyType = (typeof KEY_TYPES)[number];

/** The types `generate` makes. */
export type GeneratedKeyType = 'ed25519' | 'ecdsa-p256' | 'pgp';

/** OpenPGP primary key algorithms `generate` offers (v4 keys; GnuPG 2.2 reads both). */
export type PgpAlgorithm = 'ed25519' | 'rsa4096';

/** Detached signature formats. */
export type SignatureFormat = 'openpgp' | 'sshsig' | 'minisign' | 'raw';

/** Text forms of a public key. */
export type PublicKeyFormat = 'openpgp-armored' | 'openssh' | 'minisign' | 'pem-spki';

/** A key's metadata, as `keys list` shows it (plain JSON). */
export interface KeyInfo {
  readonly name: string;
  readonly type: KeyType;
  /**
   * As users know it: OpenPGP fingerprint (uppercase hex); `SHA256:base64` for OpenSSH keys;
   * minisign key id (16 uppercase hex digits); lowercase hex SHA-256 of the DER SPKI for PKIX keys.
   */
  readonly fingerprint: string;
  /** OpenPGP primary user ID, OpenSSH comment, or the email given at generation. */
  readonly userId: string | null;
  /** The email inside `userId`, when it has one. */
  readonly email: string | null;
  readonly hasPrivateKey: boolean;
  /** When the key was added to the keyring. */
  readonly createdAtSec: number;
}

/** A public key in the text form its ecosystem uses. */
export interface PublicKeyText {
  readonly format: PublicKeyFormat;
  readonly text: string;
}

/** `exportPublic`'s result. */
export interface PublicKeyExport extends PublicKeyText {
  readonly name: string;
  readonly type: KeyType;
  readonly fingerprint: string;
}

export interface GenerateKeyInput {
  readonly type: GeneratedKeyType;
  readonly name: string;
  readonly email?: string | undefined;
  /** Seals the private key at rest; must not be empty. */
  readonly passphrase: string;
  /** For `pgp` only; default `ed25519` (EdDSA legacy primary with a Curve25519 ECDH subkey). */
  readonly pgpAlgorithm?: PgpAlgorithm | undefined;
}

export interface ImportKeyInput {
  readonly name: string;
  /** Seals the private key at rest; required when the input holds a private key, ignored otherwise. */
  readonly passphrase?: string | undefined;
  /** Unlocks a passphrase-protected OpenPGP secret key or encrypted PKCS#8 PEM; defaults to `passphrase`. */
  readonly sourcePassphrase?: string | undefined;
}

export interface SignOptions {
  /** Default: the key's own format (openpgp, sshsig, minisign; raw for PKIX keys). */
  readonly format?: SignatureFormat | undefined;
  /** SSHSIG namespace; default `file` (what `ssh-keygen -Y sign -n file` uses). */
  readonly namespace?: string | undefined;
  /** minisign: one-line trusted comment; default `timestamp:<sec>[\tfile:<fileName>][\thashed]`. */
  readonly trustedComment?: string | undefined;
  /** minisign: the file name recorded in the default trusted comment. */
  readonly fileName?: string | undefined;
  /** minisign: false makes a legacy `Ed` signature over the raw data; default true (`ED`, BLAKE2b-512). */
  readonly prehash?: boolean | undefined;
}

/** What `signDetached` returns: the signature file's bytes and the public key a Rekor entry needs. */
export interface DetachedSignature {
  readonly format: SignatureFormat;
  /**
   * openpgp: armored detached signature; sshsig: `-----BEGIN SSH SIGNATURE-----` text;
   * minisign: the `.minisig` file; raw: Ed25519 (64 bytes) or DER ECDSA signature bytes.
   * Text formats are UTF-8.
   */
  readonly signature: Uint8Array;
  /** openpgp → armored public key; sshsig → OpenSSH line; minisign → minisign public key file; raw → PEM SPKI. */
  readonly publicKey: PublicKeyText;
  readonly fingerprint: string;
}

/** Input of `signHashedRekord`: the artifact itself, or (ECDSA only) its SHA-256 digest. */
export type HashedRekordInput = { readonly artifact: Uint8Array } | { readonly sha256: Uint8Array };

/** What a hashedrekord entry needs: signature, digest and PEM public key. */
export interface HashedRekordSignature {
  /** DER ECDSA signature over SHA-256 of the artifact, or Ed25519 signature over the artifact bytes. */
  readonly signature: Uint8Array;
  readonly sha256: Uint8Array;
  readonly publicKeyPem: string;
  /** `sha256-digest` (ECDSA P-256) or `artifact-bytes` (Ed25519, PureEdDSA). */
  readonly signedOver: 'sha256-digest' | 'artifact-bytes';
  readonly fingerprint: string;
}

/** Returns true when `value` is a keyring key type. */
export function isKeyType(value: string): value is KeyType {
  return (KEY_TYPES as readonly string[]).includes(value);
}
