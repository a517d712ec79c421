export { signArtifact, defaultSigningKind, SIGNED_RELEASE_PREDICATE } from './sign-artifact.js';
export type { SignArtifactInput, SignArtifactResult, SigningKind } from './sign-artifact.js';
export { sha256OfFile } from './hash-file.js';
