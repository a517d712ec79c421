/**
 * ASCII armor as ProtonMail/go-crypto's `armor.Encode` writes it (Rekor's canonical PGP keys and
 * binary signatures): "-----BEGIN <type>-----", an empty header block, base64 in 64-column lines,
 * "=" and the CRC-24, and "-----END <type>-----" with no final newline. Reading uses openpgp.js.
 */

import * as openpgp from 'openpgp';
import { toBase64, utf8 } from '../../../../shared/encoding/index.js';

/** Returns the RFC 9580 §6.1 CRC-24 of `data`. */
export function crc24(data: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** Returns `data` armored as go-crypto writes it, e.g. type "PGP PUBLIC KEY BLOCK" or "PGP SIGNATURE". */
export function armorLikeGo(type: string, data: Uint8Array): Uint8Array {
  const b64 = toBase64(data);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  const crc = crc24(data);
  const checksum = toBase64(new Uint8Array([(crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff]));
  return utf8(`-----BEGIN ${type}-----\n\n${lines.join('\n')}\n=${checksum}\n-----END ${type}-----`);
}

/** The armor block types Rekor distinguishes. */
export type ArmorType = 'PGP PUBLIC KEY BLOCK' | 'PGP PRIVATE KEY BLOCK' | 'PGP SIGNATURE' | 'other';

const ARMOR_NAMES: Readonly<Record<number, ArmorType>> = {
  [openpgp.enums.armor.publicKey]: 'PGP PUBLIC KEY BLOCK',
  [openpgp.enums.armor.privateKey]: 'PGP PRIVATE KEY BLOCK',
  [openpgp.enums.armor.signature]: 'PGP SIGNATURE',
};

async function readAll(data: unknown): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data;
  const chunks: Uint8Array[] = [];
  for await (const chunk of data as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Returns the type and bytes of the first armor block in `text`, or undefined when it does not decode. */
export async function dearmor(text: string): Promise<{ type: ArmorType; data: Uint8Array } | undefined> {
  try {
    const { type, data } = await openpgp.unarmor(text);
    return { type: ARMOR_NAMES[type] ?? 'other', data: await readAll(data) };
  } catch {
    return undefined;
  }
}
