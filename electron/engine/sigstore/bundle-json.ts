/** Sigstore bundle v0.3 as JSON (protobuf JSON: int64 as decimal strings, bytes as standard base64). */

/** The media type of the bundles we write. */
export const BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/** `dev.sigstore.rekor.v1.InclusionProof`. */
export interface InclusionProofJson {
  readonly logIndex: string;
  readonly rootHash: string;
  readonly treeSize: string;
  readonly hashes: readonly string[];
  readonly checkpoint: { readonly envelope: string };
}

/** `dev.sigstore.rekor.v1.TransparencyLogEntry` as a bundle holds it (Rekor v1: with its SET). */
export interface BundleTlogEntryJson {
  readonly logIndex: string;
  readonly logId: { readonly keyId: string };
  readonly kindVersion: { readonly kind: string; readonly version: string };
  readonly integratedTime: string;
  readonly inclusionPromise: { readonly signedEntryTimestamp: string };
  readonly inclusionProof: InclusionProofJson;
  readonly canonicalizedBody: string;
}

export type BundleVerificationMaterialJson = (
  | { readonly publicKey: { readonly hint: string } }
  | { readonly certificate: { readonly rawBytes: string } }
) & { readonly tlogEntries: readonly BundleTlogEntryJson[] };

export interface MessageSignatureJson {
  readonly messageDigest: { readonly algorithm: 'SHA2_256'; readonly digest: string };
  readonly signature: string;
}

export interface DsseEnvelopeJson {
  readonly payload: string;
  readonly payloadType: string;
  /** Exactly one signature; `keyid` is omitted when empty, as protobuf JSON omits default values. */
  readonly signatures: ReadonlyArray<{ readonly sig: string; readonly keyid?: string }>;
}

/** A Sigstore bundle v0.3 with either a message signature or a DSSE envelope. */
export type SigstoreBundleJson = { readonly mediaType: string; readonly verificationMaterial: BundleVerificationMaterialJson } & (
  | { readonly messageSignature: MessageSignatureJson }
  | { readonly dsseEnvelope: DsseEnvelopeJson }
);
