/**
 * Browser mode's artefact upload: `POST /api/upload?name=FILE` with the raw bytes. XMLHttpRequest,
 * not fetch, because only it reports upload progress (a release file can be gigabytes).
 */

import { WorkbenchError, errorFromData, parseErrorData, type StagedArtifactDto } from '../../../shared/api/index.js';

export type UploadProgress = (doneBytes: number, totalBytes: number) => void;

function isStagedArtifact(value: unknown): value is StagedArtifactDto {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.sizeBytes === 'number' && typeof v.sha256 === 'string';
}

/** Resolves with the staged artefact, or rejects with the engine's WorkbenchError (or engine_unreachable). */
export function uploadArtifact(baseUrl: string, token: string, file: Blob & { readonly name: string }, onProgress?: UploadProgress): Promise<StagedArtifactDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${baseUrl}/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new WorkbenchError('engine_unreachable', `the upload of ${file.name} to ${baseUrl} failed`, undefined, { hint: 'is `provwb ui` still running?' }));
    xhr.onload = () => {
      const body = xhr.response as { result?: unknown; error?: unknown } | null;
      if (xhr.status === 200 && body && isStagedArtifact(body.result)) return resolve(body.result);
      const data = parseErrorData(body?.error);
      reject(data ? errorFromData(data) : new WorkbenchError('bad_response', `the engine answered the upload with HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}
