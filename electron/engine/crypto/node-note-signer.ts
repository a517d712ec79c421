/**
 * The log's Ed25519 note key on node:crypto, for the checkpoints and SETs the workbench signs. Ed25519 is
 * deterministic, so it makes exactly the signatures the workbench's @noble signer makes, at a
 * fraction of the cost (measured under load on the 2-core machine: noble 4.1 ms per SET, which
 * capped GET /api/v1/log/entries near 70/s).
 */

import { createPrivateKey, sign } from 'node:crypto';
import { bytesEqual, concatBytes, tryFromBase64 } from '../../../shared/encoding/index.js';
import type { NoteSigner } from '../../../shared/note/index.js';

// DER of PKCS #8 PrivateKeyInfo { id-Ed25519, OCTET STRING { OCTET STRING seed } } up to the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20);

/**
 * Returns `signer` with `sign` done by node:crypto, keyed from its C2SP signer key text
 * (`PRIVATE+KEY+name+hash+base64(0x01 ‖ seed)`); the original signer when the text does not hold
 * an Ed25519 seed that signs exactly like it (checked on a probe message, so a mismatch can only
 * cost speed, never a wrong signature).
 */
export function withNodeEd25519(signer: NoteSigner, skey: string | undefined): NoteSigner {
  // PRIVATE+KEY+name+hash+key: a name holds no '+' but standard base64 may, so the key is everything after the fourth.
  const key = skey?.split('+').slice(4).join('+');
  const decoded = key === undefined ? undefined : tryFromBase64(key);
  if (decoded?.length !== 33 || decoded[0] !== 0x01) return signer;
  const privateKey = createPrivateKey({ key: Buffer.from(concatBytes(ED25519_PKCS8_PREFIX, decoded.subarray(1))), format: 'der', type: 'pkcs8' });
  const fast = (text: Uint8Array) => new Uint8Array(sign(null, text, privateKey));
  const probe = new TextEncoder().encode('provwb serve signer probe\n');
  if (!bytesEqual(fast(probe), signer.sign(probe))) return signer;
  return { ...signer, sign: fast };
}
