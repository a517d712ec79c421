/**
 * Rekor's "pgp" public keys (`pkg/pki/pgp/pgp.go` `NewPublicKey`/`CanonicalValue`), which read the
 * key ring with ProtonMail/go-crypto (`openpgp.ReadKeyRing`, `ReadEntity`) and re-serialize it
 * (`Entity.Serialize`) inside go-crypto's armor. What that keeps, and so what the canonical key holds:
 * per entity the primary key, its verified revocations (and direct-key signatures for v6 keys), each
 * user ID that has a valid self-signature with all its signatures in file order, and each subkey with
 * its revocations and newest binding signature. Dropped: user attributes, trust packets, v3 and
 * unparseable signatures, v4 direct-key signatures, older binding signatures. Entities with a bad
 * self-signature, binding or revocation are skipped, as ReadKeyRing skips them. Packets get
 * go-crypto's new-format headers; unhashed subpacket lengths are re-encoded as go-crypto does.
 *
 * Upstream iterates user IDs from a Go map, so with several user IDs Rekor's order differs from
 * request to request; this writes them in file order, which is one of Rekor's outputs.
 */

import * as openpgp from 'openpgp';
import { InputError } from '../../../../shared/api/index.js';
import { concatBytes, toHex } from '../../../../shared/encoding/index.js';
import { byteString } from './go-pem.js';
import { armorLikeGo, dearmor } from './pgp-armor.js';
import { PGP_TAG, PgpFramingError, splitPgpPackets, writePgpPacket, type PgpPacket } from './pgp-packets.js';

/** A key ring as Rekor keeps it. */
export interface PgpPublicKey {
  /** `CanonicalValue()`: the kept entities, go-crypto-armored. */
  readonly canonical: Uint8Array;
  /** The kept entities as openpgp.js keys, for verifying signatures. */
  readonly keys: readonly openpgp.PublicKey[];
}

interface Identity {
  readonly userId: PgpPacket;
  readonly signatures: PgpPacket[];
}

interface Entity {
  readonly primary: PgpPacket;
  readonly revocations: PgpPacket[];
  readonly directSignatures: PgpPacket[];
  readonly identities: Map<string, Identity>;
  readonly subkeys: { key: PgpPacket; revocations: PgpPacket[]; binding: PgpPacket }[];
}

/** A key-structure problem that makes go-crypto skip the entity (its StructuralError). */
class SkipEntity extends Error {}

type AnyPacketClass = new () => openpgp.BasePacket;
const ALLOWED: Readonly<Record<number, AnyPacketClass>> = {
  [PGP_TAG.publicKey]: openpgp.PublicKeyPacket,
  [PGP_TAG.publicSubkey]: openpgp.PublicSubkeyPacket,
  [PGP_TAG.userId]: openpgp.UserIDPacket,
  [PGP_TAG.signature]: openpgp.SignaturePacket,
};
const SIGNING_ALGORITHMS = new Set([1, 3, 17, 19, 22, 27, 28]);
const CERTIFICATIONS = new Set([0x10, 0x11, 0x12, 0x13, 0x30]);
const NO_DATE = null as unknown as Date;

async function parsePacket<T>(packet: PgpPacket): Promise<T | undefined> {
  try {
    const list = await openpgp.PacketList.fromBinary(writePgpPacket(packet.tag, packet.body), ALLOWED as never, openpgp.config);
    const parsed = list[0];
    return parsed === undefined || parsed instanceof openpgp.UnparseablePacket ? undefined : (parsed as T);
  } catch {
    return undefined;
  }
}

function isBySelf(sig: openpgp.SignaturePacket, key: openpgp.PublicKeyPacket): boolean {
  if (sig.issuerFingerprint && sig.issuerFingerprint.length >= 20) return toHex(sig.issuerFingerprint) === key.getFingerprint();
  return sig.issuerKeyID.equals(key.getKeyID());
}

async function verifyOrSkip(sig: openpgp.SignaturePacket, key: openpgp.PublicKeyPacket, data: object, what: string): Promise<void> {
  try {
    await sig.verify(key, sig.signatureType!, data, NO_DATE, false, openpgp.config);
  } catch (error) {
    throw new SkipEntity(`${what} invalid: ${(error as Error).message}`);
  }
}

// go-crypto writes unhashed subpackets back with its own length encoding; the hashed part is kept raw.
function reserializeSignature(sig: openpgp.SignaturePacket, packet: PgpPacket): PgpPacket {
  if (sig.version !== 4 || sig.signatureData === null) return packet;
  const hashed = sig.signatureData.subarray(0, 6 + ((sig.signatureData[4]! << 8) | sig.signatureData[5]!));
  const unhashedLength = (packet.body[hashed.length]! << 8) | packet.body[hashed.length + 1]!;
  const tail = packet.body.subarray(hashed.length + 2 + unhashedLength);
  const unhashed = concatBytes(
    ...sig.unhashedSubpackets.map((s) => {
      const n = s.body.length + 1;
      const length = n < 192 ? [n] : n < 16320 ? [((n - 192) >> 8) + 192, (n - 192) & 0xff] : [255, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
      return new Uint8Array([...length, s.type | (s.critical ? 0x80 : 0), ...s.body]);
    }),
  );
  return { tag: packet.tag, body: concatBytes(hashed, new Uint8Array([unhashed.length >> 8, unhashed.length & 0xff]), unhashed, tail) };
}

async function readEntity(group: readonly PgpPacket[]): Promise<Entity> {
  const primaryPacket = group[0]!;
  if (primaryPacket.tag !== PGP_TAG.publicKey) throw new SkipEntity('first packet was not a public key');
  const primary = await parsePacket<openpgp.PublicKeyPacket>(primaryPacket);
  if (!primary) throw new SkipEntity('primary key does not parse');
  if (!SIGNING_ALGORITHMS.has(primary.algorithm)) throw new SkipEntity('primary key cannot be used for signatures');
  const entity: Entity = { primary: primaryPacket, revocations: [], directSignatures: [], identities: new Map(), subkeys: [] };
  const revocations: [openpgp.SignaturePacket, PgpPacket][] = [];
  let i = 1;
  // The signatures directly after a user ID or subkey packet (go-crypto stops at anything else).
  const takeSignatures = async (): Promise<[openpgp.SignaturePacket, PgpPacket][]> => {
    const out: [openpgp.SignaturePacket, PgpPacket][] = [];
    while (group[i]?.tag === PGP_TAG.signature) {
      const packet = group[i]!;
      const sig = await parsePacket<openpgp.SignaturePacket>(packet);
      i++;
      // go-crypto's packet reader skips packets it cannot parse.
      if (sig) out.push([sig, reserializeSignature(sig, packet)]);
    }
    return out;
  };
  while (i < group.length) {
    const packet = group[i++]!;
    if (packet.tag === PGP_TAG.userId) {
      const userId = await parsePacket<openpgp.UserIDPacket>(packet);
      if (!userId) throw new SkipEntity('user ID does not parse');
      const identity: Identity = { userId: packet, signatures: [] };
      for (const [sig, kept] of await takeSignatures()) {
        if (!CERTIFICATIONS.has(sig.signatureType!)) throw new SkipEntity('user ID signature with wrong type');
        if (isBySelf(sig, primary)) {
          await verifyOrSkip(sig, primary, { userID: userId, key: primary }, 'user ID self-signature');
          entity.identities.set(byteString(packet.body), identity);
        }
        identity.signatures.push(kept);
      }
    } else if (packet.tag === PGP_TAG.publicSubkey) {
      const subkey = await parsePacket<openpgp.PublicSubkeyPacket>(packet);
      if (!subkey) throw new SkipEntity('subkey does not parse');
      let binding: [openpgp.SignaturePacket, PgpPacket] | undefined;
      const subkeyRevocations: PgpPacket[] = [];
      for (const [sig, kept] of await takeSignatures()) {
        if (sig.signatureType !== 0x18 && sig.signatureType !== 0x28) throw new SkipEntity('subkey signature with wrong type');
        await verifyOrSkip(sig, primary, { key: primary, bind: subkey }, 'subkey signature');
        if (sig.signatureType === 0x28) subkeyRevocations.push(kept);
        else {
          if (sig.keyFlags && (sig.keyFlags[0]! & 0x02) !== 0) {
            // Signing subkeys must be cross-signed (go-crypto VerifyKeySignature).
            if (!sig.embeddedSignature) throw new SkipEntity('signing subkey is missing cross-signature');
            await verifyOrSkip(sig.embeddedSignature, subkey as unknown as openpgp.PublicKeyPacket, { key: primary, bind: subkey }, 'subkey cross-signature');
          }
          if (!binding || sig.created! > binding[0].created!) binding = [sig, kept];
        }
      }
      if (!binding) throw new SkipEntity('subkey packet not followed by signature');
      entity.subkeys.push({ key: packet, revocations: subkeyRevocations, binding: binding[1] });
    } else if (packet.tag === PGP_TAG.signature) {
      const sig = await parsePacket<openpgp.SignaturePacket>(packet);
      if (sig?.signatureType === 0x20) revocations.push([sig, reserializeSignature(sig, packet)]);
      else if (sig?.signatureType === 0x1f && primary.version === 6) entity.directSignatures.push(reserializeSignature(sig, packet));
    }
  }
  if (entity.identities.size === 0 && primary.version < 6) throw new SkipEntity(`v${primary.version} entity without any identities`);
  for (const [sig, kept] of revocations) {
    await verifyOrSkip(sig, primary, { key: primary }, 'revocation signature');
    entity.revocations.push(kept);
  }
  return entity;
}

function serializeEntity(e: Entity): Uint8Array {
  const parts: PgpPacket[] = [e.primary, ...e.revocations, ...e.directSignatures];
  for (const identity of e.identities.values()) parts.push(identity.userId, ...identity.signatures);
  for (const s of e.subkeys) parts.push(s.key, ...s.revocations, s.binding);
  return concatBytes(...parts.map((p) => writePgpPacket(p.tag, p.body)));
}

async function readKeyRing(binary: Uint8Array): Promise<Entity[]> {
  let packets: PgpPacket[];
  try {
    packets = splitPgpPackets(binary);
  } catch (error) {
    if (error instanceof PgpFramingError) throw new InputError('public_key_invalid', `error reading PGP public key: ${error.message}`, undefined, { cause: error });
    throw error;
  }
  if (packets.some((p) => p.tag === PGP_TAG.secretKey || p.tag === PGP_TAG.secretSubkey)) {
    throw new InputError('public_key_invalid', 'the PGP key holds secret key material; submit the public key only', undefined, { hint: 'export it with `gpg --export KEYID`' });
  }
  const groups: PgpPacket[][] = [];
  for (const packet of packets) {
    if (packet.tag === PGP_TAG.publicKey || groups.length === 0) groups.push([packet]);
    else groups[groups.length - 1]!.push(packet);
  }
  const entities: Entity[] = [];
  let lastProblem = 'no key packets';
  for (const group of groups) {
    try {
      entities.push(await readEntity(group));
    } catch (error) {
      if (!(error instanceof SkipEntity)) throw error;
      lastProblem = error.message;
    }
  }
  if (entities.length === 0) throw new InputError('public_key_invalid', `no PGP public keys could be read (${lastProblem})`, { reason: lastProblem });
  return entities;
}

/** Returns the binary key rings of Rekor's armored-input loop: each "-----BEGIN PGP" … "-----END PGP" block. */
async function armoredBlocks(text: string): Promise<Uint8Array[]> {
  const blocks: Uint8Array[] = [];
  let buffer = '';
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    buffer += `${line}\n`;
    if (!line.startsWith('-----END PGP')) continue;
    const block = await dearmor(buffer);
    if (!block) throw new InputError('public_key_invalid', 'invalid PGP public key provided: the armor does not decode');
    if (block.type !== 'PGP PUBLIC KEY BLOCK') throw new InputError('public_key_invalid', `invalid PGP type detected: ${block.type}`);
    blocks.push(block.data);
    buffer = '';
  }
  return blocks;
}

/** Returns Rekor's PGP public key from armored or binary bytes, or throws InputError('public_key_invalid'). */
export async function parsePgpPublicKey(bytes: Uint8Array): Promise<PgpPublicKey> {
  if (bytes.length < 14) throw new InputError('public_key_invalid', `unable to read PGP public key: ${bytes.length} bytes`);
  const text = byteString(bytes);
  const entities: Entity[] = [];
  if (text.startsWith('-----BEGIN PGP')) {
    for (const block of await armoredBlocks(text)) entities.push(...(await readKeyRing(block)));
    if (entities.length === 0) throw new InputError('public_key_invalid', 'no PGP public keys could be read');
  } else {
    entities.push(...(await readKeyRing(bytes)));
  }
  const binary = concatBytes(...entities.map(serializeEntity));
  let keys: openpgp.PublicKey[];
  try {
    keys = await openpgp.readKeys({ binaryKeys: binary });
  } catch (error) {
    throw new InputError('public_key_unsupported', `the PGP key cannot be used for verification here: ${(error as Error).message}`, undefined, { cause: error });
  }
  return {
    canonical: armorLikeGo('PGP PUBLIC KEY BLOCK', binary),
    keys,
  };
}

