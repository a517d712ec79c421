import { useState } from 'react';
import { MAX_ARTIFACT_BYTES, WorkbenchError, isWorkbenchError, type StagedArtifactDto } from '../../../../shared/api/index.js';
import { useStageArtifact } from '../../api/workbench-context.js';
import { DropZone } from '../../components/DropZone.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { Hash } from '../../components/Hash.js';
import { formatBytes } from '../../format/format.js';

/**
 * The release file to sign: dropped or picked, then handed to the engine (uploaded with a progress
 * bar in browser mode), which hashes it as it arrives. Reports the staged artefact, or undefined
 * while a new file is on its way.
 */
export function ArtifactPicker({ staged, onStaged }: { staged: StagedArtifactDto | undefined; onStaged: (artifact: StagedArtifactDto | undefined) => void }) {
  const stage = useStageArtifact();
  const [progress, setProgress] = useState<{ name: string; done: number; total: number } | undefined>(undefined);
  const [error, setError] = useState<WorkbenchError | undefined>(undefined);

  async function take(file: File) {
    setError(undefined);
    onStaged(undefined);
    if (file.size > MAX_ARTIFACT_BYTES) {
      setError(new WorkbenchError('artifact_too_large', `${file.name} is ${formatBytes(file.size)}; the workbench takes files up to ${formatBytes(MAX_ARTIFACT_BYTES)}`, undefined, { hint: 'sign it with `provwb sign FILE` in a terminal' }));
      return;
    }
    setProgress({ name: file.name, done: 0, total: file.size });
    try {
      onStaged(await stage(file, (done, total) => setProgress({ name: file.name, done, total })));
    } catch (e) {
      setError(isWorkbenchError(e) ? e : new WorkbenchError('renderer_error', String(e)));
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <section className="panel" aria-label="Release file">
      <div className="panel-head">
        <h2 className="grow">1 · Release file</h2>
      </div>
      <div className="panel-body">
        <DropZone onFile={(file) => void take(file)} inputLabel="Choose a file to sign" note={<>up to {formatBytes(MAX_ARTIFACT_BYTES)}; hashed by the engine as it arrives</>}>
          Drop the file to sign here, or
        </DropZone>
        {progress && (
          <div className="row section-gap" aria-live="polite">
            <span className="grow">Sending {progress.name}…</span>
            <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={`Sending ${progress.name}`} />
            <span className="muted">
              {formatBytes(progress.done)} of {formatBytes(progress.total)}
            </span>
          </div>
        )}
        {error && <ErrorPanel error={error} />}
        {staged && (
          <dl className="kv section-gap" aria-label="Staged file">
            <dt>File</dt>
            <dd>
              <strong>{staged.name}</strong> <span className="muted">{formatBytes(staged.sizeBytes)}</span>
            </dd>
            <dt>SHA-256</dt>
            <dd>
              <Hash value={staged.sha256} full label="SHA-256" />
            </dd>
          </dl>
        )}
      </div>
    </section>
  );
}
