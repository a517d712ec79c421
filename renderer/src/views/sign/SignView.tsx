import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KeyDto, SignResultDto, SigningKindDto, StagedArtifactDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { ArtifactPicker } from './ArtifactPicker.js';
import { SignResult } from './SignResult.js';

const KIND_LABELS: Readonly<Record<SigningKindDto, string>> = {
  hashedrekord: 'hashedrekord — digest signature, Sigstore bundle',
  rekord: 'rekord — detached signature in the key’s own format',
  dsse: 'dsse — in-toto statement in a DSSE envelope, Sigstore bundle',
};

/** Sign view: release file → key → kind → passphrase → the logged entry and its bundle or signature. */
export function SignView({ route, navigate }: { route: Extract<Route, { view: 'sign' }>; navigate: (route: Route) => void }) {
  const api = useWorkbench();
  const keys = useCall('keys', () => api.keys.list());
  const signers = (keys.data?.keys ?? []).filter((k) => k.hasPrivateKey);
  const [staged, setStaged] = useState<StagedArtifactDto | undefined>(undefined);
  const [keyName, setKeyName] = useState<string | undefined>(route.key);
  const [kind, setKind] = useState<SigningKindDto | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<SignResultDto | undefined>(undefined);
  const passphraseRef = useRef<HTMLInputElement>(null);

  const key: KeyDto | undefined = signers.find((k) => k.name === keyName) ?? signers[0];
  const chosenKind = key && kind !== undefined && key.kinds.includes(kind) ? kind : key?.defaultKind;

  useEffect(() => {
    if (route.key !== undefined) setKeyName(route.key);
  }, [route.key]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!staged || !key || !chosenKind || passphrase === '') return;
    const signed = await run(async () => {
      setResult(await api.signing.sign({ artifact: staged.id, keyName: key.name, kind: chosenKind, passphrase }));
      // The engine released the staged copy: the next signature needs the file again.
      setStaged(undefined);
    });
    // Never left in the field: after a wrong one, the user types it again.
    setPassphrase('');
    if (!signed) passphraseRef.current?.focus();
  }

  return (
    <div className="page">
      <h1>Sign a release</h1>
      <ArtifactPicker
        staged={staged}
        onStaged={(artifact) => {
          setStaged(artifact);
          if (artifact) setResult(undefined);
        }}
      />
      <form className="panel" aria-label="Signing" onSubmit={onSubmit}>
        <div className="panel-head">
          <h2 className="grow">2 · Key, kind and passphrase</h2>
          {keys.loading && <Spinner label="Loading keys" />}
        </div>
        <div className="panel-body">
          {keys.error && <ErrorPanel error={keys.error} onRetry={keys.reload} />}
          {keys.data && signers.length === 0 && (
            <div className="empty">
              No key with a private part yet.{' '}
              <button type="button" className="btn small" onClick={() => navigate({ view: 'keys' })}>
                Generate or import one in Keys
              </button>
            </div>
          )}
          {signers.length > 0 && key && (
            <div className="form-row">
              <label>
                <span className="field-label">Key</span>
                <select className="input" aria-label="Signing key" value={key.name} onChange={(e) => setKeyName(e.target.value)}>
                  {signers.map((k) => (
                    <option key={k.name} value={k.name}>
                      {k.name} · {k.type}
                      {k.userId ? ` · ${k.userId}` : ''}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="field-label">Kind</span>
                <select className="input" aria-label="Kind" value={chosenKind} onChange={(e) => setKind(e.target.value as SigningKindDto)}>
                  {key.kinds.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="field-label">Passphrase of {key.name}</span>
                <input
                  ref={passphraseRef}
                  className="input"
                  type="password"
                  aria-label="Key passphrase"
                  autoComplete="off"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                />
              </label>
              <button type="submit" className="btn primary" disabled={!staged || passphrase === '' || busy}>
                {busy ? 'Signing…' : 'Sign and log'}
              </button>
              {busy && <Spinner label="Signing" />}
            </div>
          )}
          {signers.length > 0 && key && (
            <div className="faint section-gap">
              Fingerprint <span className="hash-full">{key.fingerprint}</span>
              {!staged && ' · choose the file above first'}
            </div>
          )}
          {error && <ErrorPanel error={error} title={error.code === 'passphrase_incorrect' ? 'Wrong passphrase: nothing was signed or logged' : undefined} />}
        </div>
      </form>
      {result && <SignResult result={result} navigate={navigate} />}
    </div>
  );
}
