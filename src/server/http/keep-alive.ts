import type { Server } from 'node:http';

/**
 * Keeps idle connections open longer than clients (browsers, test runners) wait before reusing
 * them. With Node's default of 5 s, a request sent on an idle connection just as the server closes
 * it fails with a reset the client cannot tell from a crash.
 */
export function keepIdleConnections(server: Server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
