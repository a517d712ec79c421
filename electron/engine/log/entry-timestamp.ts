/**
 * Signed entry timestamps (SETs, Rekor v1): the log's signature over canonical JSON of
 * {body, integratedTime, logID, logIndex}, its promise that the entry is in the log. The local log
 * signs each typed entry's SET once, as it integrates it, and keeps it with the entry.
 */

import { canonicalJsonBytes } from '../../../shared/canonical/index.js';
import { toBase64 } from '../../../shared/encoding/index.js';

/** Signs SETs for the local log. */
export interface EntryTimestampSigner {
  /** Hex log ID, as the SET payload names it. */
  readonly logIdHex: string;
  /** Ed25519 over the payload (the log's note key). */
  sign(payload: Uint8Array): Uint8Array;
}

/** Returns the SET payload: canonical JSON of {body, integratedTime, logID, logIndex} (Rekor v1). */
export function setPayload(entry: { body: string; integratedTime: number; logID: string; logIndex: number }): Uint8Array {
  return canonicalJsonBytes({ body: entry.body, integratedTime: entry.integratedTime, logID: entry.logID, logIndex: entry.logIndex });
}

/** Returns the SET of each typed entry (one with a kind and an integrated time) at indexes first, first+1, …; undefined for the others. */
export function signEntryTimestamps(
  signer: EntryTimestampSigner,
  entries: ReadonlyArray<{ readonly body: Uint8Array; readonly kind?: string | undefined; readonly integratedTime?: number | undefined }>,
  first: number,
): Array<Uint8Array | undefined> {
  return entries.map((e, i) =>
    e.kind === undefined || e.integratedTime === undefined
      ? undefined
      : signer.sign(setPayload({ body: toBase64(e.body), integratedTime: e.integratedTime, logID: signer.logIdHex, logIndex: first + i })),
  );
}
