import { concatBytes, tryDecodeUtf8, utf8 } from '../../../shared/encoding/index.js';
import { keyInvalid } from './key-errors.js';

/**
 * Reads the SSH wire encoding (RFC 4251 §5): uint32, string, mpint. Input is untrusted: every
 * read checks the remaining length and throws InputError `key_invalid` naming `what`.
 */
export class SshReader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** Returns the next `length` bytes. */
  take(length: number): Uint8Array {
    if (length > this.remaining) throw keyInvalid(this.what, `truncated at byte ${this.offset}`);
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  uint32(): number {
    const b = this.take(4);
    return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
  }

  /** Returns the bytes of a length-prefixed string. */
  string(): Uint8Array {
    return this.take(this.uint32());
  }

  /** Returns a string's bytes as UTF-8 text. */
  text(): string {
    const text = tryDecodeUtf8(this.string());
    if (text === undefined) throw keyInvalid(this.what, `string at byte ${this.offset} is not UTF-8`);
    return text;
  }

  /** Returns a non-negative mpint's magnitude, big-endian without leading zeros. */
  mpint(): Uint8Array {
    const raw = this.string();
    if (raw.length > 0 && (raw[0]! & 0x80) !== 0) throw keyInvalid(this.what, 'negative mpint');
    let start = 0;
    while (start < raw.length && raw[start] === 0) start++;
    return raw.subarray(start);
  }

  /** Throws unless every byte was read. */
  assertEnd(): void {
    if (this.remaining !== 0) throw keyInvalid(this.what, `${this.remaining} unexpected trailing bytes`);
  }
}

/** Returns the 4 big-endian bytes of a uint32. */
export function sshUint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** Returns a length-prefixed string of bytes or UTF-8 text. */
export function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? utf8(value) : value;
  return concatBytes(sshUint32(bytes.length), bytes);
}

/** Returns the mpint of a non-negative big-endian magnitude (leading zeros dropped, 0x00 added when the top bit is set). */
export function sshMpint(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const body = trimmed.length > 0 && (trimmed[0]! & 0x80) !== 0 ? concatBytes(Uint8Array.of(0), trimmed) : trimmed;
  return sshString(body);
}
