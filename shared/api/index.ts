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
export { API_METHODS, WORKBENCH_EVENTS, isApiMethod, isWorkbenchEventName, apiFromCall, dispatchApiCall } from './workbench-api.js';
export type { WorkbenchApi, WorkbenchEvents, WorkbenchEventName, WorkbenchEventListener, ApiMethod, ApiInput, ApiOutput, ApiEnvelope, ApiCall, WorkbenchBridge } from './workbench-api.js';
export { MAX_PAGE_ROWS, MAX_SEARCH_RESULTS, DEFAULT_SEARCH_LIMIT, MAX_CHECKPOINT_LIMIT, DEFAULT_CHECKPOINT_LIMIT } from './workbench-dto.js';
export type {
  LogSelector,
  CheckpointDto,
  LogSummaryDto,
  WorkbenchInfoDto,
  ListEntriesInput,
  EntryRowDto,
  EntryPageDto,
  SearchInput,
  SearchMatchDto,
  SearchResultDto,
  GetEntryInput,
  IndexKeyDto,
  EntryDetailDto,
  CheckpointsInput,
  CheckpointListDto,
  ConsistencyInput,
  ConsistencyDto,
} from './workbench-dto.js';
export { MAX_ARTIFACT_BYTES, MAX_REKORD_CONTENT_BYTES } from './workbench-signing-dto.js';
export type {
  KeyTypeDto,
  GeneratedKeyTypeDto,
  SigningKindDto,
  KeyDto,
  KeyListDto,
  GenerateKeyInputDto,
  ImportKeyInputDto,
  KeyNameInput,
  PublicKeyExportDto,
  StagedArtifactDto,
  SignInputDto,
  SignResultDto,
} from './workbench-signing-dto.js';
export { MAX_LAYOUT_JSON_CHARS, MAX_ENTRY_JSON_CHARS } from './workbench-types-dto.js';
export type {
  TypeSummaryDto,
  TypeListDto,
  DesignProblemDto,
  LayoutTextInput,
  LayoutValidationDto,
  EntryCheckInput,
  RoleValueDto,
  EntryValidationDto,
  SignEntryInput,
  SignedEntryDto,
  EntryTextInput,
  LoggedEntryDto,
} from './workbench-types-dto.js';
export { REMOTE_TYPE_NAMES, MAX_REMOTE_KEY_CHARS } from './workbench-remote-dto.js';
export type {
  RemoteTypeDto,
  RemoteDto,
  RemoteListDto,
  AddRemoteInputDto,
  RemoteNameInput,
  SyncRemoteInputDto,
  RemoteCheckpointsInput,
  RemoteCheckpointsDto,
  EntryProblemDto,
  SyncResultDto,
  CosignResultDto,
  ForkSummaryDto,
  ForkListDto,
  ForkInput,
  ForkVerdictDto,
  ForkDetailDto,
  AuditInputDto,
  AuditProblemDto,
  AuditNoteDto,
  AuditReportDto,
  TaskStateDto,
  TaskProgressDto,
  SyncTaskDto,
  AuditTaskDto,
  TaskDto,
  TaskInput,
  TaskListDto,
} from './workbench-remote-dto.js';
export { WATCH_TYPE_NAMES, ALERT_STATE_NAMES, DEFAULT_ALERT_LIMIT, MAX_ALERT_LIMIT, MONITOR_TASK_SUBJECT } from './workbench-monitor-dto.js';
export type {
  WatchTypeDto,
  AlertStateDto,
  WatchDto,
  WatchListDto,
  AddWatchInputDto,
  AddWatchResultDto,
  AlertDto,
  AlertsInput,
  AlertListDto,
  AlertInput,
  SignerInput,
  SignerListDto,
  AllowSignerResultDto,
  WebhookInput,
  WebhookStatusDto,
  MonitorCheckInputDto,
  MonitorCheckResultDto,
  MonitorTaskDto,
  WitnessKeyDto,
} from './workbench-monitor-dto.js';
export { watchValueProblems } from './workbench-monitor-inputs.js';
export { validateApiInput, parseApiInput } from './workbench-inputs.js';
export { integer, string, oneOf, array, object, validate } from './input-schema.js';
export type { InputProblem, Schema } from './input-schema.js';
export { errorToData, failureEnvelope, parseErrorData, resultFromEnvelope } from './api-envelope.js';
