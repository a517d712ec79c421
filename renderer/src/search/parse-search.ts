import type { SearchInput } from '../../../shared/api/index.js';

/** What the explorer's search box asks for. */
export type SearchIntent =
  | { readonly kind: 'empty' }
  | { readonly kind: 'index'; readonly logIndex: number }
  /** Every query is run; the matches are merged (a bare 64-hex value may be a digest or a uuid). */
  | { readonly kind: 'search'; readonly label: string; readonly queries: readonly SearchInput[] }
  | { readonly kind: 'invalid'; readonly message: string };

export const SEARCH_HELP = 'a log index (42), sha256 digest, uuid, key fingerprint, email (* wildcards) or field name=value';

/**
 * Returns what a search box text means. Prefixes force a type (`sha256:`, `uuid:`, `email:`, `key:`,
 * `field:`, `#`); otherwise the shape decides: digits → log index, 64 hex → digest or uuid, 80 hex →
 * Rekor uuid, other hex or `SHA256:` → key fingerprint, `@` → email, `=` → custom field.
 */
export function parseSearchQuery(text: string): SearchIntent {
  const q = text.trim();
  if (q === '') return { kind: 'empty' };
  // OpenSSH's fingerprint form, before the `sha256:` prefix (which is case-insensitive) can claim it.
  if (/^SHA256:[A-Za-z0-9+/]{43}=?$/.test(q)) return { kind: 'search', label: `key ${q}`, queries: [{ keyFingerprint: q }] };
  const prefixed = /^(sha256|uuid|email|key|fp|field|index|#):?\s*(.*)$/i.exec(q);
  if (prefixed && (prefixed[1] === '#' || q.includes(':'))) {
    const [, prefix, rest] = prefixed as unknown as [string, string, string];
    const value = rest.trim();
    switch (prefix.toLowerCase()) {
      case '#':
      case 'index':
        return /^\d{1,16}$/.test(value) && Number.isSafeInteger(Number(value)) ? { kind: 'index', logIndex: Number(value) } : { kind: 'invalid', message: `${JSON.stringify(value)} is not a log index` };
      case 'sha256':
        return /^[0-9a-f]{64}$/i.test(value) ? { kind: 'search', label: `sha256 ${value.toLowerCase()}`, queries: [{ sha256: value.toLowerCase() }] } : { kind: 'invalid', message: 'a sha256 digest is 64 hex digits' };
      case 'uuid':
        return /^([0-9a-f]{16})?[0-9a-f]{64}$/i.test(value) ? { kind: 'search', label: `uuid ${value.toLowerCase()}`, queries: [{ uuid: value.toLowerCase() }] } : { kind: 'invalid', message: 'a uuid is 64 hex digits (or 80 with a tree ID)' };
      case 'email':
        return value !== '' ? { kind: 'search', label: `email ${value}`, queries: [{ email: value }] } : { kind: 'invalid', message: 'email: needs an address or pattern' };
      case 'key':
      case 'fp':
        return value !== '' ? { kind: 'search', label: `key ${value}`, queries: [{ keyFingerprint: value }] } : { kind: 'invalid', message: 'key: needs a fingerprint' };
      case 'field':
        return /^[^=]+=/.test(value) ? { kind: 'search', label: `field ${value}`, queries: [{ fields: [value] }] } : { kind: 'invalid', message: 'field: needs name=value' };
    }
  }
  if (/^\d{1,16}$/.test(q) && Number.isSafeInteger(Number(q))) return { kind: 'index', logIndex: Number(q) };
  if (/^[0-9a-f]{64}$/i.test(q)) {
    const hex = q.toLowerCase();
    return { kind: 'search', label: `digest or uuid ${hex}`, queries: [{ sha256: hex }, { uuid: hex }] };
  }
  if (/^[0-9a-f]{80}$/i.test(q)) return { kind: 'search', label: `uuid ${q.toLowerCase()}`, queries: [{ uuid: q.toLowerCase() }] };
  if (q.startsWith('SHA256:') || /^[0-9a-f]{16,128}$/i.test(q.replace(/[\s:]/g, ''))) return { kind: 'search', label: `key ${q}`, queries: [{ keyFingerprint: q }] };
  if (q.includes('@')) return { kind: 'search', label: `email ${q}`, queries: [{ email: q }] };
  if (/^[^=\s]+=/.test(q)) return { kind: 'search', label: `field ${q}`, queries: [{ fields: [q] }] };
  return { kind: 'invalid', message: `search for ${SEARCH_HELP}` };
}
