import { useMemo, useState, type ReactNode } from 'react';
import { tryDecodeUtf8 } from '../../../../shared/encoding/index.js';

type Mode = 'json' | 'text' | 'hex';

/** Renders a JSON value with coloured keys, strings, numbers and literals (as React text, never HTML). */
function renderJson(value: unknown, indent: string): ReactNode {
  if (value === null || typeof value === 'boolean') return <span className="json-literal">{String(value)}</span>;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return (
      <>
        {'[\n'}
        {value.map((v, i) => (
          <span key={i}>
            {inner}
            {renderJson(v, inner)}
            {i < value.length - 1 ? ',\n' : '\n'}
          </span>
        ))}
        {`${indent}]`}
      </>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return (
    <>
      {'{\n'}
      {entries.map(([k, v], i) => (
        <span key={k}>
          {inner}
          <span className="json-key">{JSON.stringify(k)}</span>
          {': '}
          {renderJson(v, inner)}
          {i < entries.length - 1 ? ',\n' : '\n'}
        </span>
      ))}
      {`${indent}}`}
    </>
  );
}

/** Returns a classic hex dump: offset, 16 bytes, their printable ASCII. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const chunk = bytes.subarray(at, at + 16);
    const hex = Array.from(chunk, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${at.toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

/** The entry's body: pretty JSON when it parses, else text, else a hex dump; the user can switch. */
export function BodyView({ body }: { body: Uint8Array }) {
  const decoded = useMemo(() => {
    const text = tryDecodeUtf8(body);
    let json: unknown;
    let isJson = false;
    if (text !== undefined) {
      try {
        json = JSON.parse(text);
        isJson = typeof json === 'object' && json !== null;
      } catch {
        isJson = false;
      }
    }
    return { text, json, isJson };
  }, [body]);
  const preferred: Mode = decoded.isJson ? 'json' : decoded.text !== undefined ? 'text' : 'hex';
  const [chosen, setChosen] = useState<Mode | undefined>(undefined);
  const mode = chosen ?? preferred;
  const available: Mode[] = [...(decoded.isJson ? (['json'] as const) : []), ...(decoded.text !== undefined ? (['text'] as const) : []), 'hex'];
  return (
    <div>
      <div className="row" style={{ marginBottom: 6 }}>
        <h3 className="grow">Body · {body.length} bytes</h3>
        <div className="seg" role="group" aria-label="Body format">
          {available.map((m) => (
            <button key={m} type="button" aria-pressed={m === mode} onClick={() => setChosen(m)}>
              {m.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <pre className="body-view" aria-label="Entry body" tabIndex={0}>
        {mode === 'json' ? renderJson(decoded.json, '') : mode === 'text' ? decoded.text : hexDump(body)}
      </pre>
    </div>
  );
}
