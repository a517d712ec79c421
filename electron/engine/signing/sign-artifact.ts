import path from 'node:path';
import { InputError, type RekorLogEntryMap } from '../../../shared/api/index.js';
import { toBase64, toHex, utf8 } from '../../../shared/encoding/index.js';
import { addEntry, type KindRegistry, type LogEntryContext } from '../entries/index.js';
import type { Keyring, KeyInfo } from '../keys/index.js';
import type { Clock } from '../log/index.js';
import { IN_TOTO_PAYLOAD_TYPE, bundleFromLogEntry, inTotoStatement, preAuthEncoding, type SigstoreBundleJson } from '../sigstore/index.js';

export type SigningKind = 'hashedrekord' | 'rekord' | 'dsse';

/** The in-toto predicate of the statement an Ed25519 (or --kind dsse) signer logs. */
export const SIGNED_RELEASE_PREDICATE = 'https://provenance-workbench.dev/signed-release/v1';

export interface SignArtifactInput {
  /** The artefact's SHA-256, hashed by the caller (streamed: GB-size files never sit in memory). */
  readonly sha256: Uint8Array;
  /** The artefact's bytes: needed only for `rekord`, whose entry and signature formats carry or sign the content. */
  readonly content?: Uint8Array | undefined;
  /** The artefact's file name: the in-toto subject and the minisign trusted comment. */
  readonly fileName: string;
  readonly keyName: string;
  readonly passphrase: string;
  /** Default: by key type (pgp/ssh/minisign → rekord; ecdsa-p256 → hashedrekord; ed25519 → dsse). */
  readonly kind?: SigningKind | undefined;
}

export type SignArtifactResult =
  | { readonly output: 'bundle'; readonly uuid: string; readonly logIndex: number; readonly logEntry: RekorLogEntryMap; readonly bundle: SigstoreBundleJson }
  | { readonly output: 'signature'; readonly uuid: string; readonly logIndex: number; readonly logEntry: RekorLogEntryMap; readonly signature: Uint8Array; readonly signatureExtension: string };

const REKORD_FORMATS: Readonly<Record<string, { format: string; extension: string }>> = {
  pgp: { format: 'pgp', extension: '.asc' },
  'ssh-ed25519': { format: 'ssh', extension: '.sig' },
  'ssh-ecdsa-p256': { format: 'ssh', extension: '.sig' },
  'ssh-rsa': { format: 'ssh', extension: '.sig' },
  minisign: { format: 'minisign', extension: '.minisig' },
};

/** Returns the kind a key signs with unless told otherwise (SIGSTORE.md: Ed25519 keys need the DSSE path). */
export function defaultSigningKind(key: KeyInfo): SigningKind {
  if (key.type in REKORD_FORMATS) return 'rekord';
  return key.type === 'ecdsa-p256' ? 'hashedrekord' : 'dsse';
}

function firstEntry(answer: RekorLogEntryMap): { uuid: string; logIndex: number } {
  const [uuid, entry] = Object.entries(answer)[0]!;
  return { uuid, logIndex: entry.logIndex };
}

/**
 * Signs a release artefact with a keyring key and logs the matching Rekor entry in the local log:
 * OpenPGP/SSH/minisign keys → a detached signature in the key's own format (gpg, ssh-keygen, minisign
 * verify it) and a `rekord` entry; ECDSA P-256 → `hashedrekord` + a Sigstore bundle v0.3 with a
 * message signature; Ed25519 → an in-toto statement in a DSSE envelope, a `dsse` entry and a bundle.
 * Nothing is logged unless the signature verifies as the entry's kind requires.
 */
export async function signArtifact(ctx: LogEntryContext & { registry: KindRegistry; clock: Clock; keyring: Keyring }, input: SignArtifactInput): Promise<SignArtifactResult> {
  const key = ctx.keyring.get(input.keyName);
  const kind = input.kind ?? defaultSigningKind(key);
  const sha256 = input.sha256;
  const rekord = REKORD_FORMATS[key.type];

  if (kind === 'rekord') {
    if (!rekord) throw new InputError('kind_unsupported_for_key', `a ${key.type} key cannot make a rekord signature; use --kind ${defaultSigningKind(key)}`);
    const content = input.content;
    if (!content) throw new Error('bug: rekord signing needs the artefact content');
    const signed = await ctx.keyring.signDetached(input.keyName, input.passphrase, content, { fileName: path.basename(input.fileName) });
    const answer = await addEntry(ctx, {
      apiVersion: '0.0.1',
      kind: 'rekord',
      spec: {
        data: { content: toBase64(content) },
        signature: { format: rekord.format, content: toBase64(signed.signature), publicKey: { content: toBase64(utf8(signed.publicKey.text)) } },
      },
    });
    return { output: 'signature', ...firstEntry(answer), logEntry: answer, signature: signed.signature, signatureExtension: rekord.extension };
  }

  if (kind === 'hashedrekord') {
    if (key.type !== 'ecdsa-p256') {
      throw new InputError('kind_unsupported_for_key', `hashedrekord bundles need an ECDSA P-256 key (Sigstore verifiers cannot check Ed25519 message signatures); ${key.name} is ${key.type}`);
    }
    const signed = await ctx.keyring.signHashedRekord(input.keyName, input.passphrase, { sha256 });
    const answer = await addEntry(ctx, {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: { hash: { algorithm: 'sha256', value: toHex(sha256) } },
        signature: { content: toBase64(signed.signature), publicKey: { content: toBase64(utf8(signed.publicKeyPem)) } },
      },
    });
    const bundle = bundleFromLogEntry({ logEntry: answer, content: { type: 'message_signature', digestSha256: sha256, signature: signed.signature }, signer: { publicKeyHint: key.fingerprint } });
    return { output: 'bundle', ...firstEntry(answer), logEntry: answer, bundle };
  }

  if (key.type !== 'ed25519' && key.type !== 'ecdsa-p256') {
    throw new InputError('kind_unsupported_for_key', `dsse entries are signed with Ed25519 or ECDSA P-256 keys; ${key.name} is ${key.type}`);
  }
  const payload = inTotoStatement({ subjectName: path.basename(input.fileName), sha256Hex: toHex(sha256), predicateType: SIGNED_RELEASE_PREDICATE });
  const pae = preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload);
  const signed = await ctx.keyring.signDetached(input.keyName, input.passphrase, pae, { format: 'raw' });
  const envelope = { payload: toBase64(payload), payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: [{ keyid: '', sig: toBase64(signed.signature) }] };
  const answer = await addEntry(ctx, {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: { proposedContent: { envelope: JSON.stringify(envelope), verifiers: [toBase64(utf8(signed.publicKey.text))] } },
  });
  const bundle = bundleFromLogEntry({
    logEntry: answer,
    content: { type: 'dsse_envelope', payloadType: IN_TOTO_PAYLOAD_TYPE, payload, signature: signed.signature },
    signer: { publicKeyHint: key.fingerprint },
  });
  return { output: 'bundle', ...firstEntry(answer), logEntry: answer, bundle };
}
