/**
 * The contract every entry type implements, built-in (Rekor's kinds) or custom (a layout): the log
 * calls `accept` on a proposed entry and stores the canonical body it returns, nothing else.
 */

/** A Rekor proposed entry: `{apiVersion, kind, spec}` (Rekor v1), as parsed from JSON, not yet trusted. */
export interface ProposedEntry {
  readonly apiVersion: string;
  readonly kind: string;
  readonly spec: unknown;
}

/** What search and monitors look entries up by. */
export type IndexKeyType = 'sha256' | 'key_fingerprint' | 'email' | 'identity' | 'field';

/**
 * One search key of an entry. Values are normalised: sha256 as lowercase hex; key fingerprints as
 * lowercase hex (SHA-256 of the DER SPKI, or the OpenPGP v4 fingerprint); emails lowercased;
 * fields as `name=value`.
 */
export interface IndexKey {
  readonly type: IndexKeyType;
  readonly value: string;
}

/** An entry that passed validation and signature verification. */
export interface AcceptedEntry {
  /**
   * The canonical body as Rekor stores it (`{apiVersion, kind, spec}` with the spec reduced to what
   * Rekor keeps, e.g. the artefact's hash instead of its content). The leaf is its RFC 8785 JSON.
   */
  readonly body: Readonly<Record<string, unknown>>;
  readonly indexKeys: readonly IndexKey[];
  /**
   * Bytes the body commits to by hash but does not hold (a DSSE/in-toto payload), kept beside the
   * entry, outside the leaf, so its index keys can be rebuilt from storage.
   */
  readonly attachment?: Uint8Array;
}

/** What a kind may consult while accepting or re-verifying an entry. */
export interface KindContext {
  /** The time the entry is integrated (accept) or was integrated (re-verify), Unix seconds: certificates are judged at this time. */
  readonly integratedTimeSec: number;
}

export interface EntryKind {
  readonly kind: string;
  readonly apiVersion: string;
  /** JSON Schema (draft 2020-12 or Rekor's draft-07) of `spec`, for `types show` and the designer. */
  readonly specSchema: Readonly<Record<string, unknown>>;
  /**
   * Validates the proposed entry against the schema and the kind's rules, verifies its signature(s),
   * and returns the canonical body exactly as Rekor would compute it. Throws InputError for malformed
   * input and VerificationError for a signature or digest that does not verify. Never writes.
   */
  accept(proposed: ProposedEntry, ctx: KindContext): Promise<AcceptedEntry>;
  /** Re-verifies a stored canonical body (offline audit): schema and signatures; throws like accept. */
  verifyStored(body: Readonly<Record<string, unknown>>, ctx: KindContext): Promise<void>;
  /** Returns the index keys of a stored canonical body and its attachment (to rebuild and check the search index). */
  indexKeys(body: Readonly<Record<string, unknown>>, attachment?: Uint8Array): IndexKey[];
}
