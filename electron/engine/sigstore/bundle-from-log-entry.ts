import type { RekorLogEntryDto, RekorLogEntryMap } from '../../../shared/api/index.js';
import { InputError } from '../../../shared/api/index.js';
import { bytesEqual, toBase64, toHex, tryFromBase64, tryFromHex } from '../../../shared/encoding/index.js';
import { BUNDLE_V03_MEDIA_TYPE, type BundleVerificationMaterialJson, type SigstoreBundleJson } from './bundle-json.js';
import type { DsseEnvelope } from './dsse-envelope.js';
import { sha256 } from './log-key.js';
import { parseTlogBody } from './tlog-body.js';

/** What a bundle carries as its signed content. */
export type BundleContent =
  | { readonly type: 'message_signature'; readonly digestSha256: Uint8Array; readonly signature: Uint8Array }
  | ({ readonly type: 'dsse_envelope' } & DsseEnvelope);

/** How the bundle names its signer: a key hint (key in hand) or the signing certificate (DER). */
export type BundleSignerMaterial = { readonly publicKeyHint: string } | { readonly certificateDer: Uint8Array };

/** The input of bundleFromLogEntry. */
export interface BundleFromLogEntryInput {
  /** The log's answer for the entry (`provwb add/get`): a one-key map uuid → LogEntry. */
  readonly logEntry: RekorLogEntryMap;
  readonly content: BundleContent;
  readonly signer: BundleSignerMaterial;
}

function mismatch(message: string, details: Record<string, unknown>): InputError {
  return new InputError('bundle_content_mismatch', message, details, { hint: 'build the bundle from the entry that logged this very signature' });
}

function hexToBase64(hex: string, what: string): string {
  const bytes = tryFromHex(hex);
  if (bytes === undefined) throw new InputError('entry_malformed', `${what} ${JSON.stringify(hex.slice(0, 80))} is not hex`);
  return toBase64(bytes);
}

/** Checks that the body records exactly the content the bundle will carry (a producer-side guard). */
function assertBodyMatches(body: Uint8Array, content: BundleContent): { kind: string; version: string } {
  const parsed = parseTlogBody(body);
  const signature = content.signature;
  if (parsed.signatures.length !== 1 || !bytesEqual(parsed.signatures[0]!, signature)) {
    throw mismatch(`the ${parsed.kind} entry records a different signature than the bundle content`, { kind: parsed.kind });
  }
  const digest = content.type === 'message_signature' ? content.digestSha256 : sha256(content.payload);
  if (parsed.digest.algorithm !== 'sha256' || !bytesEqual(parsed.digest.value, digest)) {
    throw mismatch(`the ${parsed.kind} entry records digest ${toHex(parsed.digest.value)}, the bundle content has ${toHex(digest)}`, {
      recorded: toHex(parsed.digest.value),
      content: toHex(digest),
    });
  }
  if (content.type === 'message_signature' ? parsed.digestOf !== 'artifact' : parsed.digestOf !== 'dsse_payload') {
    throw mismatch(`a ${content.type} bundle cannot carry a ${parsed.kind} entry`, { kind: parsed.kind, content: content.type });
  }
  return { kind: parsed.kind, version: parsed.apiVersion };
}

/**
 * Returns a Sigstore bundle v0.3 (`application/vnd.dev.sigstore.bundle.v0.3+json`) for one entry
 * of a Rekor-compatible log: the content (message signature over the artefact's SHA-256, or a DSSE
 * envelope — Ed25519 signers must use DSSE), the signer (key hint or certificate), and one tlog
 * entry with logIndex, logId, kindVersion (read from the body), integratedTime, the SET as
 * inclusionPromise, and the inclusion proof with its signed checkpoint (SIGSTORE.md "Bundle v0.3").
 * Hex from the LogEntry becomes base64, numbers become decimal strings. Throws InputError
 * `entry_malformed` for a map without exactly one entry or bad encodings, `bundle_content_mismatch`
 * when the body does not record this content's signature and digest, and the tlog body errors.
 */
export function bundleFromLogEntry(input: BundleFromLogEntryInput): SigstoreBundleJson {
  const entries = Object.entries(input.logEntry);
  if (entries.length !== 1) throw new InputError('entry_malformed', `a Rekor LogEntry answer holds exactly one entry, not ${entries.length}`);
  const [, entry] = entries[0] as [string, RekorLogEntryDto];
  const body = tryFromBase64(entry.body);
  if (!body) throw new InputError('entry_malformed', 'the LogEntry body is not base64');
  const kindVersion = assertBodyMatches(body, input.content);
  const proof = entry.verification.inclusionProof;
  const verificationMaterial: BundleVerificationMaterialJson = {
    ...('publicKeyHint' in input.signer ? { publicKey: { hint: input.signer.publicKeyHint } } : { certificate: { rawBytes: toBase64(input.signer.certificateDer) } }),
    tlogEntries: [
      {
        logIndex: String(entry.logIndex),
        logId: { keyId: hexToBase64(entry.logID, 'logID') },
        kindVersion,
        integratedTime: String(entry.integratedTime),
        inclusionPromise: { signedEntryTimestamp: entry.verification.signedEntryTimestamp },
        inclusionProof: {
          logIndex: String(proof.logIndex),
          rootHash: hexToBase64(proof.rootHash, 'rootHash'),
          treeSize: String(proof.treeSize),
          hashes: proof.hashes.map((h) => hexToBase64(h, 'proof hash')),
          checkpoint: { envelope: proof.checkpoint },
        },
        canonicalizedBody: entry.body,
      },
    ],
  };
  const { content } = input;
  return content.type === 'message_signature'
    ? {
        mediaType: BUNDLE_V03_MEDIA_TYPE,
        verificationMaterial,
        messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: toBase64(content.digestSha256) }, signature: toBase64(content.signature) },
      }
    : {
        mediaType: BUNDLE_V03_MEDIA_TYPE,
        verificationMaterial,
        dsseEnvelope: { payload: toBase64(content.payload), payloadType: content.payloadType, signatures: [{ sig: toBase64(content.signature), ...(content.keyid ? { keyid: content.keyid } : {}) }] },
      };
}
