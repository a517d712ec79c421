/**
 * gotlog's loopback servers (sumdb-server, c2sp-serve) as child processes: started, their URL and
 * key read from stderr, stopped at the end of a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface GotlogServer {
  readonly url: string;
  /** sumdb-server's verifier key (stderr line 1); undefined for c2sp-serve. */
  readonly vkey: string | undefined;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Sends a signal (SIGUSR1 toggles sumdb-server's fork). */
  signal(name: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/** Starts `gotlog <command> …args` and resolves once it printed its URL. */
export function startGotlogServer(binary: string, command: 'sumdb-server' | 'c2sp-serve', args: readonly string[]): Promise<GotlogServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(binary, [command, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let started = false;
    const fail = (why: string) => {
      if (!started) reject(new Error(`gotlog ${command} did not start: ${why}\n${err}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail('no URL within 60 s');
    }, 60_000);
    child.on('error', (e) => fail(e.message));
    child.on('exit', (code) => fail(`exited with ${code}`));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const url = /^url: (\S+)$/m.exec(err)?.[1];
      if (started || !url) return;
      started = true;
      clearTimeout(timer);
      resolve({
        url,
        vkey: /^vkey: (\S+)$/m.exec(err)?.[1],
        stderr: () => err,
        signal: (name) => child.kill(name),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
