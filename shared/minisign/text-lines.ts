/** The comment line minisign writes first in key and signature files. */
export const UNTRUSTED_COMMENT_PREFIX = 'untrusted comment:';

/** Returns the lines of a minisign file: LF or CRLF line ends, a final line end optional. */
export function minisignLines(text: string): string[] {
  const out = text.split(/\r?\n/);
  if (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}
