/**
 * Browser mode's transport: WorkbenchApi over `provwb ui`'s HTTP routes with the run's bearer token.
 * Calls are `POST /api/call/<method>`; events arrive on `GET /api/events`, read with fetch because
 * EventSource cannot send an Authorization header.
 */

import {
  WorkbenchError,
  apiFromCall,
  errorFromData,
  isWorkbenchEventName,
  parseErrorData,
  type ApiCall,
  type WorkbenchApi,
  type WorkbenchEventListener,
  type WorkbenchEventName,
} from '../../../shared/api/index.js';
import { createStatus, type Connection } from './connection.js';
import { EventStreamParser } from './event-stream.js';
import { uploadArtifact } from './upload-artifact.js';

export interface HttpApiOptions {
  /** The page's origin, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
  /** Delay before the event stream reconnects. */
  readonly retryMs?: number;
}

function unreachable(baseUrl: string, cause: unknown): WorkbenchError {
  return new WorkbenchError('engine_unreachable', `the workbench engine at ${baseUrl} does not answer`, undefined, {
    hint: 'is `provwb ui` still running? Start it again and open the new URL it prints',
    cause,
  });
}

/** Returns the WorkbenchApi over HTTP, with the status of its event stream. */
export function createHttpApi(options: HttpApiOptions): Connection {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retryMs = options.retryMs ?? 2000;
  const status = createStatus('live');
  const auth = { Authorization: `Bearer ${options.token}` };

  const call: ApiCall = async (method, input) => {
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}/api/call/${method}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      throw unreachable(options.baseUrl, error);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new WorkbenchError('bad_response', `the engine answered HTTP ${response.status} without a JSON body`);
    }
    if (response.ok && typeof body === 'object' && body !== null && 'result' in body) return (body as { result: never }).result;
    const data = parseErrorData(typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined);
    if (response.status === 401) status.set('unauthorized');
    if (data) throw errorFromData(data);
    throw new WorkbenchError('bad_response', `the engine answered HTTP ${response.status} without an error envelope`);
  };

  const listeners = new Map<WorkbenchEventName, Set<(payload: unknown) => void>>();
  let stream: AbortController | undefined;

  function listenerCount(): number {
    let n = 0;
    for (const set of listeners.values()) n += set.size;
    return n;
  }

  async function runStream(controller: AbortController): Promise<void> {
    while (!controller.signal.aborted) {
      try {
        const response = await doFetch(`${options.baseUrl}/api/events`, { headers: auth, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
        if (response.status === 401) {
          status.set('unauthorized');
          return;
        }
        if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
        status.set('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new EventStreamParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            if (!isWorkbenchEventName(event.event)) continue;
            let payload: unknown;
            try {
              payload = JSON.parse(event.data);
            } catch {
              continue;
            }
            for (const l of listeners.get(event.event) ?? []) l(payload);
          }
        }
      } catch {
        // Aborted on purpose, or the engine went away: either way the loop decides below.
      }
      if (controller.signal.aborted) return;
      status.set('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }

  function updateStream(): void {
    if (listenerCount() > 0 && !stream) {
      stream = new AbortController();
      void runStream(stream);
    } else if (listenerCount() === 0 && stream) {
      stream.abort();
      stream = undefined;
    }
  }

  const on: WorkbenchApi['on'] = <E extends WorkbenchEventName>(event: E, listener: WorkbenchEventListener<E>) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const stored = listener as (payload: unknown) => void;
    set.add(stored);
    updateStream();
    return () => {
      set.delete(stored);
      updateStream();
    };
  };

  return {
    api: apiFromCall(call, on),
    mode: 'browser',
    label: options.baseUrl.replace(/^https?:\/\//, ''),
    status: status.get,
    onStatus: status.on,
    stageArtifact: (file, onProgress) => uploadArtifact(options.baseUrl, options.token, file, onProgress),
  };
}
