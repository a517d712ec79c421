export { createKeyring } from './keyring.js';
export type { Keyring, KeyringDeps } from './keyring.js';
export { readPassphrase, PASSPHRASE_ENV } from './read-passphrase.js';
export type { ReadPassphraseInput } from './read-passphrase.js';
export { KEY_TYPES, isKeyType } from './key-types.js';
export type {
  KeyType,
  GeneratedKeyType,
  PgpAlgorithm,
  SignatureFormat,
  PublicKeyFormat,
  KeyInfo,
  PublicKeyText,
  PublicKeyExport,
  GenerateKeyInput,
  ImportKeyInput,
  SignOptions,
  DetachedSignature,
  HashedRekordInput,
  HashedRekordSignature,
} from './key-types.js';
export { signatureFormats } from './sign-detached.js';
export { decodeKeyInput, MAX_KEY_BYTES } from './decode-key-input.js';
export { sshFingerprint, parseSshPublicKey } from './ssh-public-key.js';
export { spkiFingerprint } from './pkix-key.js';
export { SSHSIG_FILE_NAMESPACE } from './sshsig.js';
