/**
 * The SSH wire encoding (RFC 4251 §5) as OpenSSH and golang.org/x/crypto/ssh `Marshal`/`Unmarshal`
 * use it: uint32, string, mpint. Shared by the keyring (key files, SSHSIG signing) and Rekor's
 * "ssh" format (authorized keys, SSHSIG verification), which report wire problems differently.
 */

import { concatBytes, fromHex, toHex, tryDecodeUtf8, utf8 } from '../../../shared/encoding/index.js';

/** What is wrong with wire data, with where it went wrong. */
export type SshWireProblem =
  | { readonly kind: 'truncated'; /** Byte where the short read began. */ readonly offset: number }
  | { readonly kind: 'not_utf8'; /** Byte just after the string. */ readonly offset: number }
  | { readonly kind: 'negative_mpint' }
  | { readonly kind: 'trailing'; readonly count: number };

// x/crypto's wording, which Rekor's "ssh" format repeats in its messages.
const WIRE_MESSAGES: Readonly<Record<SshWireProblem['kind'], string>> = {
  truncated: 'short read',
  not_utf8: 'invalid UTF-8 string',
  negative_mpint: 'negative mpint',
  trailing: 'trailing data',
};

/** Thrown by a default SshReader for short or malformed wire data; callers turn it into their own error. */
export class SshWireError extends Error {
  constructor(readonly problem: SshWireProblem) {
    super(WIRE_MESSAGES[problem.kind]);
  }
}

/**
 * Reads SSH wire fields from the front of a buffer. Input is untrusted: every read checks the
 * remaining length and throws what `fail` returns (by default an SshWireError).
 */
export class SshReader {
  private offset = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly fail: (problem: SshWireProblem) => Error = (problem) => new SshWireError(problem),
  ) {}

  /** Returns how many bytes are not read yet. */
  get remaining(): number {
    return this.data.length - this.offset;
  }

  /** Returns the next `length` raw bytes. */
  take(length: number): Uint8Array {
    if (length > this.remaining) throw this.fail({ kind: 'truncated', offset: this.offset });
    const out = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** Returns the next uint32. */
  uint32(): number {
    const b = this.take(4);
    return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
  }

  /** Returns the bytes of the next length-prefixed string. */
  bytes(): Uint8Array {
    return this.take(this.uint32());
  }

  /** Returns the next string's bytes as UTF-8 text (invalid UTF-8 fails). */
  text(): string {
    const text = tryDecodeUtf8(this.bytes());
    if (text === undefined) throw this.fail({ kind: 'not_utf8', offset: this.offset });
    return text;
  }

  /** Returns the next mpint (two's complement, big-endian), as x/crypto's parseInt reads it. */
  mpint(): bigint {
    const bytes = this.bytes();
    if (bytes.length === 0) return 0n;
    const value = BigInt(`0x${toHex(bytes)}`);
    return bytes[0]! & 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
  }

  /** Returns the next mpint's magnitude, big-endian without leading zeros; a negative mpint fails. */
  mpintMagnitude(): Uint8Array {
    const raw = this.bytes();
    if (raw.length > 0 && (raw[0]! & 0x80) !== 0) throw this.fail({ kind: 'negative_mpint' });
    let start = 0;
    while (start < raw.length && raw[start] === 0) start++;
    return raw.subarray(start);
  }

  /** Returns everything not read yet (an `ssh:"rest"` field). */
  rest(): Uint8Array {
    return this.take(this.remaining);
  }

  /** Throws unless every byte was read (x/crypto's Unmarshal rejects trailing bytes). */
  assertEnd(): void {
    if (this.remaining !== 0) throw this.fail({ kind: 'trailing', count: this.remaining });
  }
}

/** Returns the 4 big-endian bytes of a uint32. */
export function sshUint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** Returns a length-prefixed string of bytes or of UTF-8 text. */
export function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? utf8(value) : value;
  return concatBytes(sshUint32(bytes.length), bytes);
}

/**
 * Returns the mpint of a non-negative integer, given as a big-endian magnitude or a bigint, as
 * OpenSSH and x/crypto's `marshalInt` write it: minimal, with a 0x00 before a set top bit.
 */
export function sshMpint(value: Uint8Array | bigint): Uint8Array {
  const magnitude = typeof value === 'bigint' ? magnitudeOf(value) : value;
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const body = trimmed.length > 0 && (trimmed[0]! & 0x80) !== 0 ? concatBytes(Uint8Array.of(0), trimmed) : trimmed;
  return sshString(body);
}

function magnitudeOf(value: bigint): Uint8Array {
  if (value < 0n) throw new Error('bug: negative mpint');
  const hex = value.toString(16);
  return fromHex(hex.length % 2 === 0 ? hex : `0${hex}`);
}
