export { nodeHasher } from './node-hasher.js';
export { withNodeEd25519 } from './node-note-signer.js';
