import { spawn } from 'node:child_process';
import { MAX_ARTIFACT_BYTES } from '../../../../shared/api/index.js';
import { createArtifactStaging } from '../../workbench-artifacts.js';
import { createWorkbenchApi } from '../../workbench-api.js';
import { defaultRendererDir, parseListenAddress, startUiHost } from '../../server/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';

interface UiArgs {
  readonly addr: string;
  readonly open: boolean;
  readonly rendererDir: string | undefined;
}

export interface UiResult {
  readonly origin: string;
  readonly stoppedBy: string;
}

/** Opens `url` in the desktop's browser; a missing opener only costs a hint (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`provwb ui: could not start ${command}; open the URL above yourself\n`));
  child.unref();
}

export const ui = defineCommand<UiArgs, UiResult>({
  name: 'ui',
  summary: 'Serve the workbench UI in the browser (127.0.0.1, a fresh access token per run) until Ctrl-C.',
  options: {
    addr: { type: 'string', valueName: 'HOST:PORT', help: 'loopback address to listen on (default 127.0.0.1:0, a free port)' },
    'no-open': { type: 'boolean', help: 'print the URL but do not open a browser' },
    'renderer-dir': { type: 'string', valueName: 'DIR', help: 'built renderer to serve (default: dist/renderer)' },
  },
  positionals: [],
  parse: (values) => ({ addr: stringOption(values, 'addr') ?? '127.0.0.1:0', open: values['no-open'] !== true, rendererDir: stringOption(values, 'renderer-dir') }),
  run: async (args, ctx) => {
    const { host, port } = parseListenAddress(args.addr);
    // One staging for both: the page uploads into it, `signing.sign` signs from it.
    const staging = createArtifactStaging({ maxBytes: MAX_ARTIFACT_BYTES });
    const api = createWorkbenchApi(ctx.workbench(), { staging });
    const uiHost = await startUiHost({ api, staging, rendererDir: args.rendererDir ?? defaultRendererDir(), host, port });
    // A long-running command has to say where it listens while it runs, not in the result it returns
    // when stopped; this is the one line (or, with --json, one JSON line) it prints before that.
    process.stdout.write(
      ctx.json
        ? `${JSON.stringify({ url: uiHost.url, origin: uiHost.origin, port: uiHost.port })}\n`
        : `Provenance Workbench UI at ${uiHost.url}\n(the link carries this run's access token; Ctrl-C stops the server)\n`,
    );
    if (args.open) openBrowser(uiHost.url);
    const stoppedBy = await new Promise<string>((resolve) => {
      const stop = (signal: string) => () => resolve(signal);
      process.once('SIGINT', stop('SIGINT'));
      process.once('SIGTERM', stop('SIGTERM'));
      process.once('SIGHUP', stop('SIGHUP'));
    });
    await uiHost.close();
    staging.close();
    return { origin: uiHost.origin, stoppedBy };
  },
  render: (r) => `provwb ui at ${r.origin} stopped (${r.stoppedBy})`,
});
