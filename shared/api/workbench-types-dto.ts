/**
 * The plain-JSON shapes of the Type designer's operations (WorkbenchApi `types.*`, `entries.add`).
 * Layouts and entries travel as JSON text: the engine parses them itself, so a syntax error comes
 * back as a problem like any other, and the transports carry strings only.
 */

/**
 * Largest layout accepted as JSON text. A layout is logged as an entry, whose canonical body holds at
 * most 65 535 bytes, so this leaves room for any indentation; and a layout plus an entry (2 × 256 Ki
 * characters, at most doubled by JSON escaping of quotes, backslashes and newlines) stays within the
 * 2 MiB an IPC or HTTP call may carry.
 */
export const MAX_LAYOUT_JSON_CHARS = 256 * 1024;

/** Largest proposed entry accepted as JSON text: a log entry holds at most 65 535 bytes of canonical body. */
export const MAX_ENTRY_JSON_CHARS = 256 * 1024;

/** One type the local log accepts. */
export interface TypeSummaryDto {
  readonly kind: string;
  readonly version: string;
  readonly source: 'built-in' | 'layout';
  /** The `layout` entry that defined a custom type; null for built-in kinds. */
  readonly logIndex: number | null;
  /** The custom type's layout document as pretty JSON text; null for built-in kinds. */
  readonly layoutJson: string | null;
}

export interface TypeListDto {
  readonly types: readonly TypeSummaryDto[];
}

/** One problem, with a JSON Pointer into the document it is about (layout or entry). */
export interface DesignProblemDto {
  readonly pointer: string;
  /** A LayoutProblemCode / EntryProblemCode, or `json_invalid` when the text is not JSON. */
  readonly code: string;
  readonly message: string;
}

export interface LayoutTextInput {
  /** The layout document, JSON text. */
  readonly layoutJson: string;
}

export interface LayoutValidationDto {
  /** True when the layout has no problem. */
  readonly ok: boolean;
  readonly problems: readonly DesignProblemDto[];
  /** The layout's kind and version when it names them (even when invalid otherwise). */
  readonly kind: string | null;
  readonly version: string | null;
  /** True when the local log already has a layout for this kind and version (publishing it is refused). */
  readonly published: boolean;
}

export interface EntryCheckInput {
  /** The layout to judge the entry by (published or not), JSON text. */
  readonly layoutJson: string;
  /** The proposed entry `{apiVersion, kind, spec}`, JSON text. */
  readonly entryJson: string;
}

/** A role's value as read from the entry (null when absent or not a string). */
export interface RoleValueDto {
  readonly role: 'digest' | 'signature' | 'publicKey';
  /** Pointer into the entry, e.g. `/spec/SHA`. */
  readonly pointer: string;
  /** `sha256`, `minisign`, `pem-spki`, …: the algorithm or format the layout declares. */
  readonly format: string;
  readonly value: string | null;
}

export interface EntryValidationDto {
  /** Problems of the layout itself; when there are any, nothing else is computed. */
  readonly layoutProblems: readonly DesignProblemDto[];
  /** Every problem of the entry (schema rule, role encodings), pointers into the entry. */
  readonly entryProblems: readonly DesignProblemDto[];
  readonly roles: readonly RoleValueDto[];
  /** Extra-data members: pointer into the entry and the value as JSON text (null when absent). */
  readonly extraData: ReadonlyArray<{ readonly pointer: string; readonly valueJson: string | null }>;
  /** `verified` only after the entry validated and its signature verified over the message its layout defines. */
  readonly signature: {
    readonly status: 'verified' | 'invalid' | 'not-checked';
    readonly message: string;
    readonly keyFingerprint: string | null;
  };
  /** The RFC 8785 body the log would store, and its RFC 6962 leaf hash (hex), when the entry validated. */
  readonly canonicalBody: string | null;
  readonly leafHash: string | null;
  readonly indexKeys: ReadonlyArray<{ readonly type: string; readonly value: string }>;
}

export interface SignEntryInput extends EntryCheckInput {
  /** A keyring key: ed25519 / ssh-ed25519, ecdsa-p256 / ssh-ecdsa-p256 or minisign, matching the layout's signature format. */
  readonly keyName: string;
  readonly passphrase: string;
}

export interface SignedEntryDto {
  /** The entry with the key and signature written at the layout's role pointers, pretty JSON text. */
  readonly entryJson: string;
  readonly keyName: string;
  readonly keyFingerprint: string;
  readonly format: string;
}

export interface EntryTextInput {
  /** A proposed entry `{apiVersion, kind, spec}` of any kind the log accepts, JSON text. */
  readonly entryJson: string;
}

/** An entry the local log just appended. */
export interface LoggedEntryDto {
  readonly log: string;
  readonly logIndex: number;
  readonly uuid: string;
  readonly kind: string;
  readonly apiVersion: string;
  readonly integratedTime: number;
}
