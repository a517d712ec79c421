import { randomBytes } from 'node:crypto';
import { formatKeyId, formatVerifierKey, generateSignerKey, parseCosignerKey, type CosignerKey } from '../../../shared/note/index.js';
import { LOCAL_LOG_NAME, type Workbench } from '../open-workbench.js';
import { WitnessStore } from '../store/index.js';

/** The witness key as `witness key` shows it. */
export interface WitnessKeyJson {
  readonly name: string;
  /** C2SP vkey of signature type 0x04 (cosignature/v1): what verifiers configure. */
  readonly verifierKey: string;
  readonly keyId: string;
}

/**
 * Returns the workbench's cosigner (C2SP tlog-cosignature, Ed25519), generating and storing it on
 * first use. Its name is the local log's origin + `/witness`: a schema-less URL-like name that says
 * whose witness it is, distinct from the log's own key name.
 */
export function witnessCosigner(workbench: Workbench): CosignerKey {
  const { store, clock } = workbench;
  const keys = new WitnessStore(store.db);
  let stored = keys.signerKey();
  if (!stored) {
    const origin = store.logByName(LOCAL_LOG_NAME)!.origin;
    const { skey } = generateSignerKey(`${origin}/witness`, new Uint8Array(randomBytes(32)));
    stored = store.transaction(() => keys.insertSignerKey(skey, clock.nowMs()));
  }
  return parseCosignerKey(stored.skey);
}

/** Returns the witness's name, cosignature/v1 verifier key and key ID (creating the key on first use). */
export function witnessKeyJson(workbench: Workbench): WitnessKeyJson {
  const cosigner = witnessCosigner(workbench);
  return { name: cosigner.name, verifierKey: formatVerifierKey(cosigner.verifier), keyId: formatKeyId(cosigner.keyId) };
}
