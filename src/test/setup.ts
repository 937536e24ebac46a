import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  mockServer,
  resetBackendClock,
  signOutForTest,
  testBackend,
  unhandledRequests,
} from './mock-server';

const consoleProblems: string[] = [];
const originalConsole = { error: console.error, warn: console.warn };

beforeAll(async () => {
  if (typeof document !== 'undefined') {
    // A component renders through the mock backend: on a loaded machine a screen can take seconds.
    const { configure } = await import('@testing-library/react');
    configure({ asyncUtilTimeout: 10_000 });
  }
  mockServer.listen({
    onUnhandledRequest: (request) => {
      unhandledRequests.push(`${request.method} ${request.url}`);
    },
  });
});

beforeEach(() => {
  consoleProblems.length = 0;
  unhandledRequests.length = 0;
  console.error = (...args: unknown[]) => {
    consoleProblems.push(args.map(String).join(' '));
    originalConsole.error(...args);
  };
  console.warn = (...args: unknown[]) => {
    consoleProblems.push(args.map(String).join(' '));
    originalConsole.warn(...args);
  };
});

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
  signOutForTest();
  mockServer.resetHandlers();
  resetBackendClock();
  testBackend.configure({ reset: true });
  console.error = originalConsole.error;
  console.warn = originalConsole.warn;
  // A request no handler answers, or an error the app logged, fails the test that caused it.
  if (unhandledRequests.length > 0)
    throw new Error(`Unhandled requests: ${unhandledRequests.join(', ')}`);
  if (consoleProblems.length > 0)
    throw new Error(`Console errors/warnings: ${consoleProblems.join(' | ')}`);
});

afterAll(() => mockServer.close());
