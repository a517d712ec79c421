import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface Drawing {
  readonly viewSize: number;
  readonly shapes: readonly unknown[];
}
interface MakeIcons {
  readonly ICON_SVG: string;
  readonly ICON_SIZES: readonly number[];
  parseIconSvg(svg: string): Drawing;
  rasterize(drawing: Drawing, size: number): Uint8Array;
  encodePng(rgba: Uint8Array, size: number): Buffer;
  decodePng(png: Buffer): { size: number; rgba: Uint8Array };
  iconPngPath(size: number): string;
}

const icons = (await import(path.join(root, 'build/make-icons.mjs'))) as MakeIcons;

function pixel(rgba: Uint8Array, size: number, x: number, y: number): number[] {
  const i = (y * size + x) * 4;
  return [...rgba.subarray(i, i + 4)];
}

describe('build/icons', () => {
  const drawing = icons.parseIconSvg(readFileSync(icons.ICON_SVG, 'utf8'));

  it('holds each PNG size exactly as build/make-icons.mjs draws it from icon.svg', () => {
    for (const size of icons.ICON_SIZES) {
      const committed = icons.decodePng(readFileSync(icons.iconPngPath(size)));
      expect(committed.size, `${size}x${size}.png`).toBe(size);
      // Pixels, not bytes: another zlib may compress the same image differently.
      expect(Buffer.from(committed.rgba).equals(Buffer.from(icons.rasterize(drawing, size))), `${size}x${size}.png is stale: run node build/make-icons.mjs`).toBe(true);
    }
  });

  it('draws the mark on a transparent ground: opaque tile, clear corners', () => {
    const size = 256;
    const rgba = icons.rasterize(drawing, size);
    expect(pixel(rgba, size, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(rgba, size, 40, 128)[3]).toBe(255);
    // The root node (512, 280 in the 1024 view box) is the accent colour.
    expect(pixel(rgba, size, 128, 70)).toEqual([0x2d, 0xd4, 0xbf, 255]);
  });

  it('round-trips through encodePng/decodePng and refuses a corrupted chunk', () => {
    const rgba = icons.rasterize(drawing, 16);
    const png = icons.encodePng(rgba, 16);
    expect(Buffer.from(icons.decodePng(png).rgba).equals(Buffer.from(rgba))).toBe(true);
    const corrupt = Buffer.from(png);
    corrupt[20] = corrupt[20]! ^ 1;
    expect(() => icons.decodePng(corrupt)).toThrow(/CRC/);
  });

  describe('given an SVG element the script cannot draw exactly', () => {
    it('refuses it rather than drawing something else', () => {
      expect(() => icons.parseIconSvg('<svg viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg>')).toThrow(/<path> is not drawn/);
      expect(() => icons.parseIconSvg('<svg viewBox="0 0 10 10"><line x1="0" y1="0" x2="1" y2="1" stroke="#000000" stroke-width="1"/></svg>')).toThrow(/stroke-linecap/);
      expect(() => icons.parseIconSvg('<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="2" fill="red"/></svg>')).toThrow(/#rrggbb/);
    });
  });
});
