import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ACTING_USER_HEADER, CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { buildServerBundle } from '../start/server-bundle';

/**
 * The real server in a child process of its own, run as `npm start` runs it: its bundle, with
 * plain Node; API only, in demo mode, on a port the system picks. Tests kill it (`kill -9`
 * included) and start it again on the same data.
 */
export interface ServerProcess {
  origin: string;
  /** Its process id (benchmarks read its CPU time from /proc). */
  pid: number;
  /** What it wrote to stderr so far: a server that logged an error failed somewhere. */
  stderr(): string;
  /** Sends the signal and waits for the process to end: SIGKILL is `kill -9`. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export interface ServerProcessOptions {
  /** `--items`, `--max-held`… as given on the command line. */
  args?: readonly string[];
  /** Where the embedded database (without `databaseUrl`) and the demo NCMEC's record live. */
  dataDir: string;
  /** A PostgreSQL database; without it, PGlite under `dataDir`. */
  databaseUrl?: string;
  /** How long the start may take (a seed of thousands of items takes tens of seconds). */
  timeoutMs?: number;
}

let bundle: Promise<string> | undefined;

/**
 * The server's bundle, built from its source as `npm run build` builds it, once per process:
 * inside the project, where its packages resolve, and removed when the process exits.
 */
export function serverBundle(): Promise<string> {
  bundle ??= (async () => {
    mkdirSync(join('node_modules', '.cache'), { recursive: true });
    const dir = mkdtempSync(join('node_modules', '.cache', 'verity-server-bundle-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'main.mjs');
    await buildServerBundle(outfile);
    return outfile;
  })();
  return bundle;
}

function exited(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts the server and answers once it listens; a start that fails rejects with its output. */
export async function startServerProcess({
  args = [],
  dataDir,
  databaseUrl,
  timeoutMs = 180_000,
}: ServerProcessOptions): Promise<ServerProcess> {
  const entry = ['--enable-source-maps', await serverBundle()];
  const child = spawn(process.execPath, [...entry, '--api-only', '--port', '0', ...args], {
    // Only what the server reads: nothing of the test runner's environment leaks in.
    env: {
      PATH: process.env.PATH ?? '',
      VERITY_DEMO: '1',
      VERITY_DATA_DIR: dataDir,
      VERITY_REVIEW_SECRET: 'server-process-tests',
      ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited(child);
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop('SIGKILL').then(() => reject(new Error(`${why}:\n${stdout}${stderr}`)));
    };
    const timer = setTimeout(() => fail(`no start in ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`the server exited (${code ?? signal})`));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /^Verity demo API: http:\/\/127\.0\.0\.1:(\d+)\//m.exec(stdout)?.[1];
      if (port === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        origin: `http://127.0.0.1:${port}`,
        pid: child.pid ?? 0,
        stderr: () => stderr,
        stop,
      });
    });
  });
}

/** A signed-in user's calls to a server process, with the headers the console sends. */
export interface ProcessClient {
  userId: string;
  cookie: string;
  get(origin: string, path: string): Promise<Response>;
  send(
    origin: string,
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Response>;
}

/** How a client reaches a server: `fetch` over HTTP, or an app's own `fetch` in process. */
export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * Signs `userId` in on `origin`: the session is the database's, so any instance honours it. The
 * client's calls go through `fetcher` (HTTP unless told otherwise).
 */
export async function signInTo(
  origin: string,
  userId: string,
  fetcher: Fetcher = fetch,
): Promise<ProcessClient> {
  const response = await fetcher(`${origin}/api/session`, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${userId}: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    userId,
    cookie,
    get: (at, path) => fetcher(`${at}${path}`, { headers: { cookie } }),
    send: (at, method, path, body) =>
      fetcher(`${at}${path}`, {
        method,
        headers: {
          cookie,
          [CSRF_HEADER]: CSRF_VALUE,
          [ACTING_USER_HEADER]: userId,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      }),
  };
}
