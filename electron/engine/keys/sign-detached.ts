import type { KeyObject } from 'node:crypto';
import { InputError, assertNever } from '../../../shared/api/errors.js';
import { utf8 } from '../../../shared/encoding/index.js';
import type { DetachedSignature, KeyType, PublicKeyText, SignatureFormat, SignOptions } from './key-types.js';
import { spkiPem } from './key-objects.js';
import { defaultTrustedComment, signMinisign } from './minisign-signature.js';
import { signOpenPgp } from './openpgp-key.js';
import { signRaw } from './raw-signature.js';
import { formatSshPublicKey } from './ssh-public-key.js';
import { SSHSIG_FILE_NAMESPACE, signSshsig } from './sshsig.js';

/** A keyring key with its private part unsealed, ready to sign. Lives only for one signing call. */
export type UnlockedKey =
  | { readonly type: 'pgp'; readonly name: string; readonly fingerprint: string; readonly secretKey: Uint8Array }
  | {
      readonly type: Exclude<KeyType, 'pgp'>;
      readonly name: string;
      readonly fingerprint: string;
      readonly publicKeyText: string;
      readonly userId: string | null;
      readonly publicKey: KeyObject;
      readonly privateKey: KeyObject;
      readonly minisignKeyId?: Uint8Array;
    };

const FORMATS: Readonly<Record<KeyType, readonly SignatureFormat[]>> = {
  pgp: ['openpgp'],
  ed25519: ['raw', 'sshsig'],
  'ecdsa-p256': ['raw', 'sshsig'],
  'ssh-ed25519': ['sshsig', 'raw'],
  'ssh-ecdsa-p256': ['sshsig', 'raw'],
  'ssh-rsa': ['sshsig'],
  minisign: ['minisign', 'raw'],
};

/** Returns the signature formats a key type can make; the first is its default. */
export function signatureFormats(type: KeyType): readonly SignatureFormat[] {
  return FORMATS[type];
}

/**
 * Returns a detached signature of `data` in `options.format` (default: the key type's first
 * format) with the public key text a Rekor entry of that format needs. `nowMs` dates OpenPGP
 * signatures and minisign's default trusted comment. Throws InputError `format_unsupported`
 * when the key type cannot make the format.
 */
export async function signDetachedWith(key: UnlockedKey, data: Uint8Array, options: SignOptions, nowMs: number): Promise<DetachedSignature> {
  const allowed = FORMATS[key.type];
  const format = options.format ?? allowed[0]!;
  if (!allowed.includes(format)) {
    throw new InputError('format_unsupported', `a ${key.type} key cannot make ${format} signatures`, { name: key.name, type: key.type, format, allowed }, {
      hint: `use one of: ${allowed.join(', ')}`,
    });
  }
  const done = (signature: string | Uint8Array, publicKey: PublicKeyText): DetachedSignature => ({
    format,
    signature: typeof signature === 'string' ? utf8(signature) : signature,
    publicKey,
    fingerprint: key.fingerprint,
  });
  if (key.type === 'pgp') {
    const { signature, armoredPublicKey } = await signOpenPgp(key.secretKey, key.fingerprint, data, new Date(nowMs));
    return done(signature, { format: 'openpgp-armored', text: armoredPublicKey.endsWith('\n') ? armoredPublicKey : armoredPublicKey + '\n' });
  }
  switch (format) {
    case 'openpgp':
      throw new Error('bug: openpgp format allowed for a non-OpenPGP key');
    case 'sshsig': {
      const sshLine = key.type.startsWith('ssh-') ? key.publicKeyText : formatSshPublicKey(key.publicKey, key.userId ?? key.name) + '\n';
      const signature = signSshsig({ privateKey: key.privateKey, publicKey: key.publicKey, namespace: options.namespace ?? SSHSIG_FILE_NAMESPACE, data });
      return done(signature, { format: 'openssh', text: sshLine });
    }
    case 'minisign': {
      if (key.minisignKeyId === undefined) throw new Error('bug: minisign key without a key id');
      const prehash = options.prehash ?? true;
      const trustedComment = options.trustedComment ?? defaultTrustedComment(Math.floor(nowMs / 1000), options.fileName, prehash);
      return done(signMinisign({ privateKey: key.privateKey, keyId: key.minisignKeyId, data, trustedComment, prehash }), { format: 'minisign', text: key.publicKeyText });
    }
    case 'raw':
      return done(signRaw(key.privateKey, data), { format: 'pem-spki', text: spkiPem(key.publicKey) });
    default:
      return assertNever(format);
  }
}
