/**
 * Rekor v2's write API body (`POST /api/v2/log/entries`, a protojson `CreateEntryRequest`) as a
 * proposed entry of apiVersion 0.0.2: `{"hashedRekordRequestV002": {…}}` → hashedrekord,
 * `{"dsseRequestV002": {…}}` → dsse, the inner request becoming the spec.
 */

import { InputError } from '../../../../shared/api/index.js';
import type { ProposedEntry } from '../entry-kind.js';
import { parseProtoMessage } from './protojson.js';
import { CREATE_ENTRY_REQUEST } from './rekor-v2-messages.js';
import { problem, throwIfProblems, type SpecProblem } from './spec-validation.js';

/**
 * Returns the proposed entry a `CreateEntryRequest` asks for, with the inner request normalised
 * (protojson names, padded standard base64, enum names). Throws InputError('entry_schema_invalid')
 * listing every problem: unknown or duplicate fields, bad base64 or enums, no or two request kinds.
 */
export function proposedFromRekorV2Request(json: unknown): ProposedEntry {
  const problems: SpecProblem[] = [];
  const request = parseProtoMessage(CREATE_ENTRY_REQUEST, json, '', problems);
  if (request === undefined && problems.length === 0) problems.push(problem('', 'must be a CreateEntryRequest object'));
  throwIfProblems('CreateEntryRequest', problems);
  if (request!.hashedRekordRequestV002 !== undefined) return { apiVersion: '0.0.2', kind: 'hashedrekord', spec: request!.hashedRekordRequestV002 };
  if (request!.dsseRequestV002 !== undefined) return { apiVersion: '0.0.2', kind: 'dsse', spec: request!.dsseRequestV002 };
  throw new InputError('entry_schema_invalid', 'CreateEntryRequest holds no request: set hashedRekordRequestV002 or dsseRequestV002', { problems: [problem('', 'must set hashedRekordRequestV002 or dsseRequestV002')] });
}
