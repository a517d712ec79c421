// Batched RFC 6962 hashing in WebAssembly (AssemblyScript source, compiled by build/build-wasm.mjs).
//
// Why: node:crypto spends ~1.5 µs per call on binding overhead for a 65-byte message (the SHA-NI
// compression itself takes ~0.1 µs), and a Merkle tree needs ~2 hashes per leaf. One call here hashes
// a whole batch of leaves or a whole tile row, so the per-hash cost is the compression alone.
// Checked against node:crypto on every length 0..300 and on random batches (test/unit/shared/merkle).


// Scratch: the 64-byte block being filled and the 8-word state.
const BLOCK: usize = memory.data(64);
const STATE: usize = memory.data(32);
// Four-lane scratch: the transposed schedule words and the 8 state vectors.
const WT: usize = memory.data(256, 16);
const STATE4: usize = memory.data(128, 16);
const OUT4: usize = memory.data(16, 16);

/** First byte callers may use for their own input and output. */
export function heapBase(): usize {
  return __heap_base;
}

@inline function rotr4(x: v128, n: i32): v128 {
  return v128.or(i32x4.shr_u(x, n), i32x4.shl(x, 32 - n));
}

@inline function rotr(x: u32, n: u32): u32 {
  return (x >>> n) | (x << (32 - n));
}

// Rounds fully unrolled with the schedule in a 16-word window of locals (generated once; see the
// FIPS 180-4 §6.2.2 loop it expands). V8 keeps all 24 values in registers.
function compress(): void {
  let w0 = bswap<u32>(load<u32>(BLOCK, 0));
  let w1 = bswap<u32>(load<u32>(BLOCK, 4));
  let w2 = bswap<u32>(load<u32>(BLOCK, 8));
  let w3 = bswap<u32>(load<u32>(BLOCK, 12));
  let w4 = bswap<u32>(load<u32>(BLOCK, 16));
  let w5 = bswap<u32>(load<u32>(BLOCK, 20));
  let w6 = bswap<u32>(load<u32>(BLOCK, 24));
  let w7 = bswap<u32>(load<u32>(BLOCK, 28));
  let w8 = bswap<u32>(load<u32>(BLOCK, 32));
  let w9 = bswap<u32>(load<u32>(BLOCK, 36));
  let w10 = bswap<u32>(load<u32>(BLOCK, 40));
  let w11 = bswap<u32>(load<u32>(BLOCK, 44));
  let w12 = bswap<u32>(load<u32>(BLOCK, 48));
  let w13 = bswap<u32>(load<u32>(BLOCK, 52));
  let w14 = bswap<u32>(load<u32>(BLOCK, 56));
  let w15 = bswap<u32>(load<u32>(BLOCK, 60));
  let a = load<u32>(STATE), b = load<u32>(STATE, 4), c = load<u32>(STATE, 8), d = load<u32>(STATE, 12);
  let e = load<u32>(STATE, 16), f = load<u32>(STATE, 20), g = load<u32>(STATE, 24), h = load<u32>(STATE, 28);
  let t1: u32, t2: u32;
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0x428a2f98 + w0;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0x71374491 + w1;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0xb5c0fbcf + w2;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0xe9b5dba5 + w3;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0x3956c25b + w4;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0x59f111f1 + w5;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0x923f82a4 + w6;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0xab1c5ed5 + w7;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0xd807aa98 + w8;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0x12835b01 + w9;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0x243185be + w10;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0x550c7dc3 + w11;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0x72be5d74 + w12;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0x80deb1fe + w13;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0x9bdc06a7 + w14;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0xc19bf174 + w15;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  w0 += (rotr(w1, 7) ^ rotr(w1, 18) ^ (w1 >>> 3)) + w9 + (rotr(w14, 17) ^ rotr(w14, 19) ^ (w14 >>> 10));
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0xe49b69c1 + w0;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  w1 += (rotr(w2, 7) ^ rotr(w2, 18) ^ (w2 >>> 3)) + w10 + (rotr(w15, 17) ^ rotr(w15, 19) ^ (w15 >>> 10));
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0xefbe4786 + w1;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  w2 += (rotr(w3, 7) ^ rotr(w3, 18) ^ (w3 >>> 3)) + w11 + (rotr(w0, 17) ^ rotr(w0, 19) ^ (w0 >>> 10));
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0x0fc19dc6 + w2;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  w3 += (rotr(w4, 7) ^ rotr(w4, 18) ^ (w4 >>> 3)) + w12 + (rotr(w1, 17) ^ rotr(w1, 19) ^ (w1 >>> 10));
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0x240ca1cc + w3;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  w4 += (rotr(w5, 7) ^ rotr(w5, 18) ^ (w5 >>> 3)) + w13 + (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10));
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0x2de92c6f + w4;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  w5 += (rotr(w6, 7) ^ rotr(w6, 18) ^ (w6 >>> 3)) + w14 + (rotr(w3, 17) ^ rotr(w3, 19) ^ (w3 >>> 10));
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0x4a7484aa + w5;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  w6 += (rotr(w7, 7) ^ rotr(w7, 18) ^ (w7 >>> 3)) + w15 + (rotr(w4, 17) ^ rotr(w4, 19) ^ (w4 >>> 10));
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0x5cb0a9dc + w6;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  w7 += (rotr(w8, 7) ^ rotr(w8, 18) ^ (w8 >>> 3)) + w0 + (rotr(w5, 17) ^ rotr(w5, 19) ^ (w5 >>> 10));
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0x76f988da + w7;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  w8 += (rotr(w9, 7) ^ rotr(w9, 18) ^ (w9 >>> 3)) + w1 + (rotr(w6, 17) ^ rotr(w6, 19) ^ (w6 >>> 10));
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0x983e5152 + w8;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  w9 += (rotr(w10, 7) ^ rotr(w10, 18) ^ (w10 >>> 3)) + w2 + (rotr(w7, 17) ^ rotr(w7, 19) ^ (w7 >>> 10));
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0xa831c66d + w9;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  w10 += (rotr(w11, 7) ^ rotr(w11, 18) ^ (w11 >>> 3)) + w3 + (rotr(w8, 17) ^ rotr(w8, 19) ^ (w8 >>> 10));
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0xb00327c8 + w10;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  w11 += (rotr(w12, 7) ^ rotr(w12, 18) ^ (w12 >>> 3)) + w4 + (rotr(w9, 17) ^ rotr(w9, 19) ^ (w9 >>> 10));
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0xbf597fc7 + w11;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  w12 += (rotr(w13, 7) ^ rotr(w13, 18) ^ (w13 >>> 3)) + w5 + (rotr(w10, 17) ^ rotr(w10, 19) ^ (w10 >>> 10));
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0xc6e00bf3 + w12;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  w13 += (rotr(w14, 7) ^ rotr(w14, 18) ^ (w14 >>> 3)) + w6 + (rotr(w11, 17) ^ rotr(w11, 19) ^ (w11 >>> 10));
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0xd5a79147 + w13;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  w14 += (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)) + w7 + (rotr(w12, 17) ^ rotr(w12, 19) ^ (w12 >>> 10));
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0x06ca6351 + w14;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  w15 += (rotr(w0, 7) ^ rotr(w0, 18) ^ (w0 >>> 3)) + w8 + (rotr(w13, 17) ^ rotr(w13, 19) ^ (w13 >>> 10));
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0x14292967 + w15;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  w0 += (rotr(w1, 7) ^ rotr(w1, 18) ^ (w1 >>> 3)) + w9 + (rotr(w14, 17) ^ rotr(w14, 19) ^ (w14 >>> 10));
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0x27b70a85 + w0;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  w1 += (rotr(w2, 7) ^ rotr(w2, 18) ^ (w2 >>> 3)) + w10 + (rotr(w15, 17) ^ rotr(w15, 19) ^ (w15 >>> 10));
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0x2e1b2138 + w1;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  w2 += (rotr(w3, 7) ^ rotr(w3, 18) ^ (w3 >>> 3)) + w11 + (rotr(w0, 17) ^ rotr(w0, 19) ^ (w0 >>> 10));
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0x4d2c6dfc + w2;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  w3 += (rotr(w4, 7) ^ rotr(w4, 18) ^ (w4 >>> 3)) + w12 + (rotr(w1, 17) ^ rotr(w1, 19) ^ (w1 >>> 10));
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0x53380d13 + w3;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  w4 += (rotr(w5, 7) ^ rotr(w5, 18) ^ (w5 >>> 3)) + w13 + (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10));
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0x650a7354 + w4;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  w5 += (rotr(w6, 7) ^ rotr(w6, 18) ^ (w6 >>> 3)) + w14 + (rotr(w3, 17) ^ rotr(w3, 19) ^ (w3 >>> 10));
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0x766a0abb + w5;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  w6 += (rotr(w7, 7) ^ rotr(w7, 18) ^ (w7 >>> 3)) + w15 + (rotr(w4, 17) ^ rotr(w4, 19) ^ (w4 >>> 10));
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0x81c2c92e + w6;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  w7 += (rotr(w8, 7) ^ rotr(w8, 18) ^ (w8 >>> 3)) + w0 + (rotr(w5, 17) ^ rotr(w5, 19) ^ (w5 >>> 10));
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0x92722c85 + w7;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  w8 += (rotr(w9, 7) ^ rotr(w9, 18) ^ (w9 >>> 3)) + w1 + (rotr(w6, 17) ^ rotr(w6, 19) ^ (w6 >>> 10));
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0xa2bfe8a1 + w8;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  w9 += (rotr(w10, 7) ^ rotr(w10, 18) ^ (w10 >>> 3)) + w2 + (rotr(w7, 17) ^ rotr(w7, 19) ^ (w7 >>> 10));
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0xa81a664b + w9;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  w10 += (rotr(w11, 7) ^ rotr(w11, 18) ^ (w11 >>> 3)) + w3 + (rotr(w8, 17) ^ rotr(w8, 19) ^ (w8 >>> 10));
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0xc24b8b70 + w10;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  w11 += (rotr(w12, 7) ^ rotr(w12, 18) ^ (w12 >>> 3)) + w4 + (rotr(w9, 17) ^ rotr(w9, 19) ^ (w9 >>> 10));
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0xc76c51a3 + w11;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  w12 += (rotr(w13, 7) ^ rotr(w13, 18) ^ (w13 >>> 3)) + w5 + (rotr(w10, 17) ^ rotr(w10, 19) ^ (w10 >>> 10));
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0xd192e819 + w12;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  w13 += (rotr(w14, 7) ^ rotr(w14, 18) ^ (w14 >>> 3)) + w6 + (rotr(w11, 17) ^ rotr(w11, 19) ^ (w11 >>> 10));
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0xd6990624 + w13;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  w14 += (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)) + w7 + (rotr(w12, 17) ^ rotr(w12, 19) ^ (w12 >>> 10));
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0xf40e3585 + w14;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  w15 += (rotr(w0, 7) ^ rotr(w0, 18) ^ (w0 >>> 3)) + w8 + (rotr(w13, 17) ^ rotr(w13, 19) ^ (w13 >>> 10));
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0x106aa070 + w15;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  w0 += (rotr(w1, 7) ^ rotr(w1, 18) ^ (w1 >>> 3)) + w9 + (rotr(w14, 17) ^ rotr(w14, 19) ^ (w14 >>> 10));
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0x19a4c116 + w0;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  w1 += (rotr(w2, 7) ^ rotr(w2, 18) ^ (w2 >>> 3)) + w10 + (rotr(w15, 17) ^ rotr(w15, 19) ^ (w15 >>> 10));
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0x1e376c08 + w1;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  w2 += (rotr(w3, 7) ^ rotr(w3, 18) ^ (w3 >>> 3)) + w11 + (rotr(w0, 17) ^ rotr(w0, 19) ^ (w0 >>> 10));
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0x2748774c + w2;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  w3 += (rotr(w4, 7) ^ rotr(w4, 18) ^ (w4 >>> 3)) + w12 + (rotr(w1, 17) ^ rotr(w1, 19) ^ (w1 >>> 10));
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0x34b0bcb5 + w3;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  w4 += (rotr(w5, 7) ^ rotr(w5, 18) ^ (w5 >>> 3)) + w13 + (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10));
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0x391c0cb3 + w4;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  w5 += (rotr(w6, 7) ^ rotr(w6, 18) ^ (w6 >>> 3)) + w14 + (rotr(w3, 17) ^ rotr(w3, 19) ^ (w3 >>> 10));
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0x4ed8aa4a + w5;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  w6 += (rotr(w7, 7) ^ rotr(w7, 18) ^ (w7 >>> 3)) + w15 + (rotr(w4, 17) ^ rotr(w4, 19) ^ (w4 >>> 10));
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0x5b9cca4f + w6;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  w7 += (rotr(w8, 7) ^ rotr(w8, 18) ^ (w8 >>> 3)) + w0 + (rotr(w5, 17) ^ rotr(w5, 19) ^ (w5 >>> 10));
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0x682e6ff3 + w7;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  w8 += (rotr(w9, 7) ^ rotr(w9, 18) ^ (w9 >>> 3)) + w1 + (rotr(w6, 17) ^ rotr(w6, 19) ^ (w6 >>> 10));
  t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + 0x748f82ee + w8;
  t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
  d += t1;
  h = t1 + t2;
  w9 += (rotr(w10, 7) ^ rotr(w10, 18) ^ (w10 >>> 3)) + w2 + (rotr(w7, 17) ^ rotr(w7, 19) ^ (w7 >>> 10));
  t1 = g + (rotr(d, 6) ^ rotr(d, 11) ^ rotr(d, 25)) + ((d & e) ^ (~d & f)) + 0x78a5636f + w9;
  t2 = (rotr(h, 2) ^ rotr(h, 13) ^ rotr(h, 22)) + ((h & a) ^ (h & b) ^ (a & b));
  c += t1;
  g = t1 + t2;
  w10 += (rotr(w11, 7) ^ rotr(w11, 18) ^ (w11 >>> 3)) + w3 + (rotr(w8, 17) ^ rotr(w8, 19) ^ (w8 >>> 10));
  t1 = f + (rotr(c, 6) ^ rotr(c, 11) ^ rotr(c, 25)) + ((c & d) ^ (~c & e)) + 0x84c87814 + w10;
  t2 = (rotr(g, 2) ^ rotr(g, 13) ^ rotr(g, 22)) + ((g & h) ^ (g & a) ^ (h & a));
  b += t1;
  f = t1 + t2;
  w11 += (rotr(w12, 7) ^ rotr(w12, 18) ^ (w12 >>> 3)) + w4 + (rotr(w9, 17) ^ rotr(w9, 19) ^ (w9 >>> 10));
  t1 = e + (rotr(b, 6) ^ rotr(b, 11) ^ rotr(b, 25)) + ((b & c) ^ (~b & d)) + 0x8cc70208 + w11;
  t2 = (rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & g) ^ (f & h) ^ (g & h));
  a += t1;
  e = t1 + t2;
  w12 += (rotr(w13, 7) ^ rotr(w13, 18) ^ (w13 >>> 3)) + w5 + (rotr(w10, 17) ^ rotr(w10, 19) ^ (w10 >>> 10));
  t1 = d + (rotr(a, 6) ^ rotr(a, 11) ^ rotr(a, 25)) + ((a & b) ^ (~a & c)) + 0x90befffa + w12;
  t2 = (rotr(e, 2) ^ rotr(e, 13) ^ rotr(e, 22)) + ((e & f) ^ (e & g) ^ (f & g));
  h += t1;
  d = t1 + t2;
  w13 += (rotr(w14, 7) ^ rotr(w14, 18) ^ (w14 >>> 3)) + w6 + (rotr(w11, 17) ^ rotr(w11, 19) ^ (w11 >>> 10));
  t1 = c + (rotr(h, 6) ^ rotr(h, 11) ^ rotr(h, 25)) + ((h & a) ^ (~h & b)) + 0xa4506ceb + w13;
  t2 = (rotr(d, 2) ^ rotr(d, 13) ^ rotr(d, 22)) + ((d & e) ^ (d & f) ^ (e & f));
  g += t1;
  c = t1 + t2;
  w14 += (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)) + w7 + (rotr(w12, 17) ^ rotr(w12, 19) ^ (w12 >>> 10));
  t1 = b + (rotr(g, 6) ^ rotr(g, 11) ^ rotr(g, 25)) + ((g & h) ^ (~g & a)) + 0xbef9a3f7 + w14;
  t2 = (rotr(c, 2) ^ rotr(c, 13) ^ rotr(c, 22)) + ((c & d) ^ (c & e) ^ (d & e));
  f += t1;
  b = t1 + t2;
  w15 += (rotr(w0, 7) ^ rotr(w0, 18) ^ (w0 >>> 3)) + w8 + (rotr(w13, 17) ^ rotr(w13, 19) ^ (w13 >>> 10));
  t1 = a + (rotr(f, 6) ^ rotr(f, 11) ^ rotr(f, 25)) + ((f & g) ^ (~f & h)) + 0xc67178f2 + w15;
  t2 = (rotr(b, 2) ^ rotr(b, 13) ^ rotr(b, 22)) + ((b & c) ^ (b & d) ^ (c & d));
  e += t1;
  a = t1 + t2;
  store<u32>(STATE, load<u32>(STATE, 0) + a, 0);
  store<u32>(STATE, load<u32>(STATE, 4) + b, 4);
  store<u32>(STATE, load<u32>(STATE, 8) + c, 8);
  store<u32>(STATE, load<u32>(STATE, 12) + d, 12);
  store<u32>(STATE, load<u32>(STATE, 16) + e, 16);
  store<u32>(STATE, load<u32>(STATE, 20) + f, 20);
  store<u32>(STATE, load<u32>(STATE, 24) + g, 24);
  store<u32>(STATE, load<u32>(STATE, 28) + h, 28);
}


// Four messages at once in the lanes of v128 values, same unrolled rounds as compress(); the
// schedule words arrive transposed in WT (word t of lane j at WT + 16t + 4j).
function compress4(): void {
  let w0 = v128.load(WT, 0);
  let w1 = v128.load(WT, 16);
  let w2 = v128.load(WT, 32);
  let w3 = v128.load(WT, 48);
  let w4 = v128.load(WT, 64);
  let w5 = v128.load(WT, 80);
  let w6 = v128.load(WT, 96);
  let w7 = v128.load(WT, 112);
  let w8 = v128.load(WT, 128);
  let w9 = v128.load(WT, 144);
  let w10 = v128.load(WT, 160);
  let w11 = v128.load(WT, 176);
  let w12 = v128.load(WT, 192);
  let w13 = v128.load(WT, 208);
  let w14 = v128.load(WT, 224);
  let w15 = v128.load(WT, 240);
  let a = v128.load(STATE4, 0);
  let b = v128.load(STATE4, 16);
  let c = v128.load(STATE4, 32);
  let d = v128.load(STATE4, 48);
  let e = v128.load(STATE4, 64);
  let f = v128.load(STATE4, 80);
  let g = v128.load(STATE4, 96);
  let h = v128.load(STATE4, 112);
  let t1: v128, t2: v128;
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0x428a2f98)), w0);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0x71374491)), w1);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0xb5c0fbcf)), w2);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0xe9b5dba5)), w3);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0x3956c25b)), w4);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0x59f111f1)), w5);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0x923f82a4)), w6);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0xab1c5ed5)), w7);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0xd807aa98)), w8);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0x12835b01)), w9);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0x243185be)), w10);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0x550c7dc3)), w11);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0x72be5d74)), w12);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0x80deb1fe)), w13);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0x9bdc06a7)), w14);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0xc19bf174)), w15);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  w0 = i32x4.add(i32x4.add(i32x4.add(w0, v128.xor(v128.xor(rotr4(w1, 7), rotr4(w1, 18)), i32x4.shr_u(w1, 3))), w9), v128.xor(v128.xor(rotr4(w14, 17), rotr4(w14, 19)), i32x4.shr_u(w14, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0xe49b69c1)), w0);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  w1 = i32x4.add(i32x4.add(i32x4.add(w1, v128.xor(v128.xor(rotr4(w2, 7), rotr4(w2, 18)), i32x4.shr_u(w2, 3))), w10), v128.xor(v128.xor(rotr4(w15, 17), rotr4(w15, 19)), i32x4.shr_u(w15, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0xefbe4786)), w1);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  w2 = i32x4.add(i32x4.add(i32x4.add(w2, v128.xor(v128.xor(rotr4(w3, 7), rotr4(w3, 18)), i32x4.shr_u(w3, 3))), w11), v128.xor(v128.xor(rotr4(w0, 17), rotr4(w0, 19)), i32x4.shr_u(w0, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0x0fc19dc6)), w2);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  w3 = i32x4.add(i32x4.add(i32x4.add(w3, v128.xor(v128.xor(rotr4(w4, 7), rotr4(w4, 18)), i32x4.shr_u(w4, 3))), w12), v128.xor(v128.xor(rotr4(w1, 17), rotr4(w1, 19)), i32x4.shr_u(w1, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0x240ca1cc)), w3);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  w4 = i32x4.add(i32x4.add(i32x4.add(w4, v128.xor(v128.xor(rotr4(w5, 7), rotr4(w5, 18)), i32x4.shr_u(w5, 3))), w13), v128.xor(v128.xor(rotr4(w2, 17), rotr4(w2, 19)), i32x4.shr_u(w2, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0x2de92c6f)), w4);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  w5 = i32x4.add(i32x4.add(i32x4.add(w5, v128.xor(v128.xor(rotr4(w6, 7), rotr4(w6, 18)), i32x4.shr_u(w6, 3))), w14), v128.xor(v128.xor(rotr4(w3, 17), rotr4(w3, 19)), i32x4.shr_u(w3, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0x4a7484aa)), w5);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  w6 = i32x4.add(i32x4.add(i32x4.add(w6, v128.xor(v128.xor(rotr4(w7, 7), rotr4(w7, 18)), i32x4.shr_u(w7, 3))), w15), v128.xor(v128.xor(rotr4(w4, 17), rotr4(w4, 19)), i32x4.shr_u(w4, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0x5cb0a9dc)), w6);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  w7 = i32x4.add(i32x4.add(i32x4.add(w7, v128.xor(v128.xor(rotr4(w8, 7), rotr4(w8, 18)), i32x4.shr_u(w8, 3))), w0), v128.xor(v128.xor(rotr4(w5, 17), rotr4(w5, 19)), i32x4.shr_u(w5, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0x76f988da)), w7);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  w8 = i32x4.add(i32x4.add(i32x4.add(w8, v128.xor(v128.xor(rotr4(w9, 7), rotr4(w9, 18)), i32x4.shr_u(w9, 3))), w1), v128.xor(v128.xor(rotr4(w6, 17), rotr4(w6, 19)), i32x4.shr_u(w6, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0x983e5152)), w8);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  w9 = i32x4.add(i32x4.add(i32x4.add(w9, v128.xor(v128.xor(rotr4(w10, 7), rotr4(w10, 18)), i32x4.shr_u(w10, 3))), w2), v128.xor(v128.xor(rotr4(w7, 17), rotr4(w7, 19)), i32x4.shr_u(w7, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0xa831c66d)), w9);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  w10 = i32x4.add(i32x4.add(i32x4.add(w10, v128.xor(v128.xor(rotr4(w11, 7), rotr4(w11, 18)), i32x4.shr_u(w11, 3))), w3), v128.xor(v128.xor(rotr4(w8, 17), rotr4(w8, 19)), i32x4.shr_u(w8, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0xb00327c8)), w10);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  w11 = i32x4.add(i32x4.add(i32x4.add(w11, v128.xor(v128.xor(rotr4(w12, 7), rotr4(w12, 18)), i32x4.shr_u(w12, 3))), w4), v128.xor(v128.xor(rotr4(w9, 17), rotr4(w9, 19)), i32x4.shr_u(w9, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0xbf597fc7)), w11);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  w12 = i32x4.add(i32x4.add(i32x4.add(w12, v128.xor(v128.xor(rotr4(w13, 7), rotr4(w13, 18)), i32x4.shr_u(w13, 3))), w5), v128.xor(v128.xor(rotr4(w10, 17), rotr4(w10, 19)), i32x4.shr_u(w10, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0xc6e00bf3)), w12);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  w13 = i32x4.add(i32x4.add(i32x4.add(w13, v128.xor(v128.xor(rotr4(w14, 7), rotr4(w14, 18)), i32x4.shr_u(w14, 3))), w6), v128.xor(v128.xor(rotr4(w11, 17), rotr4(w11, 19)), i32x4.shr_u(w11, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0xd5a79147)), w13);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  w14 = i32x4.add(i32x4.add(i32x4.add(w14, v128.xor(v128.xor(rotr4(w15, 7), rotr4(w15, 18)), i32x4.shr_u(w15, 3))), w7), v128.xor(v128.xor(rotr4(w12, 17), rotr4(w12, 19)), i32x4.shr_u(w12, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0x06ca6351)), w14);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  w15 = i32x4.add(i32x4.add(i32x4.add(w15, v128.xor(v128.xor(rotr4(w0, 7), rotr4(w0, 18)), i32x4.shr_u(w0, 3))), w8), v128.xor(v128.xor(rotr4(w13, 17), rotr4(w13, 19)), i32x4.shr_u(w13, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0x14292967)), w15);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  w0 = i32x4.add(i32x4.add(i32x4.add(w0, v128.xor(v128.xor(rotr4(w1, 7), rotr4(w1, 18)), i32x4.shr_u(w1, 3))), w9), v128.xor(v128.xor(rotr4(w14, 17), rotr4(w14, 19)), i32x4.shr_u(w14, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0x27b70a85)), w0);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  w1 = i32x4.add(i32x4.add(i32x4.add(w1, v128.xor(v128.xor(rotr4(w2, 7), rotr4(w2, 18)), i32x4.shr_u(w2, 3))), w10), v128.xor(v128.xor(rotr4(w15, 17), rotr4(w15, 19)), i32x4.shr_u(w15, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0x2e1b2138)), w1);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  w2 = i32x4.add(i32x4.add(i32x4.add(w2, v128.xor(v128.xor(rotr4(w3, 7), rotr4(w3, 18)), i32x4.shr_u(w3, 3))), w11), v128.xor(v128.xor(rotr4(w0, 17), rotr4(w0, 19)), i32x4.shr_u(w0, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0x4d2c6dfc)), w2);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  w3 = i32x4.add(i32x4.add(i32x4.add(w3, v128.xor(v128.xor(rotr4(w4, 7), rotr4(w4, 18)), i32x4.shr_u(w4, 3))), w12), v128.xor(v128.xor(rotr4(w1, 17), rotr4(w1, 19)), i32x4.shr_u(w1, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0x53380d13)), w3);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  w4 = i32x4.add(i32x4.add(i32x4.add(w4, v128.xor(v128.xor(rotr4(w5, 7), rotr4(w5, 18)), i32x4.shr_u(w5, 3))), w13), v128.xor(v128.xor(rotr4(w2, 17), rotr4(w2, 19)), i32x4.shr_u(w2, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0x650a7354)), w4);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  w5 = i32x4.add(i32x4.add(i32x4.add(w5, v128.xor(v128.xor(rotr4(w6, 7), rotr4(w6, 18)), i32x4.shr_u(w6, 3))), w14), v128.xor(v128.xor(rotr4(w3, 17), rotr4(w3, 19)), i32x4.shr_u(w3, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0x766a0abb)), w5);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  w6 = i32x4.add(i32x4.add(i32x4.add(w6, v128.xor(v128.xor(rotr4(w7, 7), rotr4(w7, 18)), i32x4.shr_u(w7, 3))), w15), v128.xor(v128.xor(rotr4(w4, 17), rotr4(w4, 19)), i32x4.shr_u(w4, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0x81c2c92e)), w6);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  w7 = i32x4.add(i32x4.add(i32x4.add(w7, v128.xor(v128.xor(rotr4(w8, 7), rotr4(w8, 18)), i32x4.shr_u(w8, 3))), w0), v128.xor(v128.xor(rotr4(w5, 17), rotr4(w5, 19)), i32x4.shr_u(w5, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0x92722c85)), w7);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  w8 = i32x4.add(i32x4.add(i32x4.add(w8, v128.xor(v128.xor(rotr4(w9, 7), rotr4(w9, 18)), i32x4.shr_u(w9, 3))), w1), v128.xor(v128.xor(rotr4(w6, 17), rotr4(w6, 19)), i32x4.shr_u(w6, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0xa2bfe8a1)), w8);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  w9 = i32x4.add(i32x4.add(i32x4.add(w9, v128.xor(v128.xor(rotr4(w10, 7), rotr4(w10, 18)), i32x4.shr_u(w10, 3))), w2), v128.xor(v128.xor(rotr4(w7, 17), rotr4(w7, 19)), i32x4.shr_u(w7, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0xa81a664b)), w9);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  w10 = i32x4.add(i32x4.add(i32x4.add(w10, v128.xor(v128.xor(rotr4(w11, 7), rotr4(w11, 18)), i32x4.shr_u(w11, 3))), w3), v128.xor(v128.xor(rotr4(w8, 17), rotr4(w8, 19)), i32x4.shr_u(w8, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0xc24b8b70)), w10);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  w11 = i32x4.add(i32x4.add(i32x4.add(w11, v128.xor(v128.xor(rotr4(w12, 7), rotr4(w12, 18)), i32x4.shr_u(w12, 3))), w4), v128.xor(v128.xor(rotr4(w9, 17), rotr4(w9, 19)), i32x4.shr_u(w9, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0xc76c51a3)), w11);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  w12 = i32x4.add(i32x4.add(i32x4.add(w12, v128.xor(v128.xor(rotr4(w13, 7), rotr4(w13, 18)), i32x4.shr_u(w13, 3))), w5), v128.xor(v128.xor(rotr4(w10, 17), rotr4(w10, 19)), i32x4.shr_u(w10, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0xd192e819)), w12);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  w13 = i32x4.add(i32x4.add(i32x4.add(w13, v128.xor(v128.xor(rotr4(w14, 7), rotr4(w14, 18)), i32x4.shr_u(w14, 3))), w6), v128.xor(v128.xor(rotr4(w11, 17), rotr4(w11, 19)), i32x4.shr_u(w11, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0xd6990624)), w13);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  w14 = i32x4.add(i32x4.add(i32x4.add(w14, v128.xor(v128.xor(rotr4(w15, 7), rotr4(w15, 18)), i32x4.shr_u(w15, 3))), w7), v128.xor(v128.xor(rotr4(w12, 17), rotr4(w12, 19)), i32x4.shr_u(w12, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0xf40e3585)), w14);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  w15 = i32x4.add(i32x4.add(i32x4.add(w15, v128.xor(v128.xor(rotr4(w0, 7), rotr4(w0, 18)), i32x4.shr_u(w0, 3))), w8), v128.xor(v128.xor(rotr4(w13, 17), rotr4(w13, 19)), i32x4.shr_u(w13, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0x106aa070)), w15);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  w0 = i32x4.add(i32x4.add(i32x4.add(w0, v128.xor(v128.xor(rotr4(w1, 7), rotr4(w1, 18)), i32x4.shr_u(w1, 3))), w9), v128.xor(v128.xor(rotr4(w14, 17), rotr4(w14, 19)), i32x4.shr_u(w14, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0x19a4c116)), w0);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  w1 = i32x4.add(i32x4.add(i32x4.add(w1, v128.xor(v128.xor(rotr4(w2, 7), rotr4(w2, 18)), i32x4.shr_u(w2, 3))), w10), v128.xor(v128.xor(rotr4(w15, 17), rotr4(w15, 19)), i32x4.shr_u(w15, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0x1e376c08)), w1);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  w2 = i32x4.add(i32x4.add(i32x4.add(w2, v128.xor(v128.xor(rotr4(w3, 7), rotr4(w3, 18)), i32x4.shr_u(w3, 3))), w11), v128.xor(v128.xor(rotr4(w0, 17), rotr4(w0, 19)), i32x4.shr_u(w0, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0x2748774c)), w2);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  w3 = i32x4.add(i32x4.add(i32x4.add(w3, v128.xor(v128.xor(rotr4(w4, 7), rotr4(w4, 18)), i32x4.shr_u(w4, 3))), w12), v128.xor(v128.xor(rotr4(w1, 17), rotr4(w1, 19)), i32x4.shr_u(w1, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0x34b0bcb5)), w3);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  w4 = i32x4.add(i32x4.add(i32x4.add(w4, v128.xor(v128.xor(rotr4(w5, 7), rotr4(w5, 18)), i32x4.shr_u(w5, 3))), w13), v128.xor(v128.xor(rotr4(w2, 17), rotr4(w2, 19)), i32x4.shr_u(w2, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0x391c0cb3)), w4);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  w5 = i32x4.add(i32x4.add(i32x4.add(w5, v128.xor(v128.xor(rotr4(w6, 7), rotr4(w6, 18)), i32x4.shr_u(w6, 3))), w14), v128.xor(v128.xor(rotr4(w3, 17), rotr4(w3, 19)), i32x4.shr_u(w3, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0x4ed8aa4a)), w5);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  w6 = i32x4.add(i32x4.add(i32x4.add(w6, v128.xor(v128.xor(rotr4(w7, 7), rotr4(w7, 18)), i32x4.shr_u(w7, 3))), w15), v128.xor(v128.xor(rotr4(w4, 17), rotr4(w4, 19)), i32x4.shr_u(w4, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0x5b9cca4f)), w6);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  w7 = i32x4.add(i32x4.add(i32x4.add(w7, v128.xor(v128.xor(rotr4(w8, 7), rotr4(w8, 18)), i32x4.shr_u(w8, 3))), w0), v128.xor(v128.xor(rotr4(w5, 17), rotr4(w5, 19)), i32x4.shr_u(w5, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0x682e6ff3)), w7);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  w8 = i32x4.add(i32x4.add(i32x4.add(w8, v128.xor(v128.xor(rotr4(w9, 7), rotr4(w9, 18)), i32x4.shr_u(w9, 3))), w1), v128.xor(v128.xor(rotr4(w6, 17), rotr4(w6, 19)), i32x4.shr_u(w6, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(h, v128.xor(v128.xor(rotr4(e, 6), rotr4(e, 11)), rotr4(e, 25))), v128.bitselect(f, g, e)), i32x4.splat(0x748f82ee)), w8);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(a, 2), rotr4(a, 13)), rotr4(a, 22)), v128.bitselect(b, a, v128.xor(a, c)));
  d = i32x4.add(d, t1);
  h = i32x4.add(t1, t2);
  w9 = i32x4.add(i32x4.add(i32x4.add(w9, v128.xor(v128.xor(rotr4(w10, 7), rotr4(w10, 18)), i32x4.shr_u(w10, 3))), w2), v128.xor(v128.xor(rotr4(w7, 17), rotr4(w7, 19)), i32x4.shr_u(w7, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(g, v128.xor(v128.xor(rotr4(d, 6), rotr4(d, 11)), rotr4(d, 25))), v128.bitselect(e, f, d)), i32x4.splat(0x78a5636f)), w9);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(h, 2), rotr4(h, 13)), rotr4(h, 22)), v128.bitselect(a, h, v128.xor(h, b)));
  c = i32x4.add(c, t1);
  g = i32x4.add(t1, t2);
  w10 = i32x4.add(i32x4.add(i32x4.add(w10, v128.xor(v128.xor(rotr4(w11, 7), rotr4(w11, 18)), i32x4.shr_u(w11, 3))), w3), v128.xor(v128.xor(rotr4(w8, 17), rotr4(w8, 19)), i32x4.shr_u(w8, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(f, v128.xor(v128.xor(rotr4(c, 6), rotr4(c, 11)), rotr4(c, 25))), v128.bitselect(d, e, c)), i32x4.splat(0x84c87814)), w10);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(g, 2), rotr4(g, 13)), rotr4(g, 22)), v128.bitselect(h, g, v128.xor(g, a)));
  b = i32x4.add(b, t1);
  f = i32x4.add(t1, t2);
  w11 = i32x4.add(i32x4.add(i32x4.add(w11, v128.xor(v128.xor(rotr4(w12, 7), rotr4(w12, 18)), i32x4.shr_u(w12, 3))), w4), v128.xor(v128.xor(rotr4(w9, 17), rotr4(w9, 19)), i32x4.shr_u(w9, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(e, v128.xor(v128.xor(rotr4(b, 6), rotr4(b, 11)), rotr4(b, 25))), v128.bitselect(c, d, b)), i32x4.splat(0x8cc70208)), w11);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(f, 2), rotr4(f, 13)), rotr4(f, 22)), v128.bitselect(g, f, v128.xor(f, h)));
  a = i32x4.add(a, t1);
  e = i32x4.add(t1, t2);
  w12 = i32x4.add(i32x4.add(i32x4.add(w12, v128.xor(v128.xor(rotr4(w13, 7), rotr4(w13, 18)), i32x4.shr_u(w13, 3))), w5), v128.xor(v128.xor(rotr4(w10, 17), rotr4(w10, 19)), i32x4.shr_u(w10, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(d, v128.xor(v128.xor(rotr4(a, 6), rotr4(a, 11)), rotr4(a, 25))), v128.bitselect(b, c, a)), i32x4.splat(0x90befffa)), w12);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(e, 2), rotr4(e, 13)), rotr4(e, 22)), v128.bitselect(f, e, v128.xor(e, g)));
  h = i32x4.add(h, t1);
  d = i32x4.add(t1, t2);
  w13 = i32x4.add(i32x4.add(i32x4.add(w13, v128.xor(v128.xor(rotr4(w14, 7), rotr4(w14, 18)), i32x4.shr_u(w14, 3))), w6), v128.xor(v128.xor(rotr4(w11, 17), rotr4(w11, 19)), i32x4.shr_u(w11, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(c, v128.xor(v128.xor(rotr4(h, 6), rotr4(h, 11)), rotr4(h, 25))), v128.bitselect(a, b, h)), i32x4.splat(0xa4506ceb)), w13);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(d, 2), rotr4(d, 13)), rotr4(d, 22)), v128.bitselect(e, d, v128.xor(d, f)));
  g = i32x4.add(g, t1);
  c = i32x4.add(t1, t2);
  w14 = i32x4.add(i32x4.add(i32x4.add(w14, v128.xor(v128.xor(rotr4(w15, 7), rotr4(w15, 18)), i32x4.shr_u(w15, 3))), w7), v128.xor(v128.xor(rotr4(w12, 17), rotr4(w12, 19)), i32x4.shr_u(w12, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(b, v128.xor(v128.xor(rotr4(g, 6), rotr4(g, 11)), rotr4(g, 25))), v128.bitselect(h, a, g)), i32x4.splat(0xbef9a3f7)), w14);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(c, 2), rotr4(c, 13)), rotr4(c, 22)), v128.bitselect(d, c, v128.xor(c, e)));
  f = i32x4.add(f, t1);
  b = i32x4.add(t1, t2);
  w15 = i32x4.add(i32x4.add(i32x4.add(w15, v128.xor(v128.xor(rotr4(w0, 7), rotr4(w0, 18)), i32x4.shr_u(w0, 3))), w8), v128.xor(v128.xor(rotr4(w13, 17), rotr4(w13, 19)), i32x4.shr_u(w13, 10)));
  t1 = i32x4.add(i32x4.add(i32x4.add(i32x4.add(a, v128.xor(v128.xor(rotr4(f, 6), rotr4(f, 11)), rotr4(f, 25))), v128.bitselect(g, h, f)), i32x4.splat(0xc67178f2)), w15);
  t2 = i32x4.add(v128.xor(v128.xor(rotr4(b, 2), rotr4(b, 13)), rotr4(b, 22)), v128.bitselect(c, b, v128.xor(b, d)));
  e = i32x4.add(e, t1);
  a = i32x4.add(t1, t2);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 0), a), 0);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 16), b), 16);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 32), c), 32);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 48), d), 48);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 64), e), 64);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 80), f), 80);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 96), g), 96);
  v128.store(STATE4, i32x4.add(v128.load(STATE4, 112), h), 112);
}


function initState(): void {
  store<u32>(STATE, 0x6a09e667); store<u32>(STATE, 0xbb67ae85, 4); store<u32>(STATE, 0x3c6ef372, 8); store<u32>(STATE, 0xa54ff53a, 12);
  store<u32>(STATE, 0x510e527f, 16); store<u32>(STATE, 0x9b05688c, 20); store<u32>(STATE, 0x1f83d9ab, 24); store<u32>(STATE, 0x5be0cd19, 28);
}

/** SHA-256 of (prefix byte, unless prefix < 0) ‖ data[ptr, ptr+len), written big-endian to out. */
function hashMessage(prefix: i32, ptr: usize, len: usize, out: usize): void {
  initState();
  const extra: usize = prefix >= 0 ? 1 : 0;
  const total: usize = len + extra;
  // Full blocks of the virtual message (prefix ‖ data).
  let pos: usize = 0;
  while (pos + 64 <= total) {
    if (pos == 0 && extra == 1) {
      store<u8>(BLOCK, <u8>prefix);
      memory.copy(BLOCK + 1, ptr, 63);
    } else {
      memory.copy(BLOCK, ptr + pos - extra, 64);
    }
    compress();
    pos += 64;
  }
  // The tail, the 0x80 marker, zeros and the bit length.
  let fill: usize = 0;
  if (pos == 0 && extra == 1) {
    store<u8>(BLOCK, <u8>prefix);
    memory.copy(BLOCK + 1, ptr, len);
    fill = total;
  } else {
    fill = total - pos;
    memory.copy(BLOCK, ptr + pos - extra, fill);
  }
  store<u8>(BLOCK + fill, 0x80);
  fill++;
  if (fill > 56) {
    memory.fill(BLOCK + fill, 0, 64 - fill);
    compress();
    fill = 0;
  }
  memory.fill(BLOCK + fill, 0, 56 - fill);
  store<u64>(BLOCK + 56, bswap<u64>(<u64>total << 3));
  compress();
  for (let i: usize = 0; i < 8; i++) store<u32>(out + (i << 2), bswap<u32>(load<u32>(STATE + (i << 2))));
}

/** SHA-256 of len bytes at ptr, to out. */
export function sha256(ptr: usize, len: usize, out: usize): void {
  hashMessage(-1, ptr, len, out);
}

/**
 * RFC 6962 leaf hashes SHA-256(0x00 ‖ entry) of `count` entries stored back to back at `data`,
 * entry i spanning [offsets[i], offsets[i+1]) (u32 offsets relative to data), to out (32 bytes each).
 */
export function hashLeaves(data: usize, offsets: usize, count: u32, out: usize): void {
  for (let i: usize = 0; i < <usize>count; i++) {
    const start = <usize>load<u32>(offsets + (i << 2));
    const end = <usize>load<u32>(offsets + ((i + 1) << 2));
    hashMessage(0, data + start, end - start, out + (i << 5));
  }
}

/** Stores schedule word t of lane `lane` (already big-endian-decoded) into WT. */
@inline function putWord(t: usize, lane: usize, word: u32): void {
  store<u32>(WT + (t << 4) + (lane << 2), word);
}

/**
 * Four interior nodes at once: pairs p..p+3 at `input`, each hashed as the 65-byte message
 * 0x01 ‖ pair, i.e. two blocks: 0x01 ‖ pair[0..63), then pair[63] ‖ 0x80 ‖ zeros ‖ bit length 520.
 */
function hashFourPairs(input: usize, out: usize): void {
  initState();
  for (let i: usize = 0; i < 8; i++) v128.store(STATE4 + (i << 4), i32x4.splat(load<u32>(STATE + (i << 2))));
  for (let lane: usize = 0; lane < 4; lane++) {
    const pair = input + (lane << 6);
    // Word 0 is 0x01 then pair bytes 0..2; word t ≥ 1 is pair bytes 4t-1 .. 4t+2.
    putWord(0, lane, 0x01000000 | (<u32>load<u8>(pair) << 16) | (<u32>load<u8>(pair, 1) << 8) | <u32>load<u8>(pair, 2));
    for (let t: usize = 1; t < 16; t++) putWord(t, lane, bswap<u32>(load<u32>(pair + (t << 2) - 1)));
  }
  compress4();
  for (let lane: usize = 0; lane < 4; lane++) {
    putWord(0, lane, (<u32>load<u8>(input + (lane << 6), 63) << 24) | 0x800000);
    for (let t: usize = 1; t < 15; t++) putWord(t, lane, 0);
    putWord(15, lane, 520);
  }
  compress4();
  for (let i: usize = 0; i < 8; i++) {
    v128.store(OUT4, v128.load(STATE4 + (i << 4)));
    for (let lane: usize = 0; lane < 4; lane++) store<u32>(out + (lane << 5) + (i << 2), bswap<u32>(load<u32>(OUT4 + (lane << 2))));
  }
}

/** RFC 6962 interior nodes SHA-256(0x01 ‖ left ‖ right) for `count` adjacent pairs of 32-byte hashes at input. */
export function hashPairs(input: usize, count: u32, out: usize): void {
  let i: usize = 0;
  for (; i + 4 <= <usize>count; i += 4) hashFourPairs(input + (i << 6), out + (i << 5));
  for (; i < <usize>count; i++) hashMessage(1, input + (i << 6), 64, out + (i << 5));
}

/**
 * RFC 6962 leaf hashes of the entries of a C2SP tlog-tiles entry bundle (uint16_be length ‖ entry,
 * repeated) of `len` bytes at `data`, to out. Returns how many entries it holds, or -1 when a length
 * runs past the end; the caller checks the count.
 */
export function hashBundleLeaves(data: usize, len: usize, maxCount: u32, out: usize): i32 {
  let offset: usize = 0;
  let count: u32 = 0;
  while (offset < len) {
    if (offset + 2 > len || count >= maxCount) return -1;
    const entryLen = (<usize>load<u8>(data + offset) << 8) | <usize>load<u8>(data + offset + 1);
    if (offset + 2 + entryLen > len) return -1;
    hashMessage(0, data + offset + 2, entryLen, out + (<usize>count << 5));
    offset += 2 + entryLen;
    count++;
  }
  return <i32>count;
}
