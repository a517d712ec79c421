export {
  WorkbenchError,
  VerificationError,
  InputError,
  NotFoundError,
  ForkError,
  UsageError,
  ConflictError,
  errorFromData,
  isWorkbenchError,
  assertNever,
} from './errors.js';
export type { ErrorFamily, WorkbenchErrorData, ErrorOptions } from './errors.js';
export { parseInclusionProofDto, parseConsistencyProofDto, parseJsonText } from './proof-dto.js';
export type { InclusionProofDto, ConsistencyProofDto } from './proof-dto.js';
export type { RekorInclusionProofDto, RekorLogEntryDto, RekorLogEntryMap } from './rekor-dto.js';
