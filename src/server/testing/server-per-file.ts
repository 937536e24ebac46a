import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openTestServer, type TestServer } from './test-server';

/**
 * One test server for the whole test file, back to its seeded data before each test: `opened` is
 * handed the server once it is open (before the first test), and it is closed after the last.
 */
export function serverPerFile(opened: (server: TestServer) => void): void {
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await openTestServer();
    opened(server);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server?.reset());
}
