/** Rekor v1 API shapes (openapi.yaml `LogEntry`), as `provwb add/get` and `provwb serve` answer. */

export interface RekorInclusionProofDto {
  readonly checkpoint: string;
  /** Hex, leaf to root. */
  readonly hashes: readonly string[];
  readonly logIndex: number;
  readonly rootHash: string;
  readonly treeSize: number;
}

export interface RekorLogEntryDto {
  /** Base64 of the canonical body (the leaf's bytes). */
  readonly body: string;
  readonly integratedTime: number;
  /** Hex log ID. */
  readonly logID: string;
  readonly logIndex: number;
  readonly verification: {
    readonly inclusionProof: RekorInclusionProofDto;
    /** Base64 signature by the log key over canonical {body, integratedTime, logID, logIndex}. */
    readonly signedEntryTimestamp: string;
  };
}

/** Rekor answers entries as a one-key map: uuid → LogEntry. */
export type RekorLogEntryMap = Readonly<Record<string, RekorLogEntryDto>>;
