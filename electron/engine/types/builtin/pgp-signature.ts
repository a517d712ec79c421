/**
 * Rekor's "pgp" detached signatures (`pkg/pki/pgp/pgp.go` `NewSignature`/`CanonicalValue`/`Verify`):
 * armored or binary; the first packet must be a signature. The canonical value is the input itself
 * when armored, else the binary armored by go-crypto. Verification is `CheckDetachedSignature` with
 * the clock set to the signature's creation time, so a key that expired after signing still verifies.
 */

import * as openpgp from 'openpgp';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { byteString } from './go-pem.js';
import { armorLikeGo, dearmor } from './pgp-armor.js';
import { PGP_TAG, PgpFramingError, splitPgpPackets, writePgpPacket } from './pgp-packets.js';
import type { PgpPublicKey } from './pgp-public-key.js';

/** A parsed detached signature. */
export interface PgpSignature {
  readonly canonical: Uint8Array;
  /** The dearmored packets. */
  readonly binary: Uint8Array;
  /** The first signature packet's creation time. */
  readonly created: Date;
}

function malformed(message: string, cause?: unknown): InputError {
  return new InputError('signature_malformed', `invalid PGP signature: ${message}`, undefined, cause === undefined ? {} : { cause });
}

/** Returns Rekor's PGP signature from armored or binary bytes, or throws InputError('signature_malformed'). */
export async function parsePgpSignature(bytes: Uint8Array): Promise<PgpSignature> {
  const text = byteString(bytes);
  const block = text.includes('-----BEGIN ') ? await dearmor(text) : undefined;
  if (block && block.type !== 'PGP SIGNATURE') throw malformed(`armor type ${block.type}, not PGP SIGNATURE`);
  const binary = block ? block.data : bytes;
  let first;
  try {
    first = splitPgpPackets(binary)[0];
  } catch (error) {
    if (error instanceof PgpFramingError) throw malformed(error.message, error);
    throw error;
  }
  if (!first || first.tag !== PGP_TAG.signature) throw malformed('valid PGP signature was not detected');
  let packet: openpgp.SignaturePacket | undefined;
  try {
    const list = await openpgp.PacketList.fromBinary(writePgpPacket(first.tag, first.body), { [PGP_TAG.signature]: openpgp.SignaturePacket } as never, openpgp.config);
    packet = list[0] instanceof openpgp.SignaturePacket ? list[0] : undefined;
  } catch (error) {
    throw malformed((error as Error).message, error);
  }
  if (!packet || !packet.created) throw malformed('valid PGP signature was not detected');
  return { canonical: block ? bytes : armorLikeGo('PGP SIGNATURE', bytes), binary, created: packet.created };
}

/**
 * Verifies `signature` over `content` with the key ring as go-crypto's `CheckDetachedSignature` does:
 * the first signature packet whose issuer is a signing key in the ring must verify, judged at the
 * signature's creation time. Throws VerificationError('signature_invalid' | 'signature_key_unknown').
 */
export async function verifyPgpSignature(signature: PgpSignature, key: PgpPublicKey, content: Uint8Array): Promise<void> {
  let parsed: openpgp.Signature;
  try {
    parsed = await openpgp.readSignature({ binarySignature: signature.binary });
  } catch (error) {
    throw malformed((error as Error).message, error);
  }
  let result;
  try {
    result = await openpgp.verify({ message: await openpgp.createMessage({ binary: content }), signature: parsed, verificationKeys: [...key.keys], date: signature.created, format: 'binary' });
  } catch (error) {
    throw new VerificationError('signature_invalid', `the PGP signature cannot be verified: ${(error as Error).message}`, undefined, { cause: error });
  }
  const known = result.signatures.find((s) => key.keys.some((k) => k.getKeys(s.keyID).length > 0));
  if (!known) {
    const ids = result.signatures.map((s) => s.keyID.toHex()).join(', ');
    throw new VerificationError('signature_key_unknown', `the PGP signature is by key ID ${ids}, which is not in the public key`, { keyIds: ids });
  }
  try {
    await known.verified;
  } catch (error) {
    throw new VerificationError('signature_invalid', `the PGP signature by key ID ${known.keyID.toHex()} does not verify: ${(error as Error).message}`, { keyId: known.keyID.toHex() }, { cause: error });
  }
}
