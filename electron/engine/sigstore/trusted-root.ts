import { createPublicKey } from 'node:crypto';
import { InputError } from '../../../shared/api/index.js';
import { toBase64, toHex, tryFromHex } from '../../../shared/encoding/index.js';
import { ed25519SpkiDer, logIdOf } from './log-key.js';

/** The media type of Sigstore trusted roots that sigstore-js 3.x reads. */
export const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';

/** One `tlogs[]` item of a trusted root, as JSON. */
export interface TrustedRootTlogJson {
  readonly baseUrl: string;
  readonly hashAlgorithm: 'SHA2_256';
  readonly publicKey: {
    readonly rawBytes: string;
    readonly keyDetails: string;
    readonly validFor: { readonly start: string; readonly end?: string };
  };
  readonly logId: { readonly keyId: string };
}

/** A Sigstore `trusted_root.json` document. */
export interface TrustedRootJson {
  readonly mediaType: string;
  readonly tlogs: readonly TrustedRootTlogJson[];
  readonly certificateAuthorities: readonly unknown[];
  readonly ctlogs: readonly unknown[];
  readonly timestampAuthorities: readonly unknown[];
}

/** What describing the local log as a trusted root needs (from `Workbench.info()` and the log record). */
export interface LocalTrustedRootInput {
  /** The log's origin: checkpoint origin and note key name. */
  readonly origin: string;
  /** The raw 32-byte Ed25519 log key (`signer.verifier.publicKey`). */
  readonly publicKeyRaw32: Uint8Array;
  /** The log ID, hex; must be SHA-256(origin ‖ 0x0A ‖ 0x01 ‖ key). */
  readonly logIdHex: string;
  /** When the key started signing, Unix ms (the log's `createdAt`). */
  readonly validFromMs: number;
}

// sigstore-js 3.1.1 tests the checkpoint key name against baseUrl as a RegExp (SIGSTORE.md).
const REGEX_METACHARACTERS = /[\\^$*+?()[\]{}|]/;

/**
 * Returns a Sigstore trusted root (`application/vnd.dev.sigstore.trustedroot+json;version=0.1`)
 * that trusts exactly the local log: one tlog `{ baseUrl: https://<origin>, SHA2_256, Ed25519 key
 * as DER SPKI, validFor.start, logId }` and empty CA, CT-log and TSA lists, so a client verifies
 * our key-in-hand bundles with it (SIGSTORE.md "Our log's identity"). `validFor.start` is
 * `validFromMs` rounded down to the second: SET times are whole seconds, and an entry integrated
 * in the log's first second must still fall inside. Throws InputError `origin_invalid` for an
 * origin sigstore-js cannot match, `key_invalid`, or `log_id_mismatch` when `logIdHex` is not the
 * key's log ID.
 */
export function localTrustedRoot(input: LocalTrustedRootInput): TrustedRootJson {
  const { origin, publicKeyRaw32, logIdHex, validFromMs } = input;
  if (origin === '' || /\s/.test(origin) || REGEX_METACHARACTERS.test(origin)) {
    throw new InputError('origin_invalid', `origin ${JSON.stringify(origin)} cannot name a Sigstore tlog: it must be non-empty, without spaces or regular-expression metacharacters`, { origin });
  }
  if (!Number.isSafeInteger(validFromMs) || validFromMs < 0) {
    throw new InputError('time_invalid', `validFromMs ${validFromMs} is not a non-negative integer of milliseconds`, { validFromMs });
  }
  const spki = ed25519SpkiDer(publicKeyRaw32);
  const logId = logIdOf(createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }), origin);
  const given = tryFromHex(logIdHex);
  if (given === undefined || toHex(given) !== toHex(logId)) {
    throw new InputError('log_id_mismatch', `log ID ${logIdHex} is not SHA-256(origin ‖ 0x0A ‖ 0x01 ‖ key) = ${toHex(logId)} for origin ${origin}`, {
      logID: logIdHex,
      expectedLogID: toHex(logId),
    });
  }
  return {
    mediaType: TRUSTED_ROOT_MEDIA_TYPE,
    tlogs: [
      {
        baseUrl: `https://${origin}`,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: toBase64(spki),
          keyDetails: 'PKIX_ED25519',
          validFor: { start: new Date(Math.floor(validFromMs / 1000) * 1000).toISOString() },
        },
        logId: { keyId: toBase64(logId) },
      },
    ],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: [],
  };
}
