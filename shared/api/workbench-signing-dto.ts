/**
 * The plain-JSON shapes of the Keys and Sign views' operations (WorkbenchApi `keys.*`, `signing.*`):
 * strings, numbers and booleans only, so IPC and HTTP carry them alike.
 */

/** Key types the keyring can hold (mirrors the engine's KEY_TYPES). */
export type KeyTypeDto = 'ed25519' | 'ecdsa-p256' | 'pgp' | 'ssh-ed25519' | 'ssh-ecdsa-p256' | 'ssh-rsa' | 'minisign';

/** Key types `keys.generate` makes. */
export type GeneratedKeyTypeDto = 'ed25519' | 'ecdsa-p256' | 'pgp';

/** Entry kinds `signing.sign` logs. */
export type SigningKindDto = 'hashedrekord' | 'rekord' | 'dsse';

export interface KeyDto {
  readonly name: string;
  readonly type: KeyTypeDto;
  /**
   * As users know it: OpenPGP fingerprint (uppercase hex); `SHA256:base64` for OpenSSH keys;
   * minisign key id; lowercase hex SHA-256 of the DER SPKI for PKIX keys.
   */
  readonly fingerprint: string;
  readonly userId: string | null;
  readonly email: string | null;
  readonly hasPrivateKey: boolean;
  readonly createdAtSec: number;
  /** The kind this key signs with unless told otherwise. */
  readonly defaultKind: SigningKindDto;
  /** Every kind this key can sign (the Sign view offers only these). */
  readonly kinds: readonly SigningKindDto[];
}

export interface KeyListDto {
  readonly keys: readonly KeyDto[];
}

export interface GenerateKeyInputDto {
  readonly type: GeneratedKeyTypeDto;
  readonly name: string;
  /** Required for pgp keys (their user ID); optional otherwise. */
  readonly email?: string | undefined;
  /** Seals the private key at rest. */
  readonly passphrase: string;
}

export interface ImportKeyInputDto {
  readonly name: string;
  /** The key file's bytes, base64 (armored OpenPGP, OpenSSH, minisign, PEM or binary OpenPGP). */
  readonly keyBase64: string;
  /** Seals an imported private key; not needed for public keys. */
  readonly passphrase?: string | undefined;
  /** Opens an encrypted private key file, when it differs from `passphrase`. */
  readonly sourcePassphrase?: string | undefined;
}

export interface KeyNameInput {
  readonly name: string;
}

export interface PublicKeyExportDto {
  readonly name: string;
  readonly type: KeyTypeDto;
  readonly fingerprint: string;
  readonly format: 'openpgp-armored' | 'openssh' | 'minisign' | 'pem-spki';
  readonly text: string;
  /** A file name for saving it, e.g. `release.asc`, `release.pub`, `release.pem`. */
  readonly fileName: string;
}

/** An artefact the engine holds for signing: uploaded (browser mode) or read from a path (desktop). */
export interface StagedArtifactDto {
  /** Opaque handle for `signing.sign`; valid until signed or until the host stops. */
  readonly id: string;
  readonly name: string;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the bytes the engine received. */
  readonly sha256: string;
}

export interface SignInputDto {
  /** A StagedArtifactDto id. */
  readonly artifact: string;
  readonly keyName: string;
  /** Defaults to the key's defaultKind. */
  readonly kind?: SigningKindDto | undefined;
  readonly passphrase: string;
}

/** What signing logged and what to hand out: a Sigstore bundle (JSON text) or a detached signature. */
export interface SignResultDto {
  readonly log: string;
  readonly logIndex: number;
  readonly uuid: string;
  readonly kind: SigningKindDto;
  readonly keyName: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly output: 'bundle' | 'signature';
  /** The bundle JSON, or the detached signature's bytes, base64 (binary OpenPGP/minisign/SSH may be text or not). */
  readonly outputBase64: string;
  /** e.g. `release.tar.gz.sigstore.json`, `release.tar.gz.asc`. */
  readonly outputFileName: string;
}

/** Largest artefact browser mode accepts for upload (release files: tarballs, images, installers). */
export const MAX_ARTIFACT_BYTES = 4 * 1024 ** 3;

/** Largest artefact a `rekord` entry can carry: Rekor's format embeds the whole content in the entry. */
export const MAX_REKORD_CONTENT_BYTES = 64 * 1024 * 1024;
