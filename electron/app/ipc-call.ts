import path from 'node:path';
import { InputError, failureEnvelope, isApiMethod, parseApiInput, type ApiEnvelope, type ApiInput, type ApiMethod } from '../../shared/api/index.js';
import { isTrustedSender } from './trusted-sender.js';

/** The largest IPC input accepted, as JSON: a key file of at most 1 MiB, base64 (the HTTP host's body limit). */
export const MAX_IPC_INPUT_BYTES = 2 * 1024 * 1024;

/** Sends a checked call to the engine; resolves with its envelope. */
export type EngineCall = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiEnvelope>;

/**
 * Answers one renderer IPC call — the single wrapper every handler goes through: the sending frame
 * must be our renderer (isTrustedSender), the method one of the contract's, the input within size
 * and valid for the method's schema; only then does the engine see it. Errors come back as envelopes
 * (Electron's invoke would drop their class and fields).
 */
export async function answerIpcCall(senderUrl: string | undefined | null, method: unknown, input: unknown, call: EngineCall): Promise<ApiEnvelope> {
  if (!isTrustedSender(senderUrl)) {
    return failureEnvelope(new InputError('sender_untrusted', `IPC from ${JSON.stringify(senderUrl ?? '')} is refused: only the workbench's own window may call the engine`));
  }
  if (!isApiMethod(method)) return failureEnvelope(new InputError('method_unknown', `no API method ${JSON.stringify(String(method)).slice(0, 80)}`));
  let size: number;
  try {
    size = JSON.stringify(input ?? {}).length;
  } catch {
    return failureEnvelope(new InputError('input_invalid', `${method}: the input is not plain JSON data`));
  }
  if (size > MAX_IPC_INPUT_BYTES) return failureEnvelope(new InputError('input_too_large', `${method}: the input is ${size} bytes; the limit is ${MAX_IPC_INPUT_BYTES}`));
  let checked: ApiInput<typeof method>;
  try {
    checked = parseApiInput(method, input ?? {});
  } catch (error) {
    return failureEnvelope(error);
  }
  try {
    return await call(method, checked);
  } catch (error) {
    return failureEnvelope(error);
  }
}

/**
 * Answers a request to stage a file for signing: the sender must be our renderer and the path an
 * absolute one (the preload takes it from a File the user dropped or picked, never from the page).
 */
export async function answerStageFile(senderUrl: string | undefined | null, filePath: unknown, stage: (filePath: string) => Promise<ApiEnvelope>): Promise<ApiEnvelope> {
  if (!isTrustedSender(senderUrl)) {
    return failureEnvelope(new InputError('sender_untrusted', `IPC from ${JSON.stringify(senderUrl ?? '')} is refused: only the workbench's own window may call the engine`));
  }
  if (typeof filePath !== 'string' || filePath === '' || filePath.length > 4096 || !path.isAbsolute(filePath) || filePath.includes('\0')) {
    return failureEnvelope(new InputError('artifact_not_file', 'the dropped item is not a file on this computer', undefined, { hint: 'drop or choose a file from disk' }));
  }
  try {
    return await stage(filePath);
  } catch (error) {
    return failureEnvelope(error);
  }
}
