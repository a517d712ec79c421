/**
 * Rekor's built-in entry kinds, validated and canonicalized exactly as Rekor (v1) and rekor-tiles
 * (v2) do, so a body copied from a public log gets the same leaf hash here. Like Rekor, they do not
 * consult `KindContext.integratedTimeSec`: certificate validity is for verifiers to judge at the
 * integrated time, so an expired short-lived certificate is accepted. Error codes: InputError
 * entry_schema_invalid (details.problems with JSON Pointers), kind_mismatch, url_not_supported,
 * public_key_invalid, public_key_unsupported, signature_malformed, envelope_malformed,
 * algorithm_unsupported; VerificationError signature_invalid, signature_key_unknown,
 * signature_namespace_mismatch, digest_mismatch, certificate_chain_invalid, body_not_canonical.
 */

import type { EntryKind } from '../entry-kind.js';
import { dsseV001 } from './dsse-v001.js';
import { dsseV002 } from './dsse-v002.js';
import { hashedRekordV001 } from './hashedrekord-v001.js';
import { hashedRekordV002 } from './hashedrekord-v002.js';
import { intotoV002 } from './intoto-v002.js';
import { rekordV001 } from './rekord-v001.js';

/** Every built-in kind: hashedrekord 0.0.1/0.0.2, rekord 0.0.1, dsse 0.0.1/0.0.2, intoto 0.0.2. */
export const BUILTIN_KINDS: readonly EntryKind[] = [hashedRekordV001, hashedRekordV002, rekordV001, dsseV001, dsseV002, intotoV002];

export { proposedFromRekorV2Request } from './rekor-v2-request.js';
export { dsseV001, dsseV002, hashedRekordV001, hashedRekordV002, intotoV002, rekordV001 };
