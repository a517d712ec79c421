import { createPublicKey, type KeyObject } from 'node:crypto';
import { formatMinisignKeyId } from '../../../shared/minisign/index.js';
import type { KeyType, PublicKeyFormat } from './key-types.js';
import { isKeyPair, keyAlgorithm, pkcs8Der, privateKeyFromPkcs8, spkiPem } from './key-objects.js';
import { formatMinisignPublicKey, parseMinisignKey } from './minisign-key.js';
import type { OpenPgpKey } from './openpgp-key.js';
import { spkiFingerprint, type PkixKeyType } from './pkix-key.js';
import { formatSshPublicKey, parseSshPublicKey, sshFingerprint, sshPublicKeyBlob, type SshKeyType } from './ssh-public-key.js';

/**
 * A key as the keyring stores it, before sealing: public text and fingerprint per its type, and
 * the plaintext private part (PKCS#8 DER, or a binary OpenPGP secret key) that gets sealed.
 */
export interface KeyMaterial {
  readonly type: KeyType;
  readonly fingerprint: string;
  /** The `public_key` column and `exportPublic`'s text; ends with a newline. */
  readonly publicKeyText: string;
  readonly userId: string | null;
  readonly privatePlaintext?: Uint8Array;
}

/** A non-OpenPGP key's public half decoded from its stored text. */
export interface NodePublicKey {
  readonly type: Exclude<KeyType, 'pgp'>;
  readonly publicKey: KeyObject;
  /** minisign keys only. */
  readonly minisignKeyId?: Uint8Array;
}

/** Returns the format of each type's public text. */
export function publicKeyFormat(type: KeyType): PublicKeyFormat {
  switch (type) {
    case 'pgp':
      return 'openpgp-armored';
    case 'ssh-ed25519':
    case 'ssh-ecdsa-p256':
    case 'ssh-rsa':
      return 'openssh';
    case 'minisign':
      return 'minisign';
    case 'ed25519':
    case 'ecdsa-p256':
      return 'pem-spki';
  }
}

function withPrivate(privateKey: KeyObject | undefined): { privatePlaintext?: Uint8Array } {
  return privateKey === undefined ? {} : { privatePlaintext: pkcs8Der(privateKey) };
}

/** Returns the material of an OpenPGP key. */
export function materialFromOpenPgp(key: OpenPgpKey): KeyMaterial {
  return {
    type: 'pgp',
    fingerprint: key.fingerprint,
    publicKeyText: key.armoredPublicKey.endsWith('\n') ? key.armoredPublicKey : key.armoredPublicKey + '\n',
    userId: key.userId,
    ...(key.secretKey === undefined ? {} : { privatePlaintext: key.secretKey }),
  };
}

/** Returns the material of a PKIX key (PEM SPKI public text, SHA-256 of SPKI fingerprint). */
export function materialFromPkix(type: PkixKeyType, publicKey: KeyObject, privateKey: KeyObject | undefined, userId: string | null): KeyMaterial {
  return { type, fingerprint: spkiFingerprint(publicKey), publicKeyText: spkiPem(publicKey), userId, ...withPrivate(privateKey) };
}

/** Returns the material of an OpenSSH key (OpenSSH line with comment, `SHA256:` fingerprint). */
export function materialFromSsh(type: SshKeyType, publicKey: KeyObject, privateKey: KeyObject | undefined, comment: string): KeyMaterial {
  return {
    type,
    fingerprint: sshFingerprint(sshPublicKeyBlob(publicKey)),
    publicKeyText: formatSshPublicKey(publicKey, comment) + '\n',
    userId: comment === '' ? null : comment,
    ...withPrivate(privateKey),
  };
}

/** Returns the material of a minisign key (minisign public key file, key id fingerprint). */
export function materialFromMinisign(keyId: Uint8Array, publicKey: KeyObject, privateKey: KeyObject | undefined): KeyMaterial {
  return { type: 'minisign', fingerprint: formatMinisignKeyId(keyId), publicKeyText: formatMinisignPublicKey(keyId, publicKey), userId: null, ...withPrivate(privateKey) };
}

/** Returns the public key of a stored non-OpenPGP key's text. The text was written by this module, so failures are bugs or tampering. */
export function decodeStoredPublicKey(type: Exclude<KeyType, 'pgp'>, text: string): NodePublicKey {
  switch (type) {
    case 'ed25519':
    case 'ecdsa-p256':
      return { type, publicKey: createPublicKey({ key: text, format: 'pem' }) };
    case 'ssh-ed25519':
    case 'ssh-ecdsa-p256':
    case 'ssh-rsa':
      return { type, publicKey: parseSshPublicKey(text).publicKey };
    case 'minisign': {
      const parsed = parseMinisignKey(text);
      return { type, publicKey: parsed.publicKey, minisignKeyId: parsed.keyId };
    }
  }
}

/** Returns the fingerprint of a decoded stored public key, to check it against the row's. */
export function fingerprintOfPublicKey(key: NodePublicKey): string {
  switch (key.type) {
    case 'ed25519':
    case 'ecdsa-p256':
      return spkiFingerprint(key.publicKey);
    case 'ssh-ed25519':
    case 'ssh-ecdsa-p256':
    case 'ssh-rsa':
      return sshFingerprint(sshPublicKeyBlob(key.publicKey));
    case 'minisign':
      if (key.minisignKeyId === undefined) throw new Error('bug: minisign key without a key id');
      return formatMinisignKeyId(key.minisignKeyId);
  }
}

/** Returns the private key of an unsealed PKCS#8, or undefined when it is not the pair of `publicKey` (a swapped row). */
export function decodeStoredPrivateKey(plaintext: Uint8Array, publicKey: KeyObject): KeyObject | undefined {
  const privateKey = privateKeyFromPkcs8(plaintext);
  return keyAlgorithm(privateKey) !== undefined && isKeyPair(privateKey, publicKey) ? privateKey : undefined;
}
