#!/usr/bin/env node
// Draws build/icons/icon.svg into build/icons/<N>x<N>.png for electron-builder (Linux takes the
// folder, macOS and Windows convert the 1024 px one). No rasterizer package and no network: the SVG
// is kept to what this file can draw exactly (rect with rx, circle, round-capped line, solid fills),
// and anything else in it is refused rather than drawn wrong. The PNGs are committed;
// test/unit/build/icons.test.ts checks they are what this script draws from the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ICON_DIR = path.join(here, 'icons');
export const ICON_SVG = path.join(ICON_DIR, 'icon.svg');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function attributes(text) {
  const out = {};
  for (const m of text.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function number(attrs, name, tag) {
  const value = Number(attrs[name]);
  if (!Number.isFinite(value)) throw new Error(`icon.svg: <${tag}> needs a numeric ${name}, got ${JSON.stringify(attrs[name])}`);
  return value;
}

function colour(text, tag) {
  const m = /^#([0-9a-f]{6})$/i.exec(text ?? '');
  if (!m) throw new Error(`icon.svg: <${tag}> colours must be #rrggbb, got ${JSON.stringify(text)}`);
  const v = parseInt(m[1], 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Returns the drawing in icon.svg: its view box size and its shapes in paint order. */
export function parseIconSvg(svg) {
  let viewSize;
  const shapes = [];
  for (const m of svg.matchAll(/<([a-zA-Z]+)([^>]*?)\/?>/g)) {
    const [, tag, rest] = m;
    const a = attributes(rest);
    switch (tag) {
      case 'svg': {
        const box = (a.viewBox ?? '').split(/\s+/).map(Number);
        if (box.length !== 4 || box[0] !== 0 || box[1] !== 0 || box[2] !== box[3]) throw new Error('icon.svg: the viewBox must be a square "0 0 N N"');
        viewSize = box[2];
        break;
      }
      case 'title':
        break;
      case 'rect':
        shapes.push({ kind: 'rect', x: number(a, 'x', tag), y: number(a, 'y', tag), width: number(a, 'width', tag), height: number(a, 'height', tag), rx: a.rx === undefined ? 0 : number(a, 'rx', tag), rgb: colour(a.fill, tag) });
        break;
      case 'circle':
        shapes.push({ kind: 'circle', cx: number(a, 'cx', tag), cy: number(a, 'cy', tag), r: number(a, 'r', tag), rgb: colour(a.fill, tag) });
        break;
      case 'line':
        if (a['stroke-linecap'] !== 'round') throw new Error('icon.svg: <line> must have stroke-linecap="round"');
        shapes.push({ kind: 'line', x1: number(a, 'x1', tag), y1: number(a, 'y1', tag), x2: number(a, 'x2', tag), y2: number(a, 'y2', tag), width: number(a, 'stroke-width', tag), rgb: colour(a.stroke, tag) });
        break;
      default:
        throw new Error(`icon.svg: <${tag}> is not drawn by build/make-icons.mjs; use rect, circle or line`);
    }
  }
  if (viewSize === undefined) throw new Error('icon.svg: no <svg viewBox>');
  return { viewSize, shapes };
}

/** Signed distance (in SVG units) from (x, y) to the shape's edge: negative inside. */
function distance(shape, x, y) {
  switch (shape.kind) {
    case 'circle':
      return Math.sqrt((x - shape.cx) ** 2 + (y - shape.cy) ** 2) - shape.r;
    case 'line': {
      const dx = shape.x2 - shape.x1;
      const dy = shape.y2 - shape.y1;
      const t = Math.min(1, Math.max(0, ((x - shape.x1) * dx + (y - shape.y1) * dy) / (dx * dx + dy * dy)));
      return Math.sqrt((x - shape.x1 - t * dx) ** 2 + (y - shape.y1 - t * dy) ** 2) - shape.width / 2;
    }
    case 'rect': {
      const qx = Math.abs(x - (shape.x + shape.width / 2)) - shape.width / 2 + shape.rx;
      const qy = Math.abs(y - (shape.y + shape.height / 2)) - shape.height / 2 + shape.rx;
      return Math.sqrt(Math.max(qx, 0) ** 2 + Math.max(qy, 0) ** 2) + Math.min(Math.max(qx, qy), 0) - shape.rx;
    }
    default:
      throw new Error(`bug: shape ${shape.kind}`);
  }
}

function bounds(shape) {
  switch (shape.kind) {
    case 'circle':
      return [shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r];
    case 'line': {
      const h = shape.width / 2;
      return [Math.min(shape.x1, shape.x2) - h, Math.min(shape.y1, shape.y2) - h, Math.max(shape.x1, shape.x2) + h, Math.max(shape.y1, shape.y2) + h];
    }
    case 'rect':
      return [shape.x, shape.y, shape.x + shape.width, shape.y + shape.height];
    default:
      throw new Error(`bug: shape ${shape.kind}`);
  }
}

/**
 * Returns size×size straight-alpha RGBA pixels of the drawing. Edges are anti-aliased from the
 * signed distance at each pixel centre (coverage = ½ − distance in pixels, clamped), which is
 * exact for straight edges and close for curves; shapes are composited source-over in order.
 */
export function rasterize({ viewSize, shapes }, size) {
  const scale = viewSize / size;
  const premultiplied = new Float64Array(size * size * 4);
  for (const shape of shapes) {
    const [x0, y0, x1, y1] = bounds(shape);
    const fromX = Math.max(0, Math.floor(x0 / scale) - 1);
    const toX = Math.min(size - 1, Math.ceil(x1 / scale) + 1);
    const fromY = Math.max(0, Math.floor(y0 / scale) - 1);
    const toY = Math.min(size - 1, Math.ceil(y1 / scale) + 1);
    for (let py = fromY; py <= toY; py++) {
      for (let px = fromX; px <= toX; px++) {
        const coverage = Math.min(1, Math.max(0, 0.5 - distance(shape, (px + 0.5) * scale, (py + 0.5) * scale) / scale));
        if (coverage === 0) continue;
        const i = (py * size + px) * 4;
        const keep = 1 - coverage;
        for (let c = 0; c < 3; c++) premultiplied[i + c] = (shape.rgb[c] / 255) * coverage + premultiplied[i + c] * keep;
        premultiplied[i + 3] = coverage + premultiplied[i + 3] * keep;
      }
    }
  }
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = premultiplied[i + 3];
    if (alpha === 0) continue;
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((premultiplied[i + c] / alpha) * 255);
    rgba[i + 3] = Math.round(alpha * 255);
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Returns a PNG (8-bit RGBA, no interlace, filter type 0 on every row) of the pixels. */
export function encodePng(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Returns the size and RGBA pixels of a PNG written by encodePng; throws on a bad signature or
 * CRC, or on anything encodePng does not write (other formats, row filters).
 */
export function decodePng(png) {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let size;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (png.readUInt32BE(offset + 8 + length) !== crc32(png.subarray(offset + 4, offset + 8 + length))) throw new Error(`PNG chunk ${type} has a bad CRC`);
    if (type === 'IHDR') {
      if (data.readUInt32BE(0) !== data.readUInt32BE(4) || !data.subarray(8).equals(Buffer.from([8, 6, 0, 0, 0]))) throw new Error('PNG is not a square 8-bit RGBA image');
      size = data.readUInt32BE(0);
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (size === undefined) throw new Error('PNG has no IHDR');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = size * 4 + 1;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    if (raw[y * stride] !== 0) throw new Error(`PNG row ${y} uses filter ${raw[y * stride]}`);
    rgba.set(raw.subarray(y * stride + 1, (y + 1) * stride), y * size * 4);
  }
  return { size, rgba };
}

/** Returns the path of the PNG for one size. */
export function iconPngPath(size) {
  return path.join(ICON_DIR, `${size}x${size}.png`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const drawing = parseIconSvg(readFileSync(ICON_SVG, 'utf8'));
  for (const size of ICON_SIZES) writeFileSync(iconPngPath(size), encodePng(rasterize(drawing, size), size));
  console.log(`wrote ${ICON_SIZES.map((s) => `${s}x${s}.png`).join(', ')} to ${path.relative(process.cwd(), ICON_DIR) || '.'}`);
}
