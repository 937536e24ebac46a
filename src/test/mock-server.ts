import { setupServer } from 'msw/node';
import { SESSION_COOKIE } from '../api/endpoints';
import { createBackend } from '../mocks/backend/backend';
import { createHandlers } from '../mocks/handlers';

let clockOffsetMs = 0;

/**
 * The mock backend every Vitest test talks to, through msw/node. Reset after each test. Its clock
 * runs with real time, moved forward by `advanceBackendClock` (back to now after each test).
 */
export const testBackend = createBackend(
  { seed: 1, items: 300 },
  () => new Date(Date.now() + clockOffsetMs),
  'vitest-review-secret', // which dismissals go to second review is the same on every run
);

/** Moves the backend's clock (only its clock) `ms` ahead: sessions and leases age at once. */
export function advanceBackendClock(ms: number) {
  clockOffsetMs += ms;
}

export function resetBackendClock() {
  clockOffsetMs = 0;
}

export const unhandledRequests: string[] = [];

export const mockServer = setupServer(...createHandlers(testBackend));

/**
 * Starts a session the way sign-in does and hands its cookie to the page, as a browser would
 * after `POST /api/session` (Node's fetch keeps no cookies of its own).
 */
export function signInForTest(userId: string) {
  const user = testBackend.state.demoUsers.find((u) => u.id === userId);
  if (!user) throw new Error(`no demo user ${userId}`);
  const token = testBackend.state.sessions.start(user);
  if (typeof document !== 'undefined') document.cookie = `${SESSION_COOKIE}=${token}; path=/`;
  return { user, token, cookie: `${SESSION_COOKIE}=${token}` };
}

export function signOutForTest() {
  if (typeof document !== 'undefined') document.cookie = `${SESSION_COOKIE}=; path=/; max-age=0`;
}

/** An HTTP request to the mock backend through msw/node, as the console makes one. */
export function callMock(path: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('cookie', init.cookie);
  return fetch(`http://verity.test${path}`, { ...init, headers });
}
