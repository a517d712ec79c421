import type { AcceptedEntry, EntryKind, IndexKey } from '../entry-kind.js';
import { assertKindAndVersion, assertSameCanonicalBody, specOf, type JsonObject } from './kind-helpers.js';

/** The steps of a kind whose stored body keeps all it needs to verify again (no content, no attachment). */
export interface SpecKindSteps<P> {
  readonly kind: string;
  readonly apiVersion: string;
  readonly specSchema: Readonly<Record<string, unknown>>;
  /** Returns the parsed spec, proposed or stored; throws InputError. */
  parse(spec: unknown): P;
  /** Verifies the signature; throws VerificationError. */
  verify(parsed: P): void;
  /** Returns the canonical body. */
  bodyOf(parsed: P): JsonObject;
  /** Returns the index keys. */
  indexKeysOf(parsed: P): IndexKey[];
}

/**
 * Returns the kind made of `steps`: accept parses, verifies and canonicalizes; verifyStored does the
 * same to a stored body and requires it to be canonical already; indexKeys parses a stored body.
 */
export function createSpecKind<P>(steps: SpecKindSteps<P>): EntryKind {
  const { kind, apiVersion, specSchema } = steps;
  const label = `${kind} ${apiVersion}`;
  return {
    kind,
    apiVersion,
    specSchema,
    async accept(proposed): Promise<AcceptedEntry> {
      assertKindAndVersion(proposed, kind, apiVersion);
      const parsed = steps.parse(proposed.spec);
      steps.verify(parsed);
      return { body: steps.bodyOf(parsed), indexKeys: steps.indexKeysOf(parsed) };
    },
    async verifyStored(body) {
      assertKindAndVersion(body, kind, apiVersion);
      const parsed = steps.parse(specOf(body, label));
      steps.verify(parsed);
      assertSameCanonicalBody(label, body, steps.bodyOf(parsed));
    },
    indexKeys(body) {
      assertKindAndVersion(body, kind, apiVersion);
      return steps.indexKeysOf(steps.parse(specOf(body, label)));
    },
  };
}
