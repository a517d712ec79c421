import { useState, type KeyboardEvent } from 'react';
import type { KeyDto } from '../../../../shared/api/index.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { fingerprintKind, formatFingerprint } from '../../format/fingerprint.js';
import { GenerateKeyForm } from './GenerateKeyForm.js';
import { ImportKeyForm } from './ImportKeyForm.js';
import { KeyDetail } from './KeyDetail.js';

type Adding = 'none' | 'generate' | 'import';

/** Keys view: the keyring's keys with fingerprints; generate, import, export; what each key signed. */
export function KeysView({ route, navigate }: { route: Extract<Route, { view: 'keys' }>; navigate: (route: Route, options?: { replace?: boolean }) => void }) {
  const api = useWorkbench();
  const [nonce, setNonce] = useState(0);
  const keys = useCall(`keys:${nonce}`, () => api.keys.list());
  const [adding, setAdding] = useState<Adding>('none');
  const list = keys.data?.keys ?? [];
  const selected = list.find((k) => k.name === route.name) ?? list[0];

  function select(key: KeyDto) {
    navigate({ view: 'keys', name: key.name }, { replace: true });
  }

  function added(key: KeyDto) {
    setAdding('none');
    setNonce((n) => n + 1);
    navigate({ view: 'keys', name: key.name }, { replace: true });
  }

  // ↑/↓ move through the table like the explorer's list.
  function onKeyDown(event: KeyboardEvent) {
    if (!selected || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const at = list.indexOf(selected) + (event.key === 'ArrowDown' ? 1 : -1);
    const next = list[Math.max(0, Math.min(list.length - 1, at))];
    if (next) select(next);
  }

  return (
    <div className="page">
      <div className="row">
        <h1 className="grow">Keys</h1>
        <button type="button" className="btn" aria-pressed={adding === 'generate'} onClick={() => setAdding(adding === 'generate' ? 'none' : 'generate')}>
          Generate…
        </button>
        <button type="button" className="btn" aria-pressed={adding === 'import'} onClick={() => setAdding(adding === 'import' ? 'none' : 'import')}>
          Import…
        </button>
      </div>
      {adding === 'generate' && <GenerateKeyForm onDone={added} />}
      {adding === 'import' && <ImportKeyForm onDone={added} />}
      {keys.error && <ErrorPanel error={keys.error} onRetry={keys.reload} />}
      {keys.loading && !keys.data && <Spinner label="Loading keys" />}
      {keys.data && list.length === 0 && adding === 'none' && (
        <div className="empty">The keyring is empty. Generate a key, or import one you already sign releases with.</div>
      )}
      {list.length > 0 && (
        <div className="keys-layout">
          <table className="keys-table" aria-label="Keyring" tabIndex={0} onKeyDown={onKeyDown}>
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>Fingerprint</th>
                <th>User ID</th>
                <th>Private</th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr key={k.name} aria-selected={k === selected} onClick={() => select(k)}>
                  <td>
                    <strong>{k.name}</strong>
                  </td>
                  <td>{k.type}</td>
                  <td className="hash-full" title={fingerprintKind(k.type)}>
                    {formatFingerprint(k.type, k.fingerprint)}
                  </td>
                  <td>{k.userId ?? <span className="faint">—</span>}</td>
                  <td>{k.hasPrivateKey ? 'yes' : <span className="faint">public only</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected && <KeyDetail keyInfo={selected} navigate={navigate} />}
        </div>
      )}
    </div>
  );
}
