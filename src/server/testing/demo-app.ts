import { defaultMockConfig } from '../demo/knobs';
import { createHttpApp } from '../start/http-app';
import type { TestServer } from './test-server';

/**
 * Calls to the test server's context as demo mode serves it (`createHttpApp` with the demo's knobs
 * and controls, started from the defaults), where `server.call` reaches the contract's app only.
 */
export function demoCall(server: TestServer) {
  const app = createHttpApp({
    context: server.context,
    consoleDir: null,
    demo: { start: defaultMockConfig },
  });
  return (path: string, init: RequestInit = {}) =>
    Promise.resolve(app.fetch(new Request(`http://127.0.0.1:4000${path}`, init)));
}
