import { useState, type FormEvent } from 'react';
import type { GeneratedKeyTypeDto, KeyDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';

const TYPES: ReadonlyArray<{ type: GeneratedKeyTypeDto; label: string }> = [
  { type: 'ecdsa-p256', label: 'ECDSA P-256 (hashedrekord or dsse, Sigstore bundles)' },
  { type: 'ed25519', label: 'Ed25519 (dsse, Sigstore bundles)' },
  { type: 'pgp', label: 'OpenPGP Ed25519 (rekord, .asc signatures gpg verifies)' },
];

/** Generates a key sealed with a passphrase typed twice. */
export function GenerateKeyForm({ onDone }: { onDone: (key: KeyDto) => void }) {
  const api = useWorkbench();
  const [type, setType] = useState<GeneratedKeyTypeDto>('ecdsa-p256');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, run } = useAction();
  const mismatch = again !== '' && again !== passphrase;
  const needsEmail = type === 'pgp' && email.trim() === '';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mismatch || needsEmail || name === '' || passphrase === '') return;
    await run(async () => {
      const key = await api.keys.generate({ type, name: name.trim(), passphrase, ...(email.trim() === '' ? {} : { email: email.trim() }) });
      setName('');
      setEmail('');
      setPassphrase('');
      setAgain('');
      onDone(key);
    });
  }

  return (
    <form className="panel" aria-label="Generate a key" onSubmit={onSubmit}>
      <div className="panel-head">
        <h2 className="grow">Generate a key</h2>
        {busy && <Spinner label="Generating" />}
      </div>
      <div className="panel-body">
        <div className="form-row">
          <label>
            <span className="field-label">Type</span>
            <select className="input" aria-label="Key type" value={type} onChange={(e) => setType(e.target.value as GeneratedKeyTypeDto)}>
              {TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">Name</span>
            <input className="input" aria-label="Key name" value={name} onChange={(e) => setName(e.target.value)} placeholder="release-2026" maxLength={128} />
          </label>
          <label>
            <span className="field-label">Email{type === 'pgp' ? ' (required)' : ' (optional)'}</span>
            <input className="input" type="email" aria-label="Email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="release@example.org" maxLength={254} />
          </label>
          <label>
            <span className="field-label">Passphrase</span>
            <input className="input" type="password" aria-label="New passphrase" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <label>
            <span className="field-label">Again</span>
            <input className="input" type="password" aria-label="Repeat passphrase" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch} />
          </label>
          <button type="submit" className="btn primary" disabled={busy || mismatch || needsEmail || name === '' || passphrase === '' || again === ''}>
            Generate
          </button>
        </div>
        {mismatch && <div className="search-note invalid">The two passphrases differ.</div>}
        {error && <ErrorPanel error={error} />}
      </div>
    </form>
  );
}
