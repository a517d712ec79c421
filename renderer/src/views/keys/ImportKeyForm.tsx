import { useState, type FormEvent } from 'react';
import { WorkbenchError, type KeyDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { toBase64, utf8 } from '../../../../shared/encoding/index.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';

/** The keyring's own limit on a key file. */
const MAX_KEY_BYTES = 1 << 20;

/** Imports a key pasted as text or read from a file: armored or binary OpenPGP, OpenSSH, minisign, PEM. */
export function ImportKeyForm({ onDone }: { onDone: (key: KeyDto) => void }) {
  const api = useWorkbench();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [fileBytes, setFileBytes] = useState<{ name: string; bytes: Uint8Array } | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const [sourcePassphrase, setSourcePassphrase] = useState('');
  const { busy, error, run } = useAction();
  const [fileProblem, setFileProblem] = useState<WorkbenchError | undefined>(undefined);
  const looksPrivate = /PRIVATE KEY|SECRET KEY|untrusted comment: minisign encrypted secret key/.test(text);

  async function pick(file: File) {
    setFileProblem(undefined);
    if (file.size > MAX_KEY_BYTES) {
      setFileProblem(new WorkbenchError('key_too_large', `${file.name} is ${file.size} bytes; key files are far smaller than ${MAX_KEY_BYTES}`));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    setFileBytes({ name: file.name, bytes });
    // Text files show in the box so the user sees what is imported; binary keys stay as bytes.
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    setText(/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded) ? '' : decoded);
    if (name === '') setName(file.name.replace(/\.(asc|pub|pem|key|gpg|minisign|sec)$/i, '').replace(/[^A-Za-z0-9._@+-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 128));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const bytes = text.trim() !== '' ? utf8(text) : fileBytes?.bytes;
    if (!bytes || name === '') return;
    await run(async () => {
      const key = await api.keys.import({
        name: name.trim(),
        keyBase64: toBase64(bytes),
        ...(passphrase === '' ? {} : { passphrase }),
        ...(sourcePassphrase === '' ? {} : { sourcePassphrase }),
      });
      setName('');
      setText('');
      setFileBytes(undefined);
      setPassphrase('');
      setSourcePassphrase('');
      onDone(key);
    });
  }

  const hasInput = text.trim() !== '' || fileBytes !== undefined;
  return (
    <form className="panel" aria-label="Import a key" onSubmit={onSubmit}>
      <div className="panel-head">
        <h2 className="grow">Import a key</h2>
        <label className="btn small">
          choose a key file
          <input type="file" className="visually-hidden" aria-label="Choose a key file" onChange={(e) => e.target.files?.[0] && void pick(e.target.files[0])} />
        </label>
        {busy && <Spinner label="Importing" />}
      </div>
      <div className="panel-body">
        <label>
          <span className="field-label">
            Armored OpenPGP, OpenSSH (public line or private key), minisign or PEM{fileBytes ? ` — from ${fileBytes.name}` : ''}
          </span>
          <textarea
            className="input"
            aria-label="Key to import"
            value={text}
            placeholder={fileBytes && text === '' ? `${fileBytes.name} (binary, ${fileBytes.bytes.length} bytes)` : '-----BEGIN PGP PUBLIC KEY BLOCK-----'}
            onChange={(e) => {
              setText(e.target.value);
              setFileBytes(undefined);
            }}
            spellCheck={false}
          />
        </label>
        <div className="form-row section-gap">
          <label>
            <span className="field-label">Name in the keyring</span>
            <input className="input" aria-label="Import name" value={name} onChange={(e) => setName(e.target.value)} maxLength={128} />
          </label>
          <label>
            <span className="field-label">Passphrase to seal it{looksPrivate ? ' (private key)' : ' (private keys only)'}</span>
            <input className="input" type="password" aria-label="Seal passphrase" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <label>
            <span className="field-label">The file’s own passphrase, if different</span>
            <input className="input" type="password" aria-label="File passphrase" autoComplete="off" value={sourcePassphrase} onChange={(e) => setSourcePassphrase(e.target.value)} />
          </label>
          <button type="submit" className="btn primary" disabled={busy || !hasInput || name === ''}>
            Import
          </button>
        </div>
        {(fileProblem ?? error) && <ErrorPanel error={(fileProblem ?? error)!} />}
      </div>
    </form>
  );
}
