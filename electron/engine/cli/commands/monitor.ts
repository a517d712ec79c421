import { UsageError } from '../../../../shared/api/index.js';
import {
  addWatch,
  allowSigner,
  checkMonitors,
  listMonitors,
  setAlertState,
  setWebhook,
  type AlertJson,
  type MonitorCheckResult,
  type MonitorListJson,
  type WatchJson,
} from '../../monitor/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { EXIT_NEW_ALERTS, EXIT_OK } from '../exit-codes.js';

function renderWatch(w: WatchJson): string {
  const checked = w.checked.map((c) => `${c.remote} < ${c.nextIndex}`).join(', ');
  return `watch ${w.id}: ${w.type} ${w.value} in ${w.remote ?? 'every remote'}${checked ? ` (checked ${checked})` : ' (not checked yet)'}`;
}

function renderAlert(a: AlertJson): string {
  if (a.kind === 'fork') return `alert ${a.id} [${a.state}]: FORK of ${a.remote}: conflicting signed checkpoints at sizes ${a.fork?.olderSize} and ${a.fork?.newerSize}`;
  return `alert ${a.id} [${a.state}]: ${a.remote} entry ${a.logIndex} (uuid ${a.uuid}) matches watch ${a.watch} (${a.key?.type} ${a.key?.value})`;
}

/** Parses an alert id positional. */
function alertId(text: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new UsageError('bad_arguments', `alert id must be a positive integer, not ${JSON.stringify(text)}`);
  return Number(text);
}

interface MonitorAddArgs {
  sha256: string | undefined;
  keyFingerprint: string | undefined;
  email: string | undefined;
  field: string | undefined;
  remote: string | undefined;
}

export const monitorAdd = defineCommand<MonitorAddArgs, { watch: WatchJson; created: boolean }>({
  name: 'monitor add',
  summary:
    'Watch mirrored remote logs for entries with one search key: an artefact digest, a signing key, an email/identity or a custom-layout field. The first `monitor check` reports the matches already mirrored; later checks report only new ones.',
  options: {
    sha256: { type: 'string', valueName: 'H', help: 'artefact SHA-256 digest (hex)' },
    'key-fingerprint': { type: 'string', valueName: 'F', help: 'signing key fingerprint (hex SHA-256 of the key, or SHA256:… for SSH)' },
    email: { type: 'string', valueName: 'E', help: 'email or identity in a certificate or key; * is a wildcard' },
    field: { type: 'string', valueName: 'NAME=VALUE', help: 'a custom-layout index field' },
    remote: { type: 'string', valueName: 'NAME', help: 'watch only this remote (default: every mirrored remote)' },
  },
  positionals: [],
  parse: (values) => {
    const args = {
      sha256: stringOption(values, 'sha256'),
      keyFingerprint: stringOption(values, 'key-fingerprint'),
      email: stringOption(values, 'email'),
      field: stringOption(values, 'field'),
      remote: stringOption(values, 'remote'),
    };
    if ([args.sha256, args.keyFingerprint, args.email, args.field].filter((v) => v !== undefined).length !== 1) {
      throw new UsageError('missing_option', 'give exactly one of --sha256, --key-fingerprint, --email or --field');
    }
    return args;
  },
  run: (args, ctx) => {
    const wb = ctx.workbench();
    return addWatch(wb.store, args, wb.clock.nowMs());
  },
  render: (r) => `${r.created ? 'added' : 'already there:'} ${renderWatch(r.watch)}`,
});

export const monitorList = defineCommand<{ all: boolean }, MonitorListJson>({
  name: 'monitor list',
  summary: 'List the watches, allow-listed signers, the webhook and open alerts (all alerts with --all).',
  options: { all: { type: 'boolean', help: 'also list acknowledged and suppressed alerts' } },
  positionals: [],
  parse: (values) => ({ all: values.all === true }),
  run: (args, ctx) => listMonitors(ctx.workbench().store, args),
  render: (r) =>
    [
      ...(r.watches.length === 0 ? ['no watches; add one with `provwb monitor add`'] : r.watches.map(renderWatch)),
      ...r.allowedSigners.map((f) => `allowed signer: ${f}`),
      ...(r.webhook ? [`webhook: ${r.webhook.url} (${r.webhook.pending} alerts waiting for delivery)`] : []),
      ...(r.alerts.length === 0 ? ['no open alerts'] : r.alerts.map(renderAlert)),
    ].join('\n'),
});

export const monitorCheck = defineCommand<{ failOnAlert: boolean; offline: boolean }, MonitorCheckResult>({
  name: 'monitor check',
  summary:
    'Sync the watched remotes, then report entries matching a watch that no earlier check reported (each alert exactly once, even if a check is killed), and forks sync found, as alerts; deliver them to the webhook. Exit 0, 1 when a remote could not be synced, 5 with --fail-on-alert when there are new alerts.',
  options: {
    'fail-on-alert': { type: 'boolean', help: 'exit 5 when the check raised new alerts (for scripts and CI)' },
    offline: { type: 'boolean', help: 'do not sync; check only what is already mirrored' },
  },
  positionals: [],
  parse: (values) => ({ failOnAlert: values['fail-on-alert'] === true, offline: values.offline === true }),
  run: (args, ctx) => checkMonitors(ctx.workbench(), { sync: !args.offline, onProgress: (remote, done, total) => ctx.progress(done, total, `sync ${remote}`) }),
  render: (r) =>
    [
      ...r.synced.map((s) => `${s.remote}: synced to ${s.treeSize} entries (${s.fetched} new)`),
      ...r.syncErrors.map((e) => `error: ${e.remote} could not be synced: ${e.message}`),
      ...(r.alerts.length === 0 ? ['no new alerts'] : r.alerts.map(renderAlert)),
      ...(r.webhook ? [`webhook: ${r.webhook.delivered} delivered${r.webhook.pending > 0 ? `, ${r.webhook.pending} waiting (${r.webhook.lastError})` : ''}`] : []),
    ].join('\n'),
  exitCode: (r, args) => (args.failOnAlert && r.alerts.length > 0 ? EXIT_NEW_ALERTS : r.syncErrors.length > 0 ? 1 : EXIT_OK),
});

export const monitorAck = defineCommand<{ id: number }, AlertJson>({
  name: 'monitor ack',
  summary: 'Acknowledge an alert: it was seen and handled, and leaves the open list.',
  options: {},
  positionals: [{ name: 'ID', help: 'the alert id (see `provwb monitor list`)', required: true }],
  parse: (_values, positionals) => ({ id: alertId(positionals[0]!) }),
  run: (args, ctx) => setAlertState(ctx.workbench().store, args.id, 'acknowledged'),
  render: renderAlert,
});

export const monitorSuppress = defineCommand<{ id: number }, AlertJson>({
  name: 'monitor suppress',
  summary: 'Suppress an alert as a false positive: it leaves the open list and a webhook delivery still waiting is dropped.',
  options: {},
  positionals: [{ name: 'ID', help: 'the alert id (see `provwb monitor list`)', required: true }],
  parse: (_values, positionals) => ({ id: alertId(positionals[0]!) }),
  run: (args, ctx) => setAlertState(ctx.workbench().store, args.id, 'suppressed'),
  render: renderAlert,
});

export const monitorAllow = defineCommand<{ keyFingerprint: string }, { fingerprint: string; created: boolean }>({
  name: 'monitor allow',
  summary: 'Allow-list an expected signer: entries signed with this key raise no alerts (e.g. watch your email, allow your own keys, and be told when another key signs as you).',
  options: { 'key-fingerprint': { type: 'string', valueName: 'F', help: 'the signing key’s fingerprint (as `provwb keys list` shows it)' } },
  positionals: [],
  parse: (values) => ({ keyFingerprint: stringOption(values, 'key-fingerprint', true) }),
  run: (args, ctx) => {
    const wb = ctx.workbench();
    return allowSigner(wb.store, args.keyFingerprint, wb.clock.nowMs());
  },
  render: (r) => `${r.created ? 'allowed' : 'already allowed:'} ${r.fingerprint}`,
});

export const monitorWebhook = defineCommand<{ url: string | null }, { url: string | null }>({
  name: 'monitor webhook',
  summary:
    'Set (`set URL`) or remove (`clear`) the webhook: each new alert is POSTed to it as JSON (header X-Provwb-Alert-Id), retried with backoff; an alert whose delivery fails waits for the next check and is never sent again once a 2xx acknowledged it.',
  options: {},
  positionals: [
    { name: 'ACTION', help: 'set or clear', required: true },
    { name: 'URL', help: 'the http(s) URL (with set)', required: false },
  ],
  parse: (_values, positionals) => {
    const [action, url] = positionals;
    if (action === 'set' && url !== undefined) return { url };
    if (action === 'clear' && url === undefined) return { url: null };
    throw new UsageError('bad_arguments', 'use `monitor webhook set URL` or `monitor webhook clear`');
  },
  run: (args, ctx) => {
    const wb = ctx.workbench();
    return setWebhook(wb.store, args.url, wb.clock.nowMs());
  },
  render: (r) => (r.url === null ? 'webhook removed' : `alerts will be POSTed to ${r.url}`),
});
