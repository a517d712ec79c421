/** The SSH wire encoding (RFC 4251 §5) as golang.org/x/crypto/ssh `Marshal`/`Unmarshal` use it. */

import { concatBytes, fromHex, utf8 } from '../../../../shared/encoding/index.js';

/** Thrown for short or malformed wire data; callers turn it into their own error. */
export class SshWireError extends Error {}

/** Reads SSH wire fields from the front of a buffer. */
export class SshReader {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}

  /** Returns the next uint32. */
  uint32(): number {
    if (this.at + 4 > this.data.length) throw new SshWireError('short read');
    const value = ((this.data[this.at]! << 24) >>> 0) + (this.data[this.at + 1]! << 16) + (this.data[this.at + 2]! << 8) + this.data[this.at + 3]!;
    this.at += 4;
    return value;
  }

  /** Returns the next `n` raw bytes. */
  fixed(n: number): Uint8Array {
    if (this.at + n > this.data.length) throw new SshWireError('short read');
    const out = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  /** Returns the next length-prefixed byte string. */
  bytes(): Uint8Array {
    return this.fixed(this.uint32());
  }

  /** Returns the next string as one char per byte. */
  string(): string {
    return Buffer.from(this.bytes()).toString('latin1');
  }

  /** Returns the next mpint (two's complement, big-endian), as x/crypto's parseInt reads it. */
  mpint(): bigint {
    const bytes = this.bytes();
    if (bytes.length === 0) return 0n;
    const value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
    return bytes[0]! & 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
  }

  /** Returns everything not read yet (an `ssh:"rest"` field). */
  rest(): Uint8Array {
    const out = this.data.subarray(this.at);
    this.at = this.data.length;
    return out;
  }

  /** Throws unless everything was read (x/crypto's Unmarshal rejects trailing bytes). */
  end(): void {
    if (this.at !== this.data.length) throw new SshWireError('trailing data');
  }
}

/** Returns a length-prefixed byte string (a text argument is taken as one byte per char). */
export function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'latin1')) : value;
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

/** Returns a uint32 field. */
export function sshUint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** Returns a non-negative mpint as x/crypto's `marshalInt` writes it (minimal, a 0x00 before a high bit). */
export function sshMpint(value: bigint): Uint8Array {
  if (value < 0n) throw new Error('bug: negative mpint');
  if (value === 0n) return sshString(new Uint8Array(0));
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = fromHex(hex);
  if (bytes[0]! & 0x80) bytes = concatBytes(new Uint8Array([0]), bytes);
  return sshString(bytes);
}

/** Returns the bytes of ASCII text. */
export function ascii(text: string): Uint8Array {
  return utf8(text);
}
