/**
 * OpenPGP packet framing (RFC 9580 §4.2): splitting a packet stream into (tag, body) and writing a
 * packet back with the new-format header ProtonMail/go-crypto's `serializeHeader` writes (one-,
 * two- or five-octet length, never partial), which is what Rekor's canonical PGP keys contain.
 */

import { concatBytes } from '../../../../shared/encoding/index.js';

/** One packet: its tag and its body (partial-length chunks joined). */
export interface PgpPacket {
  readonly tag: number;
  readonly body: Uint8Array;
}

/** Thrown when the stream is not OpenPGP packets; callers turn it into their own error. */
export class PgpFramingError extends Error {}

function readNewLength(data: Uint8Array, at: number): { length: number; size: number; partial: boolean } {
  const first = data[at];
  if (first === undefined) throw new PgpFramingError('truncated packet length');
  if (first < 192) return { length: first, size: 1, partial: false };
  if (first < 224) {
    const second = data[at + 1];
    if (second === undefined) throw new PgpFramingError('truncated packet length');
    return { length: ((first - 192) << 8) + second + 192, size: 2, partial: false };
  }
  if (first < 255) return { length: 1 << (first & 0x1f), size: 1, partial: true };
  if (at + 5 > data.length) throw new PgpFramingError('truncated packet length');
  return { length: ((data[at + 1]! << 24) >>> 0) + (data[at + 2]! << 16) + (data[at + 3]! << 8) + data[at + 4]!, size: 5, partial: false };
}

function take(data: Uint8Array, at: number, length: number): Uint8Array {
  if (at + length > data.length) throw new PgpFramingError('truncated packet body');
  return data.subarray(at, at + length);
}

/** Returns the packets of `data` in order. Throws PgpFramingError when the framing is broken. */
export function splitPgpPackets(data: Uint8Array): PgpPacket[] {
  const packets: PgpPacket[] = [];
  let at = 0;
  while (at < data.length) {
    const ctb = data[at]!;
    if ((ctb & 0x80) === 0) throw new PgpFramingError(`byte ${at} is not a packet header`);
    at++;
    if (ctb & 0x40) {
      const tag = ctb & 0x3f;
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { length, size, partial } = readNewLength(data, at);
        at += size;
        chunks.push(take(data, at, length));
        at += length;
        if (!partial) break;
      }
      packets.push({ tag, body: concatBytes(...chunks) });
    } else {
      const tag = (ctb >> 2) & 0x0f;
      const type = ctb & 3;
      let length: number;
      if (type === 3) {
        length = data.length - at;
      } else {
        const size = 1 << type;
        const bytes = take(data, at, size);
        length = 0;
        for (const b of bytes) length = length * 256 + b;
        at += size;
      }
      packets.push({ tag, body: take(data, at, length) });
      at += length;
    }
  }
  return packets;
}

/** Returns a packet with go-crypto's new-format header. */
export function writePgpPacket(tag: number, body: Uint8Array): Uint8Array {
  const n = body.length;
  let header: number[];
  if (n < 192) header = [n];
  else if (n < 8384) header = [((n - 192) >> 8) + 192, (n - 192) & 0xff];
  else header = [255, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return concatBytes(new Uint8Array([0xc0 | tag, ...header]), body);
}

/** Packet tags this code refers to. */
export const PGP_TAG = { signature: 2, secretKey: 5, publicKey: 6, secretSubkey: 7, userId: 13, publicSubkey: 14, userAttribute: 17 } as const;
