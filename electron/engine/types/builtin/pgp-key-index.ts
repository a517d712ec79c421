/**
 * Index keys of a canonical (go-crypto-armored) PGP key, read synchronously without verifying
 * anything: the key was verified when the entry was accepted, and `EntryKind.indexKeys` is
 * synchronous. Fingerprints of every primary key and subkey, then the email of every user ID that
 * go-crypto's `parseUserId` finds and govalidator accepts.
 */

import { createHash } from 'node:crypto';
import { InputError } from '../../../../shared/api/index.js';
import { concatBytes, toHex } from '../../../../shared/encoding/index.js';
import type { IndexKey } from '../entry-kind.js';
import { decodeGoBase64 } from './go-base64.js';
import { byteString } from './go-pem.js';
import { emailKey, isEmail } from './index-keys.js';
import { PGP_TAG, PgpFramingError, splitPgpPackets } from './pgp-packets.js';

/** Returns the email part of an OpenPGP user ID as go-crypto's `parseUserId` reads it ("" when none). */
export function userIdEmail(id: string): string {
  let state = 0;
  let nameStart = 0;
  let nameEnd = 0;
  let emailStart = 0;
  let emailEnd = 0;
  const chars = Array.from(id);
  let offset = 0;
  for (const c of chars) {
    if (state === 0) {
      nameStart = offset;
      state = 1;
    }
    if (state === 1) {
      if (c === '(') {
        state = 2;
        nameEnd = offset;
      } else if (c === '<') {
        state = 5;
        nameEnd = offset;
      }
    } else if (state === 2 || state === 3) {
      state = c === ')' ? 4 : 3;
    } else if (state === 4) {
      if (c === '<') state = 5;
    } else if (state === 5 || state === 6) {
      if (state === 5) emailStart = offset;
      state = c === '>' ? 7 : 6;
      if (state === 7) emailEnd = offset;
    }
    offset += c.length;
  }
  if (state === 1) nameEnd = id.length;
  if (state === 6) emailEnd = id.length;
  const email = state >= 6 ? id.slice(emailStart, emailEnd).trim() : '';
  const name = id.slice(nameStart, nameEnd).trim();
  return email === '' && name.includes('@') ? name : email;
}

/** Returns the v4 (SHA-1) or v6 (SHA-256) fingerprint of a key packet body, lowercase hex. */
export function pgpFingerprint(body: Uint8Array): string {
  if (body[0] === 6 || body[0] === 5) {
    const n = body.length;
    const header = new Uint8Array([body[0] === 6 ? 0x9b : 0x9a, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
    return toHex(new Uint8Array(createHash('sha256').update(concatBytes(header, body)).digest()));
  }
  return toHex(new Uint8Array(createHash('sha1').update(concatBytes(new Uint8Array([0x99, (body.length >> 8) & 0xff, body.length & 0xff]), body)).digest()));
}

function dearmorSync(text: string): Uint8Array | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const begin = lines.findIndex((l) => l.startsWith('-----BEGIN PGP'));
  if (begin < 0) return undefined;
  let i = begin + 1;
  while (i < lines.length && lines[i] !== '') i++;
  const body: string[] = [];
  for (i++; i < lines.length && !lines[i]!.startsWith('=') && !lines[i]!.startsWith('-----END'); i++) body.push(lines[i]!);
  return decodeGoBase64(body.join(''));
}

/** Returns the index keys of PGP key bytes (armored or binary). Throws InputError('public_key_invalid'). */
export function pgpKeyIndexKeys(bytes: Uint8Array): IndexKey[] {
  const text = byteString(bytes);
  const binary = text.startsWith('-----BEGIN PGP') ? dearmorSync(text) : bytes;
  if (!binary) throw new InputError('public_key_invalid', 'the stored PGP key armor does not decode');
  let packets;
  try {
    packets = splitPgpPackets(binary);
  } catch (error) {
    if (error instanceof PgpFramingError) throw new InputError('public_key_invalid', `the stored PGP key does not parse: ${error.message}`);
    throw error;
  }
  const fingerprints = packets.filter((p) => p.tag === PGP_TAG.publicKey || p.tag === PGP_TAG.publicSubkey).map((p): IndexKey => ({ type: 'key_fingerprint', value: pgpFingerprint(p.body) }));
  const emails = packets.filter((p) => p.tag === PGP_TAG.userId).map((p) => userIdEmail(Buffer.from(p.body).toString('utf8'))).filter(isEmail).map(emailKey);
  return [...fingerprints, ...emails];
}
