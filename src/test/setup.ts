import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { failOnConsoleProblems } from '../server/testing/console-problems';
import {
  closeTestBackend,
  mockServer,
  resetTestBackend,
  signOutForTest,
  testBackend,
  unhandledRequests,
} from './test-backend';

failOnConsoleProblems();

beforeAll(async () => {
  if (typeof document !== 'undefined') {
    // A component renders through the server: on a loaded machine a screen can take seconds.
    const { configure } = await import('@testing-library/react');
    configure({ asyncUtilTimeout: 10_000 });
  }
  mockServer.listen({
    onUnhandledRequest: (request) => {
      unhandledRequests.push(`${request.method} ${request.url}`);
    },
  });
  // A component test's screens talk to the server from their first render: it is opened before
  // the tests, so that no test's own time goes to it. Other files open it at their first call.
  if (typeof document !== 'undefined') await testBackend();
}, 120_000);

beforeEach(() => {
  unhandledRequests.length = 0;
});

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
  signOutForTest();
  mockServer.resetHandlers();
  await resetTestBackend();
  // A request no handler answers fails the test that caused it.
  if (unhandledRequests.length > 0)
    throw new Error(`Unhandled requests: ${unhandledRequests.join(', ')}`);
});

afterAll(async () => {
  mockServer.close();
  await closeTestBackend();
});
