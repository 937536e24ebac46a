import { Hono } from 'hono';
import { createServerApp } from '../app';
import { demoKnobs } from '../demo/demo-knobs';
import type { MockConfig } from '../demo/knobs';
import { mountConsoleFiles } from '../http/console-files';
import { HttpError, errorResponse } from '../http/responses';
import { securityHeaders } from '../http/security-headers';
import { finalErrorResponse } from '../http/server-errors';
import type { ServerContext } from '../server-context';

export interface HttpAppOptions {
  context: ServerContext;
  /** The built console to serve, or null to serve the API only. */
  consoleDir: string | null;
  /** Demo mode: the knobs, `reset` returning to `start`; null otherwise. */
  demo: { start: MockConfig } | null;
}

/**
 * What the HTTP server serves: the security headers on every answer, the demo's knobs (demo mode
 * only), the contract's endpoints, the contract's 404 for any other API path, and the built
 * console for everything else a browser asks for.
 */
export function createHttpApp({ context, consoleDir, demo }: HttpAppOptions): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  });
  if (demo) app.use(demoKnobs(context, demo.start));
  app.route('/', createServerApp(context));
  const noRoute = (method: string, path: string) =>
    errorResponse(new HttpError(404, 'not_found', `No route ${method} ${path.slice(0, 200)}.`));
  app.all('/api/*', (c) => noRoute(c.req.method, c.req.path));
  app.all('/__mock/*', (c) => noRoute(c.req.method, c.req.path));
  if (consoleDir !== null) mountConsoleFiles(app, consoleDir);
  // Whatever else was asked (another method, or no console served): the contract's 404.
  app.notFound((c) =>
    errorResponse(new HttpError(404, 'not_found', `Nothing here for ${c.req.method}.`)),
  );
  app.onError((error) => finalErrorResponse(error));
  return app;
}
