import { describe, expect, it } from 'vitest';
import { inTotoStatement, preAuthEncoding, statementSubjects } from '../../../../electron/engine/sigstore/index.js';

describe('preAuthEncoding', () => {
  describe('given the DSSE specification\'s example', () => {
    it('returns "DSSEv1 29 http://example.com/HelloWorld 11 hello world"', () => {
      expect(Buffer.from(preAuthEncoding('http://example.com/HelloWorld', new TextEncoder().encode('hello world'))).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    });
  });

  describe('given multi-byte characters', () => {
    it('counts bytes, not characters', () => {
      expect(Buffer.from(preAuthEncoding('tÿpe', new TextEncoder().encode('é'))).toString()).toBe('DSSEv1 5 tÿpe 2 é');
    });
  });
});

describe('inTotoStatement', () => {
  describe('given a subject and its sha256', () => {
    it('returns a canonical Statement v1 whose subject statementSubjects reads back', () => {
      const payload = inTotoStatement({ subjectName: 'a.txt', sha256Hex: 'A0CF', predicateType: 'https://slsa.dev/provenance/v1' });
      expect(Buffer.from(payload).toString()).toBe('{"_type":"https://in-toto.io/Statement/v1","predicate":{},"predicateType":"https://slsa.dev/provenance/v1","subject":[{"digest":{"sha256":"a0cf"},"name":"a.txt"}]}');
      expect(statementSubjects(payload)).toEqual([{ name: 'a.txt', sha256: 'a0cf' }]);
    });
  });

  describe('given a payload that is not a statement', () => {
    it('statementSubjects returns undefined', () => {
      expect(statementSubjects(new TextEncoder().encode('not json'))).toBeUndefined();
      expect(statementSubjects(new TextEncoder().encode('{"subject":1}'))).toBeUndefined();
    });
  });
});
