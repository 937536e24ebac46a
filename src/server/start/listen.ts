import { keepIdleConnections } from '../http/keep-alive';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { createServer, type Server } from 'node:http';
import { requestGuard } from '../http/request-guards';
import { HttpError, errorResponse } from '../http/responses';
import { securityHeaders } from '../http/security-headers';
import { answerClientErrors, sendNodeError } from '../http/server-errors';

export interface Listening {
  server: Server;
  /** The port it listens on (the one the system chose, when asked for port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `app` over HTTP on `host:port`. Each request passes the request guards first (Host,
 * another site, the target), on Node's own request; then Hono's adapter builds a Request of it.
 */
export async function listen(
  app: Hono,
  { port, host, allowedHosts }: { port: number; host: string; allowedHosts: readonly string[] },
): Promise<Listening> {
  const guard = requestGuard(allowedHosts);
  const handle = getRequestListener(app.fetch, {
    // A request the adapter cannot make a URL of, though it passed the guards.
    errorHandler: () =>
      errorResponse(
        new HttpError(400, 'bad_request', 'The request target is not a path on this server.'),
      ),
  });
  const server = createServer((req, res) => {
    const refusal = guard(req);
    if (!refusal) {
      void handle(req, res);
      return;
    }
    // Refused before its body was read: once answered, the rest is read and dropped, so the
    // connection can carry the next request.
    res.on('finish', () => {
      if (!req.complete) req.resume();
    });
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    sendNodeError(res, refusal);
  });
  keepIdleConnections(server);
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address : null;
  return {
    server,
    port: bound?.port ?? port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
