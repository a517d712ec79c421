export { publishEntry, publishApiOf, parseUuid } from './publish-entry.js';
export type { PublishOptions, PublishResult } from './publish-entry.js';
export { publicationRequest } from './publication-request.js';
export type { PublishApi } from './publication-request.js';
export { verifyPublication } from './verify-published.js';
export type { VerifiedPublication } from './verify-published.js';
export { remotePublicKeyPem } from './remote-log-key.js';
