import { utilityProcess, type UtilityProcess } from 'electron';
import { WorkbenchError, failureEnvelope, type ApiEnvelope, type ApiInput, type ApiMethod } from '../../shared/api/index.js';
import type { FromEngine, ToEngine } from './engine-messages.js';

/** A call the engine has not answered in this time fails (the window must never hang on it). */
const CALL_TIMEOUT_MS = 60_000;
/** Hashing a multi-gigabyte release file takes longer than any call. */
const STAGE_TIMEOUT_MS = 30 * 60_000;

export interface EngineClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiEnvelope>;
  /** Stages a file for signing by its path (hashed in the engine); resolves with a StagedArtifactDto envelope. */
  stage(filePath: string): Promise<ApiEnvelope>;
  onEvent(listener: (name: string, payload: unknown) => void): void;
  stop(): void;
}

/**
 * Starts the engine host in a utilityProcess and returns the main process's side of it: calls are
 * matched to answers by id; if the engine dies, pending calls fail with `engine_crashed` and the
 * next call starts a new one.
 */
export function startEngine(options: { hostScript: string; dataDir: string }): EngineClient {
  let child: UtilityProcess | undefined;
  let nextId = 1;
  let stopping = false;
  const pending = new Map<number, { resolve: (e: ApiEnvelope) => void; timer: ReturnType<typeof setTimeout> }>();
  const listeners = new Set<(name: string, payload: unknown) => void>();

  function failAll(error: WorkbenchError): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.resolve(failureEnvelope(error));
      pending.delete(id);
    }
  }

  function spawn(): UtilityProcess {
    const proc = utilityProcess.fork(options.hostScript, [], {
      serviceName: 'Provenance Workbench engine',
      env: { ...process.env, PROVWB_DATA_DIR_FOR_ENGINE: options.dataDir },
      stdio: 'inherit',
    });
    proc.on('message', (message: FromEngine) => {
      if (message.type === 'result') {
        const p = pending.get(message.id);
        if (!p) return;
        clearTimeout(p.timer);
        pending.delete(message.id);
        p.resolve(message.envelope);
      } else if (message.type === 'event') {
        for (const l of listeners) l(message.name, message.payload);
      }
    });
    proc.on('exit', (code) => {
      child = undefined;
      if (!stopping) failAll(new WorkbenchError('engine_crashed', `the engine process exited (code ${code})`, undefined, { hint: 'try again: a new engine starts with the next request' }));
    });
    return proc;
  }

  function send(what: string, timeoutMs: number, message: (id: number) => ToEngine): Promise<ApiEnvelope> {
    child ??= spawn();
    const id = nextId++;
    const proc = child;
    return new Promise<ApiEnvelope>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(failureEnvelope(new WorkbenchError('engine_timeout', `the engine did not answer ${what} within ${timeoutMs / 1000} s`)));
      }, timeoutMs);
      pending.set(id, { resolve, timer });
      proc.postMessage(message(id));
    });
  }

  return {
    call(method, input) {
      return send(method, CALL_TIMEOUT_MS, (id) => ({ type: 'call', id, method, input }));
    },
    stage(filePath) {
      return send('staging a file', STAGE_TIMEOUT_MS, (id) => ({ type: 'stage', id, path: filePath }));
    },
    onEvent(listener) {
      listeners.add(listener);
      // Events flow once the engine runs; start it now so a window sees appends without calling first.
      child ??= spawn();
    },
    stop() {
      stopping = true;
      failAll(new WorkbenchError('engine_stopped', 'the workbench is closing'));
      child?.kill();
    },
  };
}
