export { cosignRemote } from './cosign-remote.js';
export type { CosignResult } from './cosign-remote.js';
export { witnessCosigner, witnessKeyJson } from './witness-key.js';
export type { WitnessKeyJson } from './witness-key.js';
export { witnessPolicy, checkWitnessPolicy } from './witness-policy.js';
export type { WitnessPolicy, Cosignature } from './witness-policy.js';
