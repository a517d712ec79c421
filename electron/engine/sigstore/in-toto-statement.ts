import { canonicalJsonBytes } from '../../../shared/canonical/index.js';
import { tryDecodeUtf8 } from '../../../shared/encoding/index.js';
import { arrayAt, asRecord, recordAt, stringAt } from './json-fields.js';

/** The DSSE payload type of in-toto statements. */
export { IN_TOTO_PAYLOAD_TYPE } from '../../../shared/dsse/index.js';

/** The `_type` of in-toto Statement v1. */
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';

/** One subject of a statement: a name and its SHA-256, hex (absent when the subject has none). */
export interface StatementSubject {
  readonly name: string;
  readonly sha256: string | undefined;
}

/**
 * Returns the canonical JSON bytes of an in-toto Statement v1 with one subject (`name`, its sha256
 * hex) and the given predicate: the DSSE payload an Ed25519 signer logs for an artefact.
 */
export function inTotoStatement(input: { subjectName: string; sha256Hex: string; predicateType: string; predicate?: Readonly<Record<string, unknown>> }): Uint8Array {
  return canonicalJsonBytes({
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: input.subjectName, digest: { sha256: input.sha256Hex.toLowerCase() } }],
    predicateType: input.predicateType,
    predicate: input.predicate ?? {},
  });
}

/**
 * Returns the subjects of an in-toto statement (any Statement version), or undefined when the
 * payload is not a JSON object with a `subject` array.
 */
export function statementSubjects(payload: Uint8Array): StatementSubject[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(tryDecodeUtf8(payload) ?? '');
  } catch {
    return undefined;
  }
  const subjects = arrayAt(parsed, 'subject');
  if (!subjects) return undefined;
  return subjects.map(asRecord).map((s) => ({ name: stringAt(s, 'name') ?? '', sha256: stringAt(recordAt(s, 'digest'), 'sha256')?.toLowerCase() }));
}
