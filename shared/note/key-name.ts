/** Key-name rules of C2SP signed-note, exactly as golang.org/x/mod/sumdb/note's `isValidName`. */

// Go's unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space property. JavaScript's \s
// differs (it adds U+FEFF), so the set is spelled out.
const GO_SPACES = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Returns true when `code` is a space for Go's `unicode.IsSpace`. */
export function isGoSpace(code: number): boolean {
  return GO_SPACES.has(code);
}

/** Returns true when `text` has no lone UTF-16 surrogate, i.e. it encodes to UTF-8 unchanged. */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * Returns true when `name` is a valid key name: non-empty, valid UTF-8, no Unicode space and no
 * `+` (C2SP signed-note; Go's `isValidName`).
 */
export function isValidKeyName(name: string): boolean {
  if (name === '' || name.includes('+') || !isWellFormedText(name)) return false;
  for (const ch of name) if (isGoSpace(ch.codePointAt(0)!)) return false;
  return true;
}
