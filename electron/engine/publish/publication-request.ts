import { InputError, isWorkbenchError } from '../../../shared/api/index.js';
import { bytesEqual } from '../../../shared/encoding/index.js';
import { prepareEntry, type PrepareEntryContext } from '../entries/index.js';
import type { StoredEntry } from '../store/index.js';
import { proposedFromRekorV2Request } from '../types/index.js';

/** The write APIs entries are published through. */
export type PublishApi = 'rekor-v1' | 'rekor-v2';

interface StoredV002Spec {
  readonly hashedRekordV002?: { readonly data?: { readonly digest?: string }; readonly signature?: unknown };
  readonly dsseV002?: { readonly signatures?: ReadonlyArray<{ readonly content?: string; readonly verifier?: unknown }> };
}

function unsupported(entry: StoredEntry, reason: string, hint: string): InputError {
  return new InputError('publish_kind_unsupported', `entry ${entry.index} (${entry.kind} ${entry.apiVersion}) cannot be published there: ${reason}`, { logIndex: entry.index, kind: entry.kind, apiVersion: entry.apiVersion }, { hint });
}

const HINT = 'Rekor v1 logs take hashedrekord 0.0.1; Rekor v2 logs take hashedrekord 0.0.2 and dsse 0.0.2';

/** Returns a Rekor v2 CreateEntryRequest rebuilt from a stored 0.0.2 body (and, for dsse, the payload kept beside it). */
function v2Request(entry: StoredEntry, spec: StoredV002Spec): unknown {
  if (entry.kind === 'hashedrekord' && spec.hashedRekordV002) {
    return { hashedRekordRequestV002: { digest: spec.hashedRekordV002.data?.digest, signature: spec.hashedRekordV002.signature } };
  }
  if (entry.kind === 'dsse' && spec.dsseV002) {
    // The body keeps only the payload hash; the payload and its type are the entry's attachment.
    const attachment = entry.attachment ? (JSON.parse(new TextDecoder().decode(entry.attachment)) as { payload?: string; payloadType?: string }) : undefined;
    if (!attachment) throw unsupported(entry, 'the DSSE payload is not stored beside the entry', HINT);
    const signatures = spec.dsseV002.signatures ?? [];
    return {
      dsseRequestV002: {
        envelope: { payload: attachment.payload, payloadType: attachment.payloadType, signatures: signatures.map((s) => ({ sig: s.content })) },
        verifiers: signatures.map((s) => s.verifier),
      },
    };
  }
  throw unsupported(entry, 'Rekor v2 accepts only hashedrekord and dsse entries of API version 0.0.2', HINT);
}

/**
 * Returns the request that makes a Rekor log hold exactly this local entry: for Rekor v1 the stored
 * canonical body itself as the proposed entry, for Rekor v2 the CreateEntryRequest its 0.0.2 body
 * was made from. The request is checked by accepting it as a log would (schema, signature) and
 * comparing the canonical body it yields with the stored one, so the remote's leaf hash is the
 * entry's uuid. InputError `publish_kind_unsupported` when no request rebuilds the entry.
 */
export async function publicationRequest(ctx: PrepareEntryContext, entry: StoredEntry, api: PublishApi): Promise<unknown> {
  if (entry.kind === null || entry.apiVersion === null) throw unsupported(entry, 'it is not a typed entry', HINT);
  const body = JSON.parse(new TextDecoder().decode(entry.body)) as { spec?: StoredV002Spec };
  if (api === 'rekor-v1' && entry.apiVersion === '0.0.2') throw unsupported(entry, 'Rekor v1 has no 0.0.2 kinds', 'publish it to a rekor-v2 remote');
  const request = api === 'rekor-v1' ? body : v2Request(entry, body.spec ?? {});
  let rebuilt: Uint8Array;
  try {
    rebuilt = (await prepareEntry(ctx, api === 'rekor-v1' ? request : proposedFromRekorV2Request(request))).body;
  } catch (error) {
    throw unsupported(entry, `its stored body is not a request the log accepts (${isWorkbenchError(error) ? error.message : String(error)})`, HINT);
  }
  if (!bytesEqual(rebuilt, entry.body)) throw unsupported(entry, 'the log would record a different body for it (its kind keeps less than a request holds)', HINT);
  return request;
}
