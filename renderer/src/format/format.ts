/** Display helpers: numbers, hashes and times as the views print them. */

const COUNT = new Intl.NumberFormat('en-US');

/** Returns 1234567 as `1,234,567`. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** Returns the first `chars` hex digits of a hash and an ellipsis. */
export function shortHash(hex: string, chars = 12): string {
  return hex.length <= chars ? hex : `${hex.slice(0, chars)}…`;
}

/** Returns an age in seconds as `just now`, `42 s ago`, `5 min ago`, `3 h ago`, `12 d ago`. */
export function formatAge(seconds: number): string {
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${Math.floor(seconds)} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** Returns Unix seconds as an ISO 8601 UTC time without milliseconds. */
export function formatTimeSec(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Returns Unix seconds as a compact UTC time for tables: `2026-11-25 12:00:14Z`. */
export function formatTimeShort(seconds: number): string {
  return formatTimeSec(seconds).replace('T', ' ');
}

/** Returns Unix milliseconds as an ISO 8601 UTC time without milliseconds. */
export function formatTimeMs(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Returns a byte count as `812 B`, `4.2 KiB`, `1.5 GiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}

/** Returns a leaf range as `leaf 5` or `leaves 0–511`. */
export function formatRange(start: number, end: number): string {
  return end - start === 1 ? `leaf ${formatCount(start)}` : `leaves ${formatCount(start)}–${formatCount(end - 1)}`;
}
