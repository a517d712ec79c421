import { nodeHasher } from '../../crypto/index.js';
import { addRemote, listRemotes, type RemoteJson } from '../../remote/remotes.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { logKeyArgument } from '../key-argument.js';

interface RemoteAddArgs {
  name: string;
  type: string;
  url: string;
  vkey: string | undefined;
  publicKey: string | undefined;
  origin: string | undefined;
}

function renderRemote(r: RemoteJson): string {
  return `${r.name}  ${r.type}  ${r.url}\n  origin: ${r.origin || '(learnt from the first checkpoint)'}\n  mirrored: ${r.treeSize} entries, root ${r.rootHash}`;
}

export const remoteAdd = defineCommand<RemoteAddArgs, RemoteJson>({
  name: 'remote add',
  summary: 'Register a remote log to mirror: a Rekor v1 server, a Rekor v2 / C2SP tlog-tiles log (http(s) or file://), or a Go checksum database.',
  options: {
    type: { type: 'string', valueName: 'TYPE', help: 'rekor | rekor-v2 | tiles | sumdb' },
    url: { type: 'string', valueName: 'URL', help: 'the log’s base URL (file:///path for a tiles directory)' },
    vkey: { type: 'string', valueName: 'KEY', help: 'the log’s C2SP verifier key (name+hash+base64), or a file holding it' },
    'public-key': { type: 'string', valueName: 'PEM', help: 'the log’s PEM public key file (Rekor v1)' },
    origin: { type: 'string', valueName: 'O', help: 'the checkpoint origin line (default: the key name; sumdb: "go.sum database tree")' },
  },
  positionals: [{ name: 'NAME', help: 'a name for the remote', required: true }],
  parse: (values, positionals) => ({
    name: positionals[0]!,
    type: stringOption(values, 'type', true),
    url: stringOption(values, 'url', true),
    vkey: stringOption(values, 'vkey'),
    publicKey: stringOption(values, 'public-key'),
    origin: stringOption(values, 'origin'),
  }),
  run: async (args, ctx) => {
    const key = await logKeyArgument(args, ctx.stdin);
    const workbench = ctx.workbench();
    return addRemote(workbench.store, nodeHasher, { name: args.name, type: args.type, url: args.url, key, origin: args.origin }, workbench.clock.nowMs());
  },
  render: renderRemote,
});

export const remoteList = defineCommand<Record<string, never>, { remotes: RemoteJson[] }>({
  name: 'remote list',
  summary: 'List the registered remote logs and how much of each is mirrored.',
  options: {},
  positionals: [],
  parse: () => ({}),
  run: (_args, ctx) => ({ remotes: listRemotes(ctx.workbench().store) }),
  render: (r) => (r.remotes.length === 0 ? 'no remotes; add one with `provwb remote add`' : r.remotes.map(renderRemote).join('\n')),
});
