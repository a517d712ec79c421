import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError, VerificationError } from '../../../../shared/api/index.js';
import { rekorV1ErrorFrom, rekorV2ErrorFrom, schemaViolation } from '../../../../electron/engine/server/rekor-errors.js';

const body = (answer: { body: string | Uint8Array }) => JSON.parse(String(answer.body)) as Record<string, unknown>;

describe('rekorV1ErrorFrom', () => {
  it.each([
    [new InputError('entry_malformed', 'bad'), 400],
    [new VerificationError('signature_invalid', 'no'), 400],
    [new NotFoundError('entry_not_found', 'none'), 404],
    [new ConflictError('already_exists', 'dup'), 409],
  ])('answers %s with status %i and {code, message}', (error, status) => {
    const reported: unknown[] = [];
    const { answer } = rekorV1ErrorFrom(error, (e) => reported.push(e));
    expect(answer.status).toBe(status);
    expect(body(answer)).toEqual({ code: status, message: error.message });
    expect(reported).toEqual([]);
  });

  it('answers anything else 500 "internal error" and reports it, never its text', () => {
    const reported: unknown[] = [];
    const bug = new Error('bug: secret detail');
    const { answer } = rekorV1ErrorFrom(bug, (e) => reported.push(e));
    expect(answer.status).toBe(500);
    expect(body(answer)).toEqual({ code: 500, message: 'internal error' });
    expect(reported).toEqual([bug]);
  });

  it('passes a refusal through unchanged', () => {
    const refusal = schemaViolation('logIndex in query is required');
    expect(rekorV1ErrorFrom(refusal, () => {})).toBe(refusal);
    expect(refusal.answer.status).toBe(422);
  });
});

describe('rekorV2ErrorFrom', () => {
  it.each([
    [new InputError('entry_schema_invalid', 'bad'), 400, 3],
    [new VerificationError('signature_invalid', 'no'), 400, 3],
    [new ConflictError('already_exists', 'dup'), 409, 6],
    [new Error('bug'), 500, 2],
  ])('answers %s with status %i and gRPC code %i', (error, status, code) => {
    const { answer } = rekorV2ErrorFrom(error, () => {});
    expect(answer.status).toBe(status);
    expect(body(answer)).toEqual({ code, message: expect.any(String), details: [] });
  });
});
