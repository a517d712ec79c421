/** JSON text helpers of the designer: parse without throwing, print as the editors show it, compare, bump versions. */

/** Returns the parsed value, or undefined when the text is not JSON (the editor shows the syntax error). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Returns the value as the editors show JSON: two-space indent and a final newline. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Returns the value with every object's members in code-unit order (the order RFC 8785 and the log use). */
function sortMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortMembers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => [k, sortMembers(v)]),
  );
}

/** Returns true when two JSON texts hold the same value, member order aside. */
export function sameJson(a: string, b: string): boolean {
  const x = parseJsonText(a);
  const y = parseJsonText(b);
  return x !== undefined && y !== undefined && JSON.stringify(sortMembers(x)) === JSON.stringify(sortMembers(y));
}

/**
 * Returns JSON text printed with members in the log's order, so two versions differ only where their
 * values do (a layout read back from the log has its canonical order); text that is not JSON is kept.
 */
export function orderedJson(text: string): string {
  const value = parseJsonText(text);
  return value === undefined ? text : prettyJson(sortMembers(value));
}

/**
 * Returns the layout with its SemVer patch raised (`0.0.1` → `0.0.2`, a pre-release dropped:
 * `1.2.3-rc.1` → `1.2.4`), or undefined when it names no MAJOR.MINOR.PATCH version.
 */
export function bumpPatchVersion(layoutDoc: unknown): { layout: Record<string, unknown>; version: string } | undefined {
  if (typeof layoutDoc !== 'object' || layoutDoc === null || Array.isArray(layoutDoc)) return undefined;
  const doc = layoutDoc as Record<string, unknown>;
  const match = typeof doc['version'] === 'string' ? /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/.exec(doc['version']) : null;
  if (!match) return undefined;
  const version = `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
  return { layout: { ...doc, version }, version };
}
