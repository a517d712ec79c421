import { useState } from 'react';
import { useEventCounter } from '../../api/use-call.js';
import type { Route } from '../../app/route.js';
import { AlertsPanel } from './AlertsPanel.js';
import { AlertCountBadge } from './AlertCountBadge.js';
import { CheckPanel } from './CheckPanel.js';
import { SignersPanel } from './SignersPanel.js';
import { WatchesPanel } from './WatchesPanel.js';
import { WebhookPanel } from './WebhookPanel.js';
import { WitnessPanel } from './WitnessPanel.js';
import './monitor.css';

/** Monitor view: check now, alerts with keyboard actions, watches, expected signers, the webhook and the witness key. */
export function MonitorView({ navigate }: { route: Extract<Route, { view: 'monitor' }>; navigate: (r: Route) => void }) {
  const [edits, setEdits] = useState(0);
  // Alerts also change from checks and acks elsewhere (the CLI, another window).
  const alertEvents = useEventCounter('alerts-changed');
  const version = `${edits}:${alertEvents}`;
  const changed = () => setEdits((v) => v + 1);
  return (
    <div className="page">
      <div className="row">
        <h1 className="grow">
          Monitor <AlertCountBadge className="big" />
        </h1>
      </div>
      <CheckPanel onFinished={changed} />
      <AlertsPanel version={version} onChanged={changed} navigate={navigate} />
      <WatchesPanel version={version} onChanged={changed} />
      <div className="monitor-grid">
        <SignersPanel version={version} onChanged={changed} />
        <WebhookPanel version={version} onChanged={changed} />
      </div>
      <WitnessPanel navigate={navigate} />
    </div>
  );
}
