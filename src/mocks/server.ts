/**
 * The demo and test server: the built console and the mock API on one localhost origin.
 * `npm start -- --seed 7 --items 100000 --latency 200 --port 4318`; `--session-idle-minutes 30
 * --session-max-hours 12` are the session limits (these defaults); `--max-held 5` the most items one
 * reviewer holds at once; `--api-only` serves no console (for `npm run dev`, where Vite serves it);
 * `--allow-host name` (repeatable, or comma separated) answers a host name besides the loopback ones.
 */
import { createMiddleware } from '@mswjs/http-middleware';
import express from 'express';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  MockConfigRequest,
  StartOnlyOptions,
  createBackend,
  type Backend,
  type MockConfig,
} from './backend/backend';
import { createHandlers } from './handlers';
import { securityHeaders } from '../server/http/security-headers';
import { keepIdleConnections } from '../server/http/keep-alive';
import { answerClientErrors, finalErrorHandler, sendError } from './server-errors';
import { allowedHostNames, crossSiteGuard, hostGuard, requestTargetGuard } from './server-guards';

const distDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');

export interface MockServerOptions {
  config?: Partial<MockConfig>;
  /** Serve the built console from dist/ (default) or the API only. */
  serveConsole?: boolean;
  /** Where the built console is (default dist/). */
  consoleDir?: string;
  /** Host names answered besides 127.0.0.1, localhost and [::1] (`--allow-host`). */
  allowedHosts?: readonly string[];
  /** The key of the second-review draw; random unless fixed (tests: `VERITY_REVIEW_SECRET`). */
  reviewSecret?: string | undefined;
}

export function createMockApp({
  config = {},
  serveConsole = true,
  consoleDir = distDir,
  allowedHosts = [],
  reviewSecret,
}: MockServerOptions = {}) {
  const backend: Backend = createBackend(config, undefined, reviewSecret);
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    next();
  });
  app.use(hostGuard(allowedHosts), crossSiteGuard, requestTargetGuard);
  const handlers = createMiddleware(...createHandlers(backend));
  app.use((req, res, next) => {
    // A refusal (413, 415, 401…) may come before the body was read: once it is sent, the rest is
    // read and dropped, so the connection can carry the next request.
    res.on('finish', () => {
      if (!req.complete) {
        req.removeAllListeners('data');
        req.resume();
      }
    });
    Promise.resolve(handlers(req, res, next)).catch(next);
  });
  app.use(['/api', '/__mock'], (req, res) => {
    sendError(res, 404, 'not_found', `No route ${req.method} ${req.originalUrl.slice(0, 200)}.`);
  });
  if (serveConsole) {
    if (!existsSync(resolve(consoleDir, 'index.html'))) {
      throw new Error(
        `No built console in ${consoleDir}: run \`npm run build\` first (npm start does).`,
      );
    }
    app.use(
      '/assets',
      express.static(resolve(consoleDir, 'assets'), {
        immutable: true,
        maxAge: '1y',
        index: false,
      }),
    );
    app.use(express.static(consoleDir, { index: false }));
    // Every other path is a route of the single-page console.
    app.get('*', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(resolve(consoleDir, 'index.html'));
    });
  }
  // Whatever else was asked (another method, or no console served): the contract's 404.
  app.use((req, res) => sendError(res, 404, 'not_found', `Nothing here for ${req.method}.`));
  app.use(finalErrorHandler);
  return { app, backend };
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = app.listen(port, host, () => resolvePromise(server));
    keepIdleConnections(server);
    answerClientErrors(server);
    server.on('error', reject);
  });
}

/** `npm start`'s options: the start-up knobs and session limits, checked; a bad one throws why. */
export function parseStartOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string' },
      items: { type: 'string' },
      latency: { type: 'string' },
      'lease-seconds': { type: 'string' },
      'max-held': { type: 'string' },
      'session-idle-minutes': { type: 'string' },
      'session-max-hours': { type: 'string' },
      port: { type: 'string', default: process.env.PORT ?? '4318' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-only': { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true, default: [] },
    },
  });
  const allowedHosts = allowedHostNames(values['allow-host']);
  const number = (raw: string | undefined) => (raw === undefined ? undefined : Number(raw));
  // The same rules as `POST /__mock/config`, and the limits only a start sets.
  const knobs = MockConfigRequest.omit({ faults: true, reset: true })
    .extend(StartOnlyOptions.shape)
    .safeParse({
      seed: number(values.seed),
      items: number(values.items),
      latency: number(values.latency),
      leaseSeconds: number(values['lease-seconds']),
      maxHeld: number(values['max-held']),
      sessionIdleMinutes: number(values['session-idle-minutes']),
      sessionMaxHours: number(values['session-max-hours']),
    });
  if (!knobs.success) {
    const issue = knobs.error.issues[0];
    const flag = String(issue?.path[0] ?? 'option').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new Error(`--${flag}: ${issue?.message ?? 'invalid'}`);
  }
  const port = number(values.port);
  if (port === undefined || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, got ${values.port}`);
  }
  const config: Partial<MockConfig> = Object.fromEntries(
    Object.entries(knobs.data).filter(([, v]) => v !== undefined),
  );
  return { config, port, host: values.host, apiOnly: values['api-only'], allowedHosts };
}

async function main() {
  const { config, port, host, apiOnly, allowedHosts } = parseStartOptions(process.argv.slice(2));
  const started = performance.now();
  const { app, backend } = createMockApp({
    config,
    serveConsole: !apiOnly,
    allowedHosts,
    // A fixed draw only for tests that must know which dismissals go to second review.
    reviewSecret: process.env.VERITY_REVIEW_SECRET,
  });
  const generatedMs = performance.now() - started;
  await listen(app, port, host);
  const { seed, items, latency, sessionIdleMinutes, sessionMaxHours } = backend.config;
  console.log(
    `Verity demo ${apiOnly ? 'API' : 'console'}: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n` +
      `  mock data: seed ${seed}, ${items} items (data and audit history ready in ${generatedMs.toFixed(0)} ms), latency ${latency} ms\n` +
      `  sessions end after ${sessionIdleMinutes} min idle, ${sessionMaxHours} h at most\n` +
      `  answers only to 127.0.0.1, localhost, [::1]${allowedHosts.map((name) => `, ${name}`).join('')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
