/**
 * Signs a sample entry of a custom kind with a keyring key, as the layout's roles say: the public
 * key goes in first (a `statement` signature covers it), then the signature over messageToSign.
 */

import { p256 } from '@noble/curves/nist.js';
import { InputError, type SignedEntryDto } from '../../shared/api/index.js';
import { toBase64 } from '../../shared/encoding/index.js';
import {
  assertValidLayout,
  messageToSign,
  parsePublicKey,
  withValueAtPointer,
  type EntryDocument,
  type Layout,
  type PublicKeyFormat,
  type SignatureFormat,
} from '../../shared/layout/index.js';
import type { Keyring, KeyType } from './keys/index.js';

/** The keyring key types that can make each layout signature format (P-384 keys cannot be held). */
const KEY_TYPES_OF_FORMAT: Readonly<Record<SignatureFormat, readonly KeyType[]>> = {
  ed25519: ['ed25519', 'minisign'],
  'ecdsa-p256-sha256': ['ecdsa-p256'],
  'ecdsa-p256-sha256-raw': ['ecdsa-p256'],
  'ecdsa-p384-sha384': [],
  'ecdsa-p384-sha384-raw': [],
  minisign: ['minisign'],
};

function pem(der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** Returns the key's public key in the layout's key format (the keyring exports PEM SPKI or minisign text). */
function publicKeyText(exported: { format: string; text: string }, wanted: PublicKeyFormat, keyName: string): string {
  if (exported.format === wanted) return exported.text;
  if (exported.format !== 'pem-spki' && exported.format !== 'minisign') throw new Error(`bug: ${keyName} exports ${exported.format}`);
  const key = parsePublicKey(exported.format, exported.text);
  if (typeof key === 'string') throw new Error(`bug: the keyring's own ${exported.format} key does not parse: ${key}`);
  switch (wanted) {
    case 'pem-spki':
      return pem(key.spki);
    case 'raw-ed25519-base64':
      return toBase64(key.raw);
    case 'minisign':
      throw new InputError('key_format_unavailable', `key ${keyName} is not a minisign key, and the layout wants a minisign public key`, { keyName }, { hint: 'choose a minisign key' });
  }
}

/**
 * Returns the entry with the key's public key and signature written at the layout's role pointers.
 * Throws InputError('layout_invalid'), ('key_type_unsuited') when the key cannot make the layout's
 * signature format, ('entry_invalid') when a digest signature has no valid digest to sign, and the
 * keyring's errors (`passphrase_incorrect`, `key_not_found`, `private_key_missing`).
 */
export async function signSampleEntry(keyring: Keyring, layoutDoc: unknown, entryDoc: unknown, keyName: string, passphrase: string): Promise<SignedEntryDto> {
  const layout: Layout = assertValidLayout(layoutDoc);
  const { signature, publicKey } = layout.roles;
  const key = keyring.get(keyName);
  const suited = KEY_TYPES_OF_FORMAT[signature.format];
  if (!suited.includes(key.type)) {
    throw new InputError('key_type_unsuited', `a ${key.type} key cannot make ${signature.format} signatures`, { keyName, keyType: key.type, format: signature.format }, {
      hint: suited.length > 0 ? `use a ${suited.join(' or ')} key, or paste an entry signed elsewhere` : `the keyring holds no key type for ${signature.format}: paste an entry signed elsewhere`,
    });
  }
  const withKey = withValueAtPointer(entryDoc, `/spec${publicKey.pointer}`, publicKeyText(keyring.exportPublic(keyName), publicKey.format, keyName));
  if (withKey === undefined) throw new InputError('entry_invalid', `the entry has no object at ${publicKey.pointer} to put the public key into`, { pointer: `/spec${publicKey.pointer}` });
  const message = messageToSign(layout, withKey as EntryDocument);
  const made = await keyring.signDetached(keyName, passphrase, message, { format: signature.format === 'minisign' ? 'minisign' : 'raw' });
  let value: string;
  switch (signature.format) {
    case 'minisign':
      value = new TextDecoder().decode(made.signature);
      break;
    case 'ecdsa-p256-sha256-raw':
      // The keyring makes DER; this format is r ‖ s (IEEE P1363), one reading per signature.
      value = toBase64(p256.Signature.fromBytes(made.signature, 'der').toBytes('compact'));
      break;
    default:
      value = toBase64(made.signature);
  }
  const signed = withValueAtPointer(withKey, `/spec${signature.pointer}`, value);
  if (signed === undefined) throw new InputError('entry_invalid', `the entry has no object at ${signature.pointer} to put the signature into`, { pointer: `/spec${signature.pointer}` });
  return { entryJson: `${JSON.stringify(signed, null, 2)}\n`, keyName, keyFingerprint: made.fingerprint, format: signature.format };
}
