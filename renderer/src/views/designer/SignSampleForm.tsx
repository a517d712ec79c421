import { useRef, useState, type FormEvent } from 'react';
import { useAction } from '../../api/use-action.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';

/** Signs the sample entry with a keyring key: the engine writes the key and signature at the layout's role pointers. */
export function SignSampleForm({ layoutJson, entryJson, onSigned }: { layoutJson: string; entryJson: string; onSigned: (entryJson: string) => void }) {
  const api = useWorkbench();
  const keys = useCall('designer-keys', () => api.keys.list());
  const signers = (keys.data?.keys ?? []).filter((k) => k.hasPrivateKey && ['ed25519', 'ecdsa-p256', 'minisign'].includes(k.type));
  const [keyName, setKeyName] = useState<string | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();
  const passphraseRef = useRef<HTMLInputElement>(null);
  const key = signers.find((k) => k.name === keyName) ?? signers[0];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!key || passphrase === '') return;
    const ok = await run(async () => {
      const signed = await api.types.signEntry({ layoutJson, entryJson, keyName: key.name, passphrase });
      onSigned(signed.entryJson);
    });
    setPassphrase('');
    if (!ok) passphraseRef.current?.focus();
  }

  return (
    <form className="sign-sample" aria-label="Sign the sample entry" onSubmit={onSubmit}>
      {keys.error && <ErrorPanel error={keys.error} onRetry={keys.reload} />}
      {keys.data && signers.length === 0 && <div className="faint">No Ed25519, ECDSA P-256 or minisign key with a private part in the keyring: generate one in Keys, or paste an entry signed elsewhere.</div>}
      {key && (
        <div className="form-row">
          <label>
            <span className="field-label">Key</span>
            <select className="input" aria-label="Signing key" value={key.name} onChange={(e) => setKeyName(e.target.value)}>
              {signers.map((k) => (
                <option key={k.name} value={k.name}>
                  {k.name} · {k.type}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">Passphrase of {key.name}</span>
            <input ref={passphraseRef} className="input" type="password" aria-label="Key passphrase" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <button type="submit" className="btn" disabled={busy || passphrase === ''}>
            Sign sample entry
          </button>
          {busy && <Spinner label="Signing" />}
        </div>
      )}
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
