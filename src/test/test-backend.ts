import { setupServer } from 'msw/node';
import { SESSION_COOKIE } from '../api/headers';
import { serverBridge } from '../mocks/server-bridge';
import type { MockConfigRequest } from '../server/demo/knobs';
import {
  openTestServer,
  type TestServer,
  type TestServerOptions,
} from '../server/testing/test-server';

/** The console's test server: the clock runs with real time, and the demo's knobs are served. */
export const consoleTestServer: TestServerOptions = { clock: 'live', demo: true };

let opened: Promise<TestServer> | null = null;

/**
 * The Verity server every Vitest test talks to, through msw/node: on an in-memory PGlite holding
 * the seeded demo data (300 items, seed 1), with the demo's knobs, its clock running with real
 * time. Opened by the first call of a test file that makes one, and back to the seeded data after
 * each test.
 */
export function testBackend(): Promise<TestServer> {
  opened ??= openTestServer(consoleTestServer);
  return opened;
}

export const unhandledRequests: string[] = [];

export const mockServer = setupServer(serverBridge(async () => (await testBackend()).app));

/** After each test: the seeded data again, the clock back to real time. */
export async function resetTestBackend(): Promise<void> {
  if (opened) await (await opened).reset();
}

export async function closeTestBackend(): Promise<void> {
  if (opened) await (await opened).close();
  opened = null;
}

/** Moves the server's clock (only its clock) `ms` ahead: sessions and leases age at once. */
export async function advanceBackendClock(ms: number): Promise<void> {
  const { clock } = await testBackend();
  clock.now = new Date(clock.now.getTime() + ms);
}

/** Sets the demo's knobs (`faults`, `latency`, `items`…) as `POST /__mock/config` does. */
export async function configureBackend(knobs: MockConfigRequest): Promise<void> {
  const { app } = await testBackend();
  const response = await app.fetch(
    new Request('http://verity.test/__mock/config', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(knobs),
    }),
  );
  if (response.status !== 200) throw new Error(`__mock/config answered ${response.status}`);
}

/**
 * Signs in the way the console does and hands the session's cookie to the page, as a browser
 * would (Node's fetch keeps no cookies of its own).
 */
export async function signInForTest(userId: string) {
  const client = await (await testBackend()).signIn(userId);
  if (typeof document !== 'undefined') document.cookie = `${client.cookie}; path=/`;
  return client;
}

export function signOutForTest() {
  if (typeof document !== 'undefined') document.cookie = `${SESSION_COOKIE}=; path=/; max-age=0`;
}
