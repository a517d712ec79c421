import { useEffect, useState } from 'react';
import { useWorkbench } from '../../api/workbench-context.js';
import { DropZone } from '../../components/DropZone.js';
import { CheckList, VerdictBadge } from '../../components/Verdict.js';
import { MAX_FILE_BYTES, verifyFile, type FileVerification } from '../../verify/verify-file.js';

export interface OpenedFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Verify a file in the page: drop it, pick it, paste it, or (desktop) open it from the OS. Rekor
 * log entries, inclusion and consistency proofs, and signed checkpoints of this workbench's logs.
 */
export function VerifyFile({ opened }: { opened: OpenedFile | undefined }) {
  const api = useWorkbench();
  const [file, setFile] = useState<OpenedFile | undefined>(opened);
  const [text, setText] = useState(opened?.text ?? '');
  const [result, setResult] = useState<FileVerification | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (opened) {
      setFile(opened);
      setText(opened.text);
    }
  }, [opened]);

  useEffect(() => {
    if (text.trim() === '') {
      setResult(undefined);
      return;
    }
    let current = true;
    void (async () => {
      const info = await api.log.info();
      const verification = await verifyFile(text, { logs: info.logs, checkpoints: async (log) => (await api.log.checkpoints({ log })).checkpoints });
      if (current) setResult(verification);
    })().catch((error: unknown) => current && setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [text, api]);

  async function readFile(f: File) {
    setProblem(undefined);
    if (f.size > MAX_FILE_BYTES) {
      setProblem(`${f.name} is ${f.size} bytes; files up to ${MAX_FILE_BYTES} bytes are verified`);
      return;
    }
    const content = await f.text();
    setFile({ name: f.name, text: content });
    setText(content);
  }

  return (
    <div className="page">
      <h1>Verify a file</h1>
      <DropZone onFile={(f) => void readFile(f)} inputLabel="Choose a file to verify">
        Drop a log entry (<code>provwb get --json</code>), an inclusion or consistency proof (<code>provwb log prove|consistency --json</code>) or a signed checkpoint here, or
      </DropZone>
      <label>
        <span className="field-label">…or paste it{file ? ` (from ${file.name})` : ''}</span>
        <textarea className="input" aria-label="File to verify" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      {problem && (
        <div className="error-panel" role="alert">
          {problem}
        </div>
      )}
      {result && (
        <section className="panel" aria-label="File verification">
          <div className="panel-head">
            <h2 className="grow">{result.description}</h2>
            <VerdictBadge verdict={result.verdict} big subject="File verification" />
          </div>
          <div className="panel-body">
            <CheckList checks={result.verdict.checks} label="File checks" />
          </div>
        </section>
      )}
    </div>
  );
}
