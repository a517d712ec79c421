/**
 * WorkbenchApi: the one contract for every operation the UI may ask of the engine. Three
 * implementations are checked against it: `createWorkbenchApi(workbench)` in the engine (the only
 * place UI operations touch it), `createHttpApi` (browser mode) and `createIpcApi` (Electron preload
 * bridge) in the renderer, which cannot tell the last two apart.
 */

import type { WorkbenchErrorData } from './errors.js';
import type {
  AddWatchInputDto,
  AddWatchResultDto,
  AlertDto,
  AlertInput,
  AlertListDto,
  AlertsInput,
  AllowSignerResultDto,
  MonitorCheckInputDto,
  MonitorTaskDto,
  SignerInput,
  SignerListDto,
  WatchListDto,
  WebhookInput,
  WebhookStatusDto,
  WitnessKeyDto,
} from './workbench-monitor-dto.js';
import type {
  AddRemoteInputDto,
  AuditInputDto,
  AuditTaskDto,
  CosignResultDto,
  ForkDetailDto,
  ForkInput,
  ForkListDto,
  RemoteCheckpointsDto,
  RemoteCheckpointsInput,
  RemoteDto,
  RemoteListDto,
  RemoteNameInput,
  SyncRemoteInputDto,
  SyncTaskDto,
  TaskDto,
  TaskInput,
  TaskListDto,
} from './workbench-remote-dto.js';
import type {
  CheckpointListDto,
  CheckpointsInput,
  ConsistencyDto,
  ConsistencyInput,
  EntryDetailDto,
  EntryPageDto,
  GetEntryInput,
  ListEntriesInput,
  SearchInput,
  SearchResultDto,
  WorkbenchInfoDto,
} from './workbench-dto.js';
import type {
  GenerateKeyInputDto,
  ImportKeyInputDto,
  KeyDto,
  KeyListDto,
  KeyNameInput,
  PublicKeyExportDto,
  SignInputDto,
  SignResultDto,
} from './workbench-signing-dto.js';
import type {
  EntryCheckInput,
  EntryTextInput,
  EntryValidationDto,
  LayoutTextInput,
  LayoutValidationDto,
  LoggedEntryDto,
  SignEntryInput,
  SignedEntryDto,
  TypeListDto,
} from './workbench-types-dto.js';

/** Events the engine (or, for `file-opened`, the desktop shell) pushes to the UI: name → payload. */
export interface WorkbenchEvents {
  /** A log's tree head moved (an append here, or by the CLI on the same database). */
  'log-changed': { readonly log: string; readonly treeSize: number; readonly rootHash: string };
  /** Heavy work running off the UI thread (sync, audit, bulk import). */
  'task-progress': {
    readonly task: string;
    readonly label: string;
    readonly done: number;
    readonly total: number;
    readonly ratePerSec: number;
    readonly etaSec: number | null;
  };
  /** A task (sync, audit) ended; `tasks.get` answers its result or error. */
  'task-finished': { readonly task: string; readonly kind: TaskDto['kind']; readonly subject: string; readonly state: TaskDto['state'] };
  /** The open (unacknowledged) alerts changed; `raised` counts alerts new since the last event (0 after an ack). */
  'alerts-changed': { readonly unacknowledged: number; readonly raised: number };
  /** Desktop only: a file given on the command line, by the OS (open-file) or the File menu, to verify. */
  'file-opened': { readonly name: string; readonly text: string };
  /** Desktop only: the application menu asks for a view (View ▸ Explorer, …). */
  'menu-navigate': { readonly view: string };
}

export type WorkbenchEventName = keyof WorkbenchEvents;

/** Every event name, for transports that subscribe to all of them. */
export const WORKBENCH_EVENTS = { 'log-changed': true, 'task-progress': true, 'task-finished': true, 'alerts-changed': true, 'file-opened': true, 'menu-navigate': true } as const satisfies Record<WorkbenchEventName, true>;

export type WorkbenchEventListener<E extends WorkbenchEventName> = (payload: WorkbenchEvents[E]) => void;

export interface WorkbenchApi {
  readonly log: {
    /** Dashboard: every log with size, root, latest checkpoint and its age, alerts. */
    info(): Promise<WorkbenchInfoDto>;
    /** The newest signed checkpoints of a log, ascending by tree size. */
    checkpoints(input: CheckpointsInput): Promise<CheckpointListDto>;
    /** A consistency proof between two tree sizes, with the checkpoints stored at each. */
    consistency(input: ConsistencyInput): Promise<ConsistencyDto>;
  };
  readonly remotes: {
    /** Every mirrored remote with its mirrored size, latest verified checkpoint, forks and running sync. */
    list(): Promise<RemoteListDto>;
    /** Registers a remote (checked like `provwb remote add`); nothing is fetched yet. */
    add(input: AddRemoteInputDto): Promise<RemoteDto>;
    /** Starts a sync task (refused while one runs for the remote); it resumes where the last one stopped. */
    sync(input: SyncRemoteInputDto): Promise<SyncTaskDto>;
    /** The remote's stored checkpoints (fetched, evidence, cosigned), ascending by tree size. */
    checkpoints(input: RemoteCheckpointsInput): Promise<RemoteCheckpointsDto>;
    /** Cosigns the remote's latest verified checkpoint with the workbench witness (`provwb witness cosign`). */
    cosign(input: RemoteNameInput): Promise<CosignResultDto>;
  };
  readonly monitor: {
    /** Every watch with how far it has checked each log. */
    watches(): Promise<WatchListDto>;
    /** Adds a watch (the same watch again answers the existing one, created: false). */
    addWatch(input: AddWatchInputDto): Promise<AddWatchResultDto>;
    /** Alerts newest first, optionally in one state, with the count in each state. */
    alerts(input: AlertsInput): Promise<AlertListDto>;
    /** Starts a monitor check task (`provwb monitor check`): syncs watched remotes, records new alerts once, delivers the webhook. */
    check(input: MonitorCheckInputDto): Promise<MonitorTaskDto>;
    /** Marks an alert seen and handled. */
    ack(input: AlertInput): Promise<AlertDto>;
    /** Marks an alert a false positive; a webhook delivery still waiting is dropped. */
    suppress(input: AlertInput): Promise<AlertDto>;
    /** The allow-listed (expected) signer fingerprints. */
    signers(): Promise<SignerListDto>;
    /** Allow-lists a signer: its entries raise no entry alerts from later checks. */
    allowSigner(input: SignerInput): Promise<AllowSignerResultDto>;
    /** The webhook and its outbox's delivery status. */
    webhook(): Promise<WebhookStatusDto>;
    /** Sets the webhook new alerts are POSTed to. */
    setWebhook(input: WebhookInput): Promise<WebhookStatusDto>;
    /** Removes the webhook. */
    clearWebhook(): Promise<WebhookStatusDto>;
  };
  readonly witness: {
    /** The workbench witness's cosignature/v1 key (made on first use, as `provwb witness key`); cosigning is `remotes.cosign`. */
    key(): Promise<WitnessKeyDto>;
  };
  readonly forks: {
    /** Every stored fork, newest first. */
    list(): Promise<ForkListDto>;
    /** One fork's evidence document and the verdict of re-checking it with the remote's keys. */
    get(input: ForkInput): Promise<ForkDetailDto>;
  };
  readonly audit: {
    /** Starts an offline audit task of `local` or a mirror (read-only, off the engine's main thread). */
    run(input: AuditInputDto): Promise<AuditTaskDto>;
  };
  readonly tasks: {
    /** Running tasks and the most recent finished ones. */
    list(): Promise<TaskListDto>;
    /** One task: its progress, then its result or error. */
    get(input: TaskInput): Promise<TaskDto>;
    /** Asks a running sync to stop after its current batch; answers the task as it is now. */
    cancel(input: TaskInput): Promise<TaskDto>;
  };
  readonly entries: {
    /** One page of rows [start, start + count) (fewer at the end of the log). */
    list(input: ListEntriesInput): Promise<EntryPageDto>;
    /** Entries matching every criterion given (AND). */
    search(input: SearchInput): Promise<SearchResultDto>;
    /** One entry: body, kind fields, inclusion proof, checkpoint and verifier keys. */
    get(input: GetEntryInput): Promise<EntryDetailDto>;
    /** Adds a proposed entry of any accepted kind to the local log (validated and verified first); nothing is stored on failure. */
    add(input: EntryTextInput): Promise<LoggedEntryDto>;
  };
  readonly keys: {
    /** Every keyring key with its fingerprint and the kinds it can sign, ordered by name. */
    list(): Promise<KeyListDto>;
    /** Generates a key (ed25519, ecdsa-p256, or pgp with an email) sealed with the passphrase. */
    generate(input: GenerateKeyInputDto): Promise<KeyDto>;
    /** Imports a key file (armored OpenPGP, OpenSSH, minisign, PEM); nothing is stored on failure. */
    import(input: ImportKeyInputDto): Promise<KeyDto>;
    /** A key's public part in its ecosystem's text form. */
    exportPublic(input: KeyNameInput): Promise<PublicKeyExportDto>;
  };
  readonly signing: {
    /**
     * Signs a staged artefact (uploaded in browser mode, picked in the desktop app), logs the entry
     * and returns it with the bundle or detached signature; the staged copy is released.
     */
    sign(input: SignInputDto): Promise<SignResultDto>;
  };
  readonly types: {
    /** Every kind and version the local log accepts, built-in and custom (with its layout). */
    list(): Promise<TypeListDto>;
    /** Every problem of a layout, each with its JSON Pointer; never throws for a bad layout. */
    validateLayout(input: LayoutTextInput): Promise<LayoutValidationDto>;
    /** Judges a sample entry by a layout that need not be published: problems, roles, signature, canonical body and leaf hash. */
    validateEntry(input: EntryCheckInput): Promise<EntryValidationDto>;
    /** Writes a keyring key's public key and its signature over the layout's message into a sample entry. */
    signEntry(input: SignEntryInput): Promise<SignedEntryDto>;
    /** Logs the layout as a `layout` entry; refuses a second layout for the same kind and version. */
    publish(input: LayoutTextInput): Promise<LoggedEntryDto>;
  };
  /** Subscribes to one event; returns the function that unsubscribes. */
  on<E extends WorkbenchEventName>(event: E, listener: WorkbenchEventListener<E>): () => void;
}

type ApiGroups = Omit<WorkbenchApi, 'on'>;
type GroupName = keyof ApiGroups & string;

/** A method's wire name: `group.method`, e.g. `entries.get`. */
export type ApiMethod = { [G in GroupName]: `${G}.${keyof ApiGroups[G] & string}` }[GroupName];

type MethodFn<M extends ApiMethod> = M extends `${infer G extends GroupName}.${infer N}` ? (N extends keyof ApiGroups[G] ? ApiGroups[G][N] : never) : never;

/** A method's one input object (`{}` for methods without input). */
export type ApiInput<M extends ApiMethod> = Parameters<MethodFn<M>> extends [] ? Record<string, never> : Parameters<MethodFn<M>>[0];

/** A method's result. */
export type ApiOutput<M extends ApiMethod> = MethodFn<M> extends (...args: never[]) => Promise<infer R> ? R : never;

/** Every method: a method missing here, or here but not in WorkbenchApi, is a compile error. */
export const API_METHODS = {
  'remotes.list': true,
  'remotes.add': true,
  'remotes.sync': true,
  'remotes.checkpoints': true,
  'remotes.cosign': true,
  'monitor.watches': true,
  'monitor.addWatch': true,
  'monitor.alerts': true,
  'monitor.check': true,
  'monitor.ack': true,
  'monitor.suppress': true,
  'monitor.signers': true,
  'monitor.allowSigner': true,
  'monitor.webhook': true,
  'monitor.setWebhook': true,
  'monitor.clearWebhook': true,
  'witness.key': true,
  'forks.list': true,
  'forks.get': true,
  'audit.run': true,
  'tasks.list': true,
  'tasks.get': true,
  'tasks.cancel': true,
  'log.info': true,
  'log.checkpoints': true,
  'log.consistency': true,
  'entries.list': true,
  'entries.search': true,
  'entries.get': true,
  'entries.add': true,
  'keys.list': true,
  'keys.generate': true,
  'keys.import': true,
  'keys.exportPublic': true,
  'signing.sign': true,
  'types.list': true,
  'types.validateLayout': true,
  'types.validateEntry': true,
  'types.signEntry': true,
  'types.publish': true,
} as const satisfies Record<ApiMethod, true>;

/** Returns true when `name` is a method of the contract (own keys only: never `__proto__` or `toString`). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API_METHODS, name);
}

/** Returns true when `name` is an event of the contract. */
export function isWorkbenchEventName(name: unknown): name is WorkbenchEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(WORKBENCH_EVENTS, name);
}

/** How a call's outcome crosses IPC and HTTP: errors as data, rebuilt with errorFromData. */
export type ApiEnvelope<T = unknown> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: WorkbenchErrorData };

/** Sends one call over a transport; resolves with the result or rejects with the rebuilt WorkbenchError. */
export type ApiCall = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

/** Returns a WorkbenchApi whose methods all go through `call` (the renderer's HTTP and IPC transports). */
export function apiFromCall(call: ApiCall, on: WorkbenchApi['on']): WorkbenchApi {
  return {
    log: {
      info: () => call('log.info', {}),
      checkpoints: (input) => call('log.checkpoints', input),
      consistency: (input) => call('log.consistency', input),
    },
    remotes: {
      list: () => call('remotes.list', {}),
      add: (input) => call('remotes.add', input),
      sync: (input) => call('remotes.sync', input),
      checkpoints: (input) => call('remotes.checkpoints', input),
      cosign: (input) => call('remotes.cosign', input),
    },
    monitor: {
      watches: () => call('monitor.watches', {}),
      addWatch: (input) => call('monitor.addWatch', input),
      alerts: (input) => call('monitor.alerts', input),
      check: (input) => call('monitor.check', input),
      ack: (input) => call('monitor.ack', input),
      suppress: (input) => call('monitor.suppress', input),
      signers: () => call('monitor.signers', {}),
      allowSigner: (input) => call('monitor.allowSigner', input),
      webhook: () => call('monitor.webhook', {}),
      setWebhook: (input) => call('monitor.setWebhook', input),
      clearWebhook: () => call('monitor.clearWebhook', {}),
    },
    witness: {
      key: () => call('witness.key', {}),
    },
    forks: {
      list: () => call('forks.list', {}),
      get: (input) => call('forks.get', input),
    },
    audit: {
      run: (input) => call('audit.run', input),
    },
    tasks: {
      list: () => call('tasks.list', {}),
      get: (input) => call('tasks.get', input),
      cancel: (input) => call('tasks.cancel', input),
    },
    entries: {
      list: (input) => call('entries.list', input),
      search: (input) => call('entries.search', input),
      get: (input) => call('entries.get', input),
      add: (input) => call('entries.add', input),
    },
    keys: {
      list: () => call('keys.list', {}),
      generate: (input) => call('keys.generate', input),
      import: (input) => call('keys.import', input),
      exportPublic: (input) => call('keys.exportPublic', input),
    },
    signing: {
      sign: (input) => call('signing.sign', input),
    },
    types: {
      list: () => call('types.list', {}),
      validateLayout: (input) => call('types.validateLayout', input),
      validateEntry: (input) => call('types.validateEntry', input),
      signEntry: (input) => call('types.signEntry', input),
      publish: (input) => call('types.publish', input),
    },
    on,
  };
}

const DISPATCH: { readonly [M in ApiMethod]: (api: WorkbenchApi, input: ApiInput<M>) => Promise<ApiOutput<M>> } = {
  'remotes.list': (api) => api.remotes.list(),
  'remotes.add': (api, input) => api.remotes.add(input),
  'remotes.sync': (api, input) => api.remotes.sync(input),
  'remotes.checkpoints': (api, input) => api.remotes.checkpoints(input),
  'remotes.cosign': (api, input) => api.remotes.cosign(input),
  'monitor.watches': (api) => api.monitor.watches(),
  'monitor.addWatch': (api, input) => api.monitor.addWatch(input),
  'monitor.alerts': (api, input) => api.monitor.alerts(input),
  'monitor.check': (api, input) => api.monitor.check(input),
  'monitor.ack': (api, input) => api.monitor.ack(input),
  'monitor.suppress': (api, input) => api.monitor.suppress(input),
  'monitor.signers': (api) => api.monitor.signers(),
  'monitor.allowSigner': (api, input) => api.monitor.allowSigner(input),
  'monitor.webhook': (api) => api.monitor.webhook(),
  'monitor.setWebhook': (api, input) => api.monitor.setWebhook(input),
  'monitor.clearWebhook': (api) => api.monitor.clearWebhook(),
  'witness.key': (api) => api.witness.key(),
  'forks.list': (api) => api.forks.list(),
  'forks.get': (api, input) => api.forks.get(input),
  'audit.run': (api, input) => api.audit.run(input),
  'tasks.list': (api) => api.tasks.list(),
  'tasks.get': (api, input) => api.tasks.get(input),
  'tasks.cancel': (api, input) => api.tasks.cancel(input),
  'log.info': (api) => api.log.info(),
  'log.checkpoints': (api, input) => api.log.checkpoints(input),
  'log.consistency': (api, input) => api.log.consistency(input),
  'entries.list': (api, input) => api.entries.list(input),
  'entries.search': (api, input) => api.entries.search(input),
  'entries.get': (api, input) => api.entries.get(input),
  'entries.add': (api, input) => api.entries.add(input),
  'keys.list': (api) => api.keys.list(),
  'keys.generate': (api, input) => api.keys.generate(input),
  'keys.import': (api, input) => api.keys.import(input),
  'keys.exportPublic': (api, input) => api.keys.exportPublic(input),
  'signing.sign': (api, input) => api.signing.sign(input),
  'types.list': (api) => api.types.list(),
  'types.validateLayout': (api, input) => api.types.validateLayout(input),
  'types.validateEntry': (api, input) => api.types.validateEntry(input),
  'types.signEntry': (api, input) => api.types.signEntry(input),
  'types.publish': (api, input) => api.types.publish(input),
};

/**
 * Calls `method` on `api` with an input that parseApiInput already checked (the HTTP routes and the
 * Electron engine host dispatch through here).
 */
export function dispatchApiCall<M extends ApiMethod>(api: WorkbenchApi, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return DISPATCH[method](api, input);
}

/**
 * What the Electron preload exposes as `window.workbench`. Errors cannot cross contextBridge with
 * their class and fields, so the bridge answers envelopes and the renderer's IPC transport rebuilds
 * them; it is the transport under `createIpcApi`, not a second contract.
 */
export interface WorkbenchBridge {
  /** Resolves with an ApiEnvelope (as unknown: the renderer parses it). */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Subscribes to every event; returns the function that unsubscribes. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  /**
   * Hands a file the user dropped or picked to the engine for signing, by its path on disk (the
   * preload reads it with webUtils; a page cannot name a path itself). Resolves with an
   * ApiEnvelope of a StagedArtifactDto.
   */
  stageFile(file: unknown): Promise<unknown>;
}
