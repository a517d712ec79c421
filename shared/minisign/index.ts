export { formatMinisignKeyId } from './key-id.js';
export { UNTRUSTED_COMMENT_PREFIX } from './text-lines.js';
export {
  MINISIGN_ALGORITHM_ED,
  MINISIGN_PUBLIC_KEY_SIZE,
  decodeMinisignPublicKey,
  encodeMinisignPublicKey,
  formatMinisignPublicKey,
  isMinisignEdAlgorithm,
  parseMinisignPublicKey,
} from './public-key.js';
export type { MinisignPublicKey } from './public-key.js';
export {
  MINISIGN_ALGORITHM_PREHASHED,
  MINISIGN_SIGNATURE_SIZE,
  decodeMinisignSignature,
  formatMinisignSignature,
  parseMinisignSignature,
} from './signature.js';
export type { MinisignSignature } from './signature.js';
export { minisignGlobalSignedData, minisignSignedContent, verifyMinisign, verifyMinisignContent } from './verify-minisign.js';
