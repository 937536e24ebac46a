import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../api/endpoints';
import { mockServer } from '../test/mock-server';
import { createMockApp, listen, parseStartOptions } from './server';

// The real HTTP server `npm start` runs (API only here): no msw/node interception in this file.
let server: Server;
let origin: string;

beforeAll(async () => {
  mockServer.close();
  server = await listen(createMockApp({ serveConsole: false }).app, 0, '127.0.0.1');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  mockServer.listen();
});

const setCookie = async (userId: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE, ...headers },
    body: JSON.stringify({ userId }),
  });
  return response.headers.get('set-cookie') ?? '';
};
const signIn = async (userId: string) => (await setCookie(userId)).split(';')[0] ?? '';
const whoAmI = async (cookie?: string) => {
  const response = await fetch(`${origin}/api/session`, { headers: cookie ? { cookie } : {} });
  return ((await response.json()) as { user: { id: string } | null }).user?.id ?? null;
};

test('one browser’s session never leaks into another’s requests on the shared server', async () => {
  const ana = await signIn('usr_ana');
  const ben = await signIn('usr_ben');
  expect(await whoAmI(ana)).toBe('usr_ana');
  expect(await whoAmI(ben)).toBe('usr_ben');
  expect(await whoAmI()).toBeNull();
  expect((await fetch(`${origin}/api/queues`)).status).toBe(401);
});

test('API responses carry the deployment’s security headers and no-store', async () => {
  const response = await fetch(`${origin}/api/session`);
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-powered-by')).toBeNull();
});

test('an unknown API path is a JSON 404, not the console page', async () => {
  const response = await fetch(`${origin}/api/nothing-here`);
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
});

test('behind a TLS-terminating proxy the session cookie is Secure; over plain HTTP it is not', async () => {
  expect(await setCookie('usr_ana', { 'X-Forwarded-Proto': 'https' })).toMatch(/; Secure$/);
  expect(await setCookie('usr_ana', { Forwarded: 'for=192.0.2.60;proto=https' })).toMatch(
    /; Secure$/,
  );
  expect(await setCookie('usr_ana')).not.toContain('Secure');
});

test('npm start takes the session limits as flags, 30 minutes idle and 12 hours by default', () => {
  expect(parseStartOptions([]).config).toEqual({});
  expect(
    parseStartOptions(['--session-idle-minutes', '15', '--session-max-hours', '8']).config,
  ).toEqual({ sessionIdleMinutes: 15, sessionMaxHours: 8 });
  expect(() => parseStartOptions(['--session-idle-minutes', '0'])).toThrow(
    /^--session-idle-minutes: /,
  );
  expect(() => parseStartOptions(['--session-max-hours', 'soon'])).toThrow(
    /^--session-max-hours: /,
  );
  const { backend } = createMockApp({ serveConsole: false, config: { items: 10 } });
  expect(backend.config).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12 });
});
