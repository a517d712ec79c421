/** Hex and base64 for `Uint8Array`, the one place in shared/ that converts bytes to text and back. */

const HEX_DIGITS = '0123456789abcdef';
const HEX_PAIRS: string[] = Array.from({ length: 256 }, (_, i) => HEX_DIGITS[i >> 4]! + HEX_DIGITS[i & 15]!);

/** Decodes ASCII text built as bytes: one flat string, where appending characters builds a rope the GC and JSON.stringify pay for. */
const asciiDecoder = new TextDecoder();

/** Below this many input bytes, string appends beat a decoder call. */
const SHORT_INPUT = 48;

const HEX_CODES = Uint8Array.from(HEX_DIGITS, (c) => c.charCodeAt(0));

/** Returns lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  if (bytes.length < SHORT_INPUT) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!]!;
    return out;
  }
  const out = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = HEX_CODES[bytes[i]! >> 4]!;
    out[2 * i + 1] = HEX_CODES[bytes[i]! & 15]!;
  }
  return asciiDecoder.decode(out);
}

function hexNibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/** Returns the bytes of a hex string (either case), or undefined when it is not well-formed hex. */
export function tryFromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexNibble(hex.charCodeAt(2 * i));
    const lo = hexNibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Returns the bytes of a hex string; throws on malformed hex (use tryFromHex for untrusted input). */
export function fromHex(hex: string): Uint8Array {
  const out = tryFromHex(hex);
  if (!out) throw new Error(`bug: not hex: ${hex.slice(0, 40)}`);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUES[B64.charCodeAt(i)] = i;

const B64_CODES = Uint8Array.from(B64, (c) => c.charCodeAt(0));
const PAD = 61; // '='

/** Returns standard base64 (RFC 4648 §4) with padding. */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let i = 0;
  let o = 0;
  for (; i + 2 < bytes.length; i += 3, o += 4) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o] = B64_CODES[n >> 18]!;
    out[o + 1] = B64_CODES[(n >> 12) & 63]!;
    out[o + 2] = B64_CODES[(n >> 6) & 63]!;
    out[o + 3] = B64_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o] = B64_CODES[n >> 18]!;
    out[o + 1] = B64_CODES[(n >> 12) & 63]!;
    out[o + 2] = rest === 2 ? B64_CODES[(n >> 6) & 63]! : PAD;
    out[o + 3] = PAD;
  }
  return asciiDecoder.decode(out);
}

/** Returns the 6-bit value of the base64 character at `i`, or -1 for any other character ('=' included). */
function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? B64_VALUES[code]! : -1;
}

/**
 * Returns the bytes of standard padded base64, or undefined when it is malformed.
 * Strict like Go's base64.StdEncoding: padding required, no whitespace, no URL alphabet.
 * Non-zero trailing bits are accepted (Go accepts them too); callers that need canonical
 * encodings compare `toBase64(decoded)` with the input.
 * Cost: no allocation besides the result (every proposed entry decodes its key and signature).
 */
export function tryFromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  // One loop for every quartet, the padded last one too: a separate, rarely taken tail once sent
  // V8 into a deoptimization loop (a soft deopt on every padded input, ~0.1 ms per call in serve).
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const third = last && padding === 2 ? 0 : sextet(text, i + 2);
    const fourth = last && padding > 0 ? 0 : sextet(text, i + 3);
    // A -1 sextet sets the sign bit of the whole quartet.
    const n = (sextet(text, i) << 18) | (sextet(text, i + 1) << 12) | (third << 6) | fourth;
    if (n < 0) return undefined;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Returns the bytes of base64; throws on malformed input (use tryFromBase64 for untrusted input). */
export function fromBase64(text: string): Uint8Array {
  const out = tryFromBase64(text);
  if (!out) throw new Error(`bug: not base64: ${text.slice(0, 40)}`);
  return out;
}

/** Returns true when both arrays hold the same bytes. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Returns the concatenation of the given arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Returns the UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Returns the string of UTF-8 bytes, or undefined when they are not valid UTF-8. */
export function tryDecodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Returns the 8 big-endian bytes of a non-negative integer below 2^53 or a bigint below 2^64. */
export function uint64BigEndian(value: number | bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}
