import { useMemo, useState } from 'react';
import type { LoggedEntryDto, TypeSummaryDto } from '../../../../shared/api/index.js';
import { LAYOUT_DOCUMENT_SCHEMA } from '../../../../shared/layout/index.js';
import { useAction } from '../../api/use-action.js';
import { useCall } from '../../api/use-call.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { useDebounced } from '../../app/use-debounced.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import { JsonEditor, type EditorSchema } from '../../components/JsonEditor.js';
import { EntryCheckResult } from './EntryCheckResult.js';
import { assignRole, setRoleOption, type RoleAssignment, type RoleOption } from './layout-roles.js';
import { ProblemList } from './ProblemList.js';
import { SchemaTreePanel } from './SchemaTreePanel.js';
import { SignSampleForm } from './SignSampleForm.js';
import { SpecForm } from './SpecForm.js';
import { LAYOUT_TEMPLATES, skeletonEntryJson } from './templates.js';
import { VersionsPanel } from './VersionsPanel.js';
import { bumpPatchVersion, parseJsonText, prettyJson, sameJson } from './json-text.js';
import './designer.css';

const LAYOUT_SCHEMA = LAYOUT_DOCUMENT_SCHEMA as EditorSchema;
const VALIDATE_DELAY_MS = 250;
const EMPTY_LAYOUT = { ok: false, problems: [{ pointer: '', code: 'json_invalid', message: 'the layout is empty: start from a template, or type one' }], kind: null, version: null, published: false };

type Navigate = (route: Route, options?: { replace?: boolean }) => void;

/** A logged entry with the button that opens it in the explorer. */
function Logged({ what, text, entry, navigate }: { what: string; text: string; entry: LoggedEntryDto; navigate: Navigate }) {
  return (
    <div className="designer-logged" role="status" aria-label={what}>
      ✓ {text} at log index <strong>{entry.logIndex}</strong>
      <button type="button" className="btn small" onClick={() => navigate({ view: 'explorer', index: entry.logIndex })}>
        Open entry {entry.logIndex} in Explorer
      </button>
    </div>
  );
}

/**
 * Type designer: a layout in a schema-aware JSON editor, role pointers picked from its schema tree,
 * a sample entry (generated form or JSON) judged live by the engine's shared/layout code, signed
 * with a keyring key; publish the layout, log the entry, compare versions.
 */
export function DesignerView({ route, navigate }: { route: Extract<Route, { view: 'designer' }>; navigate: Navigate }) {
  const api = useWorkbench();
  const [typesNonce, setTypesNonce] = useState(0);
  const types = useCall(`types:${typesNonce}`, () => api.types.list());
  const custom = (types.data?.types ?? []).filter((t) => t.source === 'layout');
  const fromRoute = custom.find((t) => t.kind === route.kind && (route.version === undefined || t.version === route.version));

  const [layoutText, setLayoutText] = useState(LAYOUT_TEMPLATES[0]!.layoutJson);
  const [entryText, setEntryText] = useState(LAYOUT_TEMPLATES[0]!.entryJson);
  const [loadedRoute, setLoadedRoute] = useState<string | undefined>(undefined);
  const [entryTab, setEntryTab] = useState<'form' | 'json'>('json');
  const publishing = useAction();
  const adding = useAction();
  const [published, setPublished] = useState<{ entry: LoggedEntryDto; name: string } | undefined>(undefined);
  const [added, setAdded] = useState<LoggedEntryDto | undefined>(undefined);
  const [layoutReveal, setLayoutReveal] = useState<{ pointer: string; nonce: number } | undefined>(undefined);
  const [entryReveal, setEntryReveal] = useState<{ pointer: string; nonce: number } | undefined>(undefined);

  // A published type named in the route opens once its layout has arrived.
  const routeKey = fromRoute ? `${fromRoute.kind}@${fromRoute.version}` : undefined;
  if (routeKey !== undefined && routeKey !== loadedRoute && fromRoute?.layoutJson) {
    setLoadedRoute(routeKey);
    setLayoutText(fromRoute.layoutJson);
    setEntryText(skeletonEntryJson(parseJsonText(fromRoute.layoutJson)));
  }

  const layoutDoc = useMemo(() => parseJsonText(layoutText), [layoutText]);
  const entryDoc = useMemo(() => parseJsonText(entryText), [entryText]);
  const checkedLayout = useDebounced(layoutText, VALIDATE_DELAY_MS);
  const checkedEntry = useDebounced(entryText, VALIDATE_DELAY_MS);
  // An empty editor is nothing to ask the engine about (and no input it accepts): it is said here.
  const layoutEmpty = checkedLayout.trim() === '';
  const entryEmpty = checkedEntry.trim() === '';
  const layoutCheck = useCall(layoutEmpty ? undefined : `layout:${typesNonce}:${checkedLayout}`, () => api.types.validateLayout({ layoutJson: checkedLayout }));
  const entryCheck = useCall(layoutEmpty || entryEmpty ? undefined : `entry:${typesNonce}:${checkedLayout}\u0000${checkedEntry}`, () =>
    api.types.validateEntry({ layoutJson: checkedLayout, entryJson: checkedEntry }),
  );
  const settled = checkedLayout === layoutText && checkedEntry === entryText && !layoutCheck.loading && !entryCheck.loading;

  const layoutInfo = layoutEmpty ? EMPTY_LAYOUT : layoutCheck.data;
  const versions: TypeSummaryDto[] = layoutInfo?.kind ? custom.filter((t) => t.kind === layoutInfo.kind) : [];
  const publishedSame = versions.find((t) => t.version === layoutInfo?.version);
  const differsFromLog = publishedSame?.layoutJson != null && !sameJson(publishedSame.layoutJson, layoutText);
  const entryResult = entryCheck.data;
  const entryReady = entryResult !== undefined && entryResult.layoutProblems.length === 0 && entryResult.entryProblems.length === 0 && entryResult.signature.status === 'verified';

  function startFrom(id: string) {
    const template = LAYOUT_TEMPLATES.find((t) => t.id === id);
    if (template) {
      setLayoutText(template.layoutJson);
      setEntryText(template.entryJson);
    } else {
      const type = custom.find((t) => `${t.kind}@${t.version}` === id);
      if (!type?.layoutJson) return;
      setLayoutText(type.layoutJson);
      setEntryText(skeletonEntryJson(parseJsonText(type.layoutJson)));
    }
    setPublished(undefined);
    setAdded(undefined);
  }

  function onAssign(assignment: RoleAssignment) {
    if (layoutDoc === undefined) return;
    setLayoutText(prettyJson(assignRole(layoutDoc, assignment)));
  }

  function revealEntryProblem(pointer: string) {
    // The pointer is into the JSON; the form has no place for a missing member or a wrong kind.
    setEntryTab('json');
    setEntryReveal((r) => ({ pointer, nonce: (r?.nonce ?? 0) + 1 }));
  }

  function onOption(option: RoleOption, value: string) {
    if (layoutDoc === undefined) return;
    setLayoutText(prettyJson(setRoleOption(layoutDoc, option, value)));
  }

  function newVersion() {
    const bumped = bumpPatchVersion(layoutDoc);
    if (!bumped) return;
    setLayoutText(prettyJson(bumped.layout));
    if (entryDoc !== undefined && typeof entryDoc === 'object' && entryDoc !== null) setEntryText(prettyJson({ ...(entryDoc as object), apiVersion: bumped.version }));
  }

  async function publish() {
    await publishing.run(async () => {
      const entry = await api.types.publish({ layoutJson: layoutText });
      setPublished({ entry, name: `${layoutInfo?.kind ?? ''} ${layoutInfo?.version ?? ''}` });
      setTypesNonce((n) => n + 1);
    });
  }

  async function addEntry() {
    await adding.run(async () => {
      setAdded(await api.entries.add({ entryJson: entryText }));
    });
  }

  return (
    <div className="page designer">
      <div className="row">
        <h1 className="grow">Type designer</h1>
        <label className="row">
          <span className="field-label">Start from</span>
          <select className="input" aria-label="Start from" value="" onChange={(e) => startFrom(e.target.value)}>
            <option value="" disabled>
              a template or a published type…
            </option>
            <optgroup label="Example layouts">
              {LAYOUT_TEMPLATES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </optgroup>
            {custom.length > 0 && (
              <optgroup label="Published in this log">
                {custom.map((t) => (
                  <option key={`${t.kind}@${t.version}`} value={`${t.kind}@${t.version}`}>
                    {t.kind} {t.version}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <button type="button" className="btn" onClick={newVersion} disabled={layoutDoc === undefined} title="raise the patch version: layouts are immutable, a change is a new version">
          New version
        </button>
      </div>
      {types.error && <ErrorPanel error={types.error} onRetry={types.reload} />}

      <div className="designer-grid">
        <div className="designer-col">
          <section className="panel" aria-label="Layout">
            <div className="panel-head">
              <h2 className="grow">
                Layout {layoutInfo?.kind ?? '…'} {layoutInfo?.version ?? ''}
              </h2>
              {!settled && <Spinner label="Validating" />}
              {layoutInfo && (
                <span className={`badge ${layoutInfo.ok ? 'pass' : 'fail'}`} role="status" aria-label="Layout status">
                  {layoutInfo.ok ? (layoutInfo.published ? '✓ valid · published' : '✓ valid') : `✗ ${layoutInfo.problems.length} problem${layoutInfo.problems.length === 1 ? '' : 's'}`}
                </span>
              )}
            </div>
            <div className="designer-editor">
              <JsonEditor value={layoutText} onChange={setLayoutText} label="Layout JSON" schema={LAYOUT_SCHEMA} problems={layoutInfo?.problems ?? []} minHeight={420} reveal={layoutReveal} />
            </div>
            <div className="panel-body">
              {layoutCheck.error && <ErrorPanel error={layoutCheck.error} onRetry={layoutCheck.reload} />}
              {layoutInfo && (
                <ProblemList problems={layoutInfo.problems} label="Layout problems" okText="The layout is valid" onReveal={(pointer) => setLayoutReveal((r) => ({ pointer, nonce: (r?.nonce ?? 0) + 1 }))} />
              )}
              {differsFromLog && (
                <div className="search-note invalid" role="note">
                  The log already holds a different layout for {layoutInfo?.kind} {layoutInfo?.version}; entries of it are judged by that one. Use “New version”.
                </div>
              )}
              <div className="row section-gap">
                <button type="button" className="btn primary" onClick={() => void publish()} disabled={!settled || !layoutInfo?.ok || layoutInfo.published || publishing.busy}>
                  Publish layout
                </button>
                <span className="faint grow">logs it as a `layout` entry; a kind’s version can be published once</span>
              </div>
              {publishing.error && <ErrorPanel error={publishing.error} />}
              {published && <Logged what="Published layout" text={`Published ${published.name} as a layout entry`} entry={published.entry} navigate={navigate} />}
            </div>
          </section>
          {layoutInfo?.kind && versions.length > 0 && <VersionsPanel kind={layoutInfo.kind} versions={versions} draftJson={layoutText} />}
        </div>

        <div className="designer-col">
          <SchemaTreePanel layoutDoc={layoutDoc} onAssign={onAssign} onOption={onOption} />
          <section className="panel" aria-label="Sample entry">
            <div className="panel-head">
              <h2 className="grow">Sample entry</h2>
              <div className="seg" role="group" aria-label="Edit the sample as">
                <button type="button" aria-pressed={entryTab === 'form'} onClick={() => setEntryTab('form')}>
                  Form
                </button>
                <button type="button" aria-pressed={entryTab === 'json'} onClick={() => setEntryTab('json')}>
                  JSON
                </button>
              </div>
              <button type="button" className="btn small" onClick={() => setEntryText(skeletonEntryJson(layoutDoc))}>
                Empty sample
              </button>
            </div>
            {entryTab === 'form' ? (
              <div className="panel-body">
                {entryDoc === undefined ? <div className="faint">The sample is not JSON; fix it in the JSON tab.</div> : <SpecForm layoutDoc={layoutDoc} entryDoc={entryDoc} onChange={(doc) => setEntryText(prettyJson(doc))} />}
              </div>
            ) : (
              <div className="designer-editor">
                <JsonEditor value={entryText} onChange={setEntryText} label="Sample entry JSON" problems={entryResult ? [...entryResult.entryProblems] : []} minHeight={220} reveal={entryReveal} />
              </div>
            )}
            <div className="panel-body">
              {entryCheck.error && <ErrorPanel error={entryCheck.error} onRetry={entryCheck.reload} />}
              {entryResult && <EntryCheckResult result={entryResult} onReveal={revealEntryProblem} />}
              <SignSampleForm layoutJson={layoutText} entryJson={entryText} onSigned={setEntryText} />
              <div className="row section-gap">
                <button type="button" className="btn primary" onClick={() => void addEntry()} disabled={!settled || !entryReady || !layoutInfo?.published || differsFromLog || adding.busy}>
                  Add entry to log
                </button>
                <span className="faint grow">{layoutInfo?.published ? 'the log validates and verifies it again with the published layout' : 'publish the layout first'}</span>
              </div>
              {adding.error && <ErrorPanel error={adding.error} />}
              {added && <Logged what="Logged entry" text={`Logged a ${added.kind} ${added.apiVersion} entry`} entry={added} navigate={navigate} />}
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
