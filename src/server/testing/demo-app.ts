import { defaultMockConfig, type MockConfig } from '../demo/knobs';
import type { ServerContext } from '../server-context';
import { createHttpApp } from '../start/http-app';
import type { TestServer } from './test-server';

/** The app a demo start serves on `context` (no console): the contract, the knobs and controls. */
export const demoApp = (context: ServerContext, start: MockConfig = defaultMockConfig) =>
  createHttpApp({ context, consoleDir: null, demo: { start } });

/**
 * Calls to the test server's context as another demo instance serves it, where `server.call`
 * reaches the test server's own app.
 */
export function demoCall(server: TestServer) {
  const app = demoApp(server.context);
  return (path: string, init: RequestInit = {}) =>
    Promise.resolve(app.fetch(new Request(`http://127.0.0.1:4000${path}`, init)));
}
