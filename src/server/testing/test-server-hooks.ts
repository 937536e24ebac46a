import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openTestServer, type TestServer } from './test-server';

/**
 * One server for the whole file, back to its seeded data before each test (milliseconds, where
 * opening one takes seconds). `ready` is called with it before each test, after the reset: what a
 * test builds on it (signed-in clients, whose sessions the reset ends) is built afresh.
 */
export function serverPerFile(ready: (server: TestServer) => void): void {
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await openTestServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    if (!server) throw new Error('The test server did not open.');
    await server.reset();
    ready(server);
  });
}
