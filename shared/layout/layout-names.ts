/** The syntax of kind names, versions and index names in a layout. */

import { RESERVED_KINDS } from './layout-types.js';

const KIND = /^[a-z](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
// MAJOR.MINOR.PATCH with an optional pre-release, as SemVer 2.0.0 §2 and §9 (no build metadata:
// "1.0.0+a" and "1.0.0+b" would be two layouts SemVer calls equal).
const VERSION = /^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})(?:-(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?$/;
const INDEX_NAME = /^[a-z][a-z0-9._-]{0,63}$/;

/** Returns true for a kind name: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most 64 characters. */
export function isValidKind(kind: string): boolean {
  return KIND.test(kind);
}

/** Returns true when `kind` belongs to a built-in or Rekor kind and no layout may take it. */
export function isReservedKind(kind: string): boolean {
  return RESERVED_KINDS.includes(kind);
}

/** Returns true for a SemVer-like version: MAJOR.MINOR.PATCH, optional -pre.release, no +build (at most 64 characters). */
export function isValidVersion(version: string): boolean {
  return version.length <= 64 && VERSION.test(version);
}

/** Returns true for an index field name: lowercase letter first, then letters, digits, ".", "_", "-" (at most 64). */
export function isValidIndexName(name: string): boolean {
  return INDEX_NAME.test(name);
}
