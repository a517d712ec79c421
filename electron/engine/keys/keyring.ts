import { createHash } from 'node:crypto';
import { ConflictError, InputError, NotFoundError, VerificationError } from '../../../shared/api/errors.js';
import type { Clock } from '../log/index.js';
import type { KeyRecord, KeyStore } from '../store/index.js';
import { decodeKeyInput } from './decode-key-input.js';
import { assertEmail, assertKeyName, assertPassphrase, emailOfUserId } from './key-input-checks.js';
import { decodeStoredPrivateKey, decodeStoredPublicKey, fingerprintOfPublicKey, materialFromOpenPgp, materialFromPkix, publicKeyFormat, type KeyMaterial, type NodePublicKey } from './key-material.js';
import { spkiPem } from './key-objects.js';
import type { DetachedSignature, GenerateKeyInput, HashedRekordInput, HashedRekordSignature, ImportKeyInput, KeyInfo, KeyType, PublicKeyExport, SignOptions } from './key-types.js';
import { isKeyType } from './key-types.js';
import { generateOpenPgpKey } from './openpgp-key.js';
import { generatePkixKey } from './pkix-key.js';
import { signRaw, signSha256Digest } from './raw-signature.js';
import { openPrivateKey, sealPrivateKey, type SealBinding } from './sealed-private-key.js';
import { signDetachedWith, type UnlockedKey } from './sign-detached.js';

export interface KeyringDeps {
  readonly keyStore: Pick<KeyStore, 'insert' | 'byName' | 'list'>;
  readonly clock: Clock;
  /** Salts and nonces for sealing. Key generation itself uses OpenSSL's and openpgp.js's CSPRNGs. */
  readonly randomBytes: (length: number) => Uint8Array;
}

/** The keyring: generates, imports, exports and signs with keys whose private parts are sealed at rest. */
export interface Keyring {
  /** Returns the metadata of a newly generated key. Throws ConflictError `already_exists` for a taken name. */
  generate(input: GenerateKeyInput): Promise<KeyInfo>;
  /** Returns the metadata of an imported key (formats: see decodeKeyInput). Nothing is stored on failure. */
  import(bytes: Uint8Array, input: ImportKeyInput): Promise<KeyInfo>;
  /** Returns every key's metadata, ordered by name. */
  list(): KeyInfo[];
  /** Returns one key's metadata; throws NotFoundError `not_found`. */
  get(name: string): KeyInfo;
  /** Returns the key's public text: armored OpenPGP, OpenSSH line, minisign file or PEM SPKI per its type. */
  exportPublic(name: string): PublicKeyExport;
  /** Returns a detached signature of `data` and the public key a Rekor entry needs; see signDetachedWith. */
  signDetached(name: string, passphrase: string, data: Uint8Array, options?: SignOptions): Promise<DetachedSignature>;
  /**
   * Returns a hashedrekord signature: ECDSA P-256 signs the SHA-256 digest of the artifact (given
   * whole or as `sha256`); Ed25519 signs the artifact bytes themselves (PureEdDSA), so it needs
   * `artifact` — Rekor verifies an Ed25519 hashedrekord against the artifact, not the digest.
   */
  signHashedRekord(name: string, passphrase: string, input: HashedRekordInput): Promise<HashedRekordSignature>;
}

const GENERATED_TYPES: readonly string[] = ['ed25519', 'ecdsa-p256', 'pgp'];
const PGP_ALGORITHMS: readonly string[] = ['ed25519', 'rsa4096'];

function storedType(record: KeyRecord): KeyType {
  if (!isKeyType(record.type)) throw new Error(`bug: key "${record.name}" has unknown type ${record.type} in the database`);
  return record.type;
}

function toKeyInfo(record: KeyRecord): KeyInfo {
  return {
    name: record.name,
    type: storedType(record),
    fingerprint: record.fingerprint,
    userId: record.userId,
    email: emailOfUserId(record.userId),
    hasPrivateKey: record.privateKey !== null,
    createdAtSec: Math.floor(record.createdAt / 1000),
  };
}

function notFound(name: string): NotFoundError {
  return new NotFoundError('not_found', `no key named "${name}" in the keyring`, { name }, { hint: 'see the keys with `provwb keys list`' });
}

function alreadyExists(name: string): ConflictError {
  return new ConflictError('already_exists', `a key named "${name}" already exists`, { name }, { hint: 'choose another name; keys are never overwritten' });
}

function corrupt(name: string, why: string): VerificationError {
  return new VerificationError('private_key_corrupt', `key "${name}" is inconsistent: ${why}`, { name }, { hint: 'the keyring database was altered; re-import the key from a backup' });
}

/** Which algorithm signs for a hashedrekord, decided by type before any passphrase work. */
function hashedRekordAlgorithm(type: KeyType): 'ed25519' | 'ecdsa-p256' | undefined {
  if (type === 'ed25519' || type === 'ssh-ed25519' || type === 'minisign') return 'ed25519';
  if (type === 'ecdsa-p256' || type === 'ssh-ecdsa-p256') return 'ecdsa-p256';
  return undefined;
}

/** Returns a keyring over `keyStore`; all sealing is done here, the store only keeps rows. */
export function createKeyring(deps: KeyringDeps): Keyring {
  const { keyStore, clock } = deps;

  function recordOf(name: string): KeyRecord {
    const record = keyStore.byName(name);
    if (!record) throw notFound(name);
    return record;
  }

  async function store(name: string, material: KeyMaterial, passphrase: string | undefined): Promise<KeyInfo> {
    let sealed: Uint8Array | null = null;
    if (material.privatePlaintext !== undefined) {
      assertPassphrase(passphrase, name);
      sealed = await sealPrivateKey(material.privatePlaintext, passphrase, { name, type: material.type, fingerprint: material.fingerprint }, deps);
    }
    const record = keyStore.insert({
      name,
      type: material.type,
      fingerprint: material.fingerprint,
      publicKey: material.publicKeyText,
      privateKey: sealed,
      userId: material.userId,
      createdAt: clock.nowMs(),
    });
    // Checked again here: another writer may have taken the name while we generated or sealed.
    if (!record) throw alreadyExists(name);
    return toKeyInfo(record);
  }

  async function unlock(name: string, passphrase: string): Promise<UnlockedKey> {
    const record = recordOf(name);
    const type = storedType(record);
    if (record.privateKey === null) {
      throw new InputError('private_key_missing', `key "${name}" is public only and cannot sign`, { name }, { hint: 'import the private key (under another name) to sign with it' });
    }
    assertPassphrase(passphrase, name);
    const binding: SealBinding = { name, type, fingerprint: record.fingerprint };
    const plaintext = await openPrivateKey(record.privateKey, passphrase, binding);
    if (type === 'pgp') return { type, name, fingerprint: record.fingerprint, secretKey: plaintext };
    let decoded: NodePublicKey;
    try {
      decoded = decodeStoredPublicKey(type, record.publicKey);
    } catch {
      // The row was written by this keyring; text it cannot read again was altered.
      throw corrupt(name, `its stored ${type} public key does not parse`);
    }
    if (fingerprintOfPublicKey(decoded) !== record.fingerprint) throw corrupt(name, 'its public key does not match its fingerprint');
    const privateKey = decodeStoredPrivateKey(plaintext, decoded.publicKey);
    if (!privateKey) throw corrupt(name, 'its private key does not match its public key');
    return {
      type,
      name,
      fingerprint: record.fingerprint,
      publicKeyText: record.publicKey,
      userId: record.userId,
      publicKey: decoded.publicKey,
      privateKey,
      ...(decoded.minisignKeyId === undefined ? {} : { minisignKeyId: decoded.minisignKeyId }),
    };
  }

  return {
    async generate(input) {
      assertKeyName(input.name);
      assertEmail(input.email);
      assertPassphrase(input.passphrase, input.name);
      if (!GENERATED_TYPES.includes(input.type)) {
        throw new InputError('key_type_invalid', `cannot generate keys of type ${JSON.stringify(input.type)}`, { type: input.type }, { hint: 'use ed25519, ecdsa-p256 or pgp' });
      }
      if (input.pgpAlgorithm !== undefined && (input.type !== 'pgp' || !PGP_ALGORITHMS.includes(input.pgpAlgorithm))) {
        throw new InputError('key_type_invalid', `pgpAlgorithm ${JSON.stringify(input.pgpAlgorithm)} does not apply to ${input.type} keys`, { type: input.type }, {
          hint: 'pgpAlgorithm (ed25519 or rsa4096) is for --type pgp only',
        });
      }
      // Fail before generating: RSA-4096 takes seconds.
      if (keyStore.byName(input.name)) throw alreadyExists(input.name);
      const email = input.email ?? null;
      let material: KeyMaterial;
      if (input.type === 'pgp') {
        material = materialFromOpenPgp(await generateOpenPgpKey({ name: input.name, email: input.email, algorithm: input.pgpAlgorithm ?? 'ed25519', date: new Date(clock.nowMs()) }));
      } else {
        const { publicKey, privateKey } = generatePkixKey(input.type);
        material = materialFromPkix(input.type, publicKey, privateKey, email);
      }
      return store(input.name, material, input.passphrase);
    },

    async import(bytes, input) {
      assertKeyName(input.name);
      if (keyStore.byName(input.name)) throw alreadyExists(input.name);
      const material = await decodeKeyInput(bytes, input.sourcePassphrase ?? input.passphrase);
      return store(input.name, material, input.passphrase);
    },

    list() {
      return keyStore.list().map(toKeyInfo);
    },

    get(name) {
      return toKeyInfo(recordOf(name));
    },

    exportPublic(name) {
      const record = recordOf(name);
      const type = storedType(record);
      return { name, type, fingerprint: record.fingerprint, format: publicKeyFormat(type), text: record.publicKey };
    },

    async signDetached(name, passphrase, data, options = {}) {
      return signDetachedWith(await unlock(name, passphrase), data, options, clock.nowMs());
    },

    async signHashedRekord(name, passphrase, input) {
      const record = recordOf(name);
      const algorithm = hashedRekordAlgorithm(storedType(record));
      if (algorithm === undefined) {
        throw new InputError('format_unsupported', `a ${record.type} key cannot sign a hashedrekord here`, { name, type: record.type }, {
          hint: 'use an ed25519 or ecdsa-p256 key (OpenPGP keys make rekord entries with signDetached)',
        });
      }
      if (algorithm === 'ed25519' && !('artifact' in input)) {
        throw new InputError('digest_signing_unsupported', `Ed25519 key "${name}" signs the artifact itself, not a digest`, { name }, { hint: 'pass the artifact bytes' });
      }
      const key = await unlock(name, passphrase);
      if (key.type === 'pgp') throw new Error('bug: OpenPGP key passed the hashedrekord type check');
      const sha256 = 'artifact' in input ? new Uint8Array(createHash('sha256').update(input.artifact).digest()) : input.sha256;
      const signature = 'artifact' in input ? signRaw(key.privateKey, input.artifact) : signSha256Digest(key.privateKey, input.sha256);
      return {
        signature,
        sha256,
        publicKeyPem: spkiPem(key.publicKey),
        signedOver: algorithm === 'ed25519' ? 'artifact-bytes' : 'sha256-digest',
        fingerprint: key.fingerprint,
      };
    },
  };
}
