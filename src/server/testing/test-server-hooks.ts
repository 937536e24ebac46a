import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openTestServer, type TestServer } from './test-server';

/** What a file's hooks share: the open server, and the step that opens it. */
function opener(opened: (server: TestServer) => void) {
  const held: { server: TestServer | null } = { server: null };
  const open = async () => {
    held.server = await openTestServer();
    opened(held.server);
  };
  return { held, open };
}

/** One server for the whole file, back to its seeded data before each test. */
export function serverPerFile(opened: (server: TestServer) => void): void {
  const { held, open } = opener(opened);
  beforeAll(open, 120_000);
  afterAll(async () => {
    await held.server?.close();
  });
  beforeEach(() => held.server?.reset());
}

/** A server of its own for each test. */
export function serverPerTest(opened: (server: TestServer) => void): void {
  const { held, open } = opener(opened);
  beforeEach(open, 120_000);
  afterEach(() => held.server?.close());
}
