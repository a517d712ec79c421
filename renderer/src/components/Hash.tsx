import { useState } from 'react';
import { shortHash } from '../format/format.js';

/** Copies text; quietly does nothing where the clipboard is not allowed. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="copy"
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      onClick={async () => {
        if (await copyText(text)) {
          setCopied(true);
          setTimeout(() => setCopied(false), 1200);
        }
      }}
    >
      {copied ? 'copied' : 'copy'}
    </button>
  );
}

/** A hash: shortened (full on hover), or in full; with a copy button. */
export function Hash({ value, chars = 12, full = false, label = 'hash', copy = true }: { value: string; chars?: number; full?: boolean; label?: string; copy?: boolean }) {
  return (
    <span className="hash-wrap">
      <span className={full ? 'hash-full' : 'hash'} title={value}>
        {full ? value : shortHash(value, chars)}
      </span>
      {copy && <CopyButton text={value} label={label} />}
    </span>
  );
}
