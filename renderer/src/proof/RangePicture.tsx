import type { ReactNode } from 'react';
import { formatCount } from '../format/format.js';
import type { Bracket, PictureNode } from './picture-types.js';
import { heightOf, leafScale } from './tree-ranges.js';

export type { Bracket, PictureNode } from './picture-types.js';

const ROW = 40;
const BOX = 30;
const PAD_X = 8;
const AXIS = 34;

/**
 * An icicle picture of an RFC 6962 tree: each node is a bar spanning its leaves, one row per level,
 * root on top. Only the nodes given are drawn, so a proof over a billion leaves is a few dozen bars.
 */
export function RangePicture({ size, nodes, brackets = [], width = 960, label }: { size: number; nodes: readonly PictureNode[]; brackets?: readonly Bracket[]; width?: number; label: string }) {
  const top = heightOf({ start: 0, end: size });
  const points = nodes.flatMap((n) => [n.range.start, n.range.end]).concat(brackets.flatMap((b) => [b.range.start, b.range.end]));
  const inner = width - 2 * PAD_X;
  const scale = leafScale(points, size, inner);
  const x = (leaf: number) => PAD_X + scale(leaf);
  const rows = top + 1;
  const bracketsY = rows * ROW + 6;
  const height = bracketsY + (brackets.length > 0 ? brackets.length * 22 : 0) + AXIS;

  const ticks = [...new Set(points)].sort((a, b) => a - b);
  let lastTickX = -Infinity;
  const tickLabels: ReactNode[] = [];
  for (const t of ticks) {
    const tx = x(t);
    if (tx - lastTickX < 46 && t !== size) continue;
    lastTickX = tx;
    tickLabels.push(
      <text key={t} x={tx} y={height - 10} textAnchor={t === 0 ? 'start' : t === size ? 'end' : 'middle'}>
        {formatCount(t)}
      </text>,
    );
  }

  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} style={{ maxWidth: width }}>
      {nodes.map((n) => {
        const h = heightOf(n.range);
        const x0 = x(n.range.start) + 1;
        const x1 = x(n.range.end) - 1;
        const w = Math.max(3, x1 - x0);
        const y = (top - h) * ROW + (ROW - BOX) / 2;
        const chars = Math.floor((w - 8) / 6.6);
        return (
          <g
            key={`${n.range.start}-${n.range.end}`}
            className={`node ${n.className}`}
            data-range={`${n.range.start}-${n.range.end}`}
            onClick={n.onClick}
            style={n.onClick ? { cursor: 'pointer' } : undefined}
          >
            <title>{n.title}</title>
            <rect x={x0} y={y} width={w} height={BOX} rx={3} />
            {chars >= 3 && n.label !== '' && (
              <text x={x0 + w / 2} y={n.sub && chars >= 6 ? y + 12 : y + BOX / 2 + 4} textAnchor="middle">
                {n.label.length > chars ? `${n.label.slice(0, Math.max(1, chars - 1))}…` : n.label}
              </text>
            )}
            {n.sub && chars >= 6 && (
              <text className="sub" x={x0 + w / 2} y={n.label === '' ? y + BOX / 2 + 4 : y + 25} textAnchor="middle">
                {n.sub.length > chars ? `${n.sub.slice(0, chars - 1)}…` : n.sub}
              </text>
            )}
          </g>
        );
      })}
      {brackets.map((b, i) => {
        const x0 = x(b.range.start) + 1;
        const x1 = x(b.range.end) - 1;
        const y = bracketsY + i * 22;
        return (
          <g key={b.label} className={`bracket ${b.className}`}>
            <path d={`M${x0},${y} v6 H${x1} v-6`} />
            <text x={(x0 + x1) / 2} y={y + 18} textAnchor="middle">
              {b.label}
            </text>
          </g>
        );
      })}
      <g className="axis">
        <line x1={PAD_X} x2={width - PAD_X} y1={height - AXIS + 6} y2={height - AXIS + 6} />
        {tickLabels}
      </g>
    </svg>
  );
}
