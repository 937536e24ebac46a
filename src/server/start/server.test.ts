import { afterAll, beforeAll, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { parseStartOptions } from './start-options';
import { startTestServer, type TestStart } from './test-start';

// The real HTTP server (API only here): no msw/node interception in this file.
let server: TestStart;
let origin: string;

beforeAll(async () => {
  server = await startTestServer({ config: { items: 20 } });
  origin = server.origin;
}, 120_000);

afterAll(async () => {
  await server.close();
  server.remove();
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
  const signOutEverywhere = await fetch(`${origin}/api/sessions`, {
    method: 'DELETE',
    headers: { [CSRF_HEADER]: CSRF_VALUE },
  });
  expect(signOutEverywhere.status).toBe(401);
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

test('the server takes the session limits as flags, 30 minutes idle and 12 hours by default', () => {
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
  expect(server.running.config).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12 });
  expect(server.running.context.sessionLimits).toEqual({ idleMinutes: 30, maxHours: 12 });
});

test('the rest of the options: the mock server’s, and --reset', () => {
  const options = parseStartOptions([
    '--seed=7',
    '--items=100',
    '--latency=20',
    '--max-held=3',
    '--port=0',
    '--api-only',
    '--allow-host=a.test,b.test',
    '--reset',
  ]);
  expect(options).toEqual({
    config: { seed: 7, items: 100, latency: 20, maxHeld: 3 },
    port: 0,
    host: '127.0.0.1',
    apiOnly: true,
    allowedHosts: ['a.test', 'b.test'],
    reset: true,
  });
  expect(parseStartOptions([]).reset).toBe(false);
  expect(() => parseStartOptions(['--items=-1'])).toThrow(/^--items: /);
  expect(() => parseStartOptions(['--port', '70000'])).toThrow(/--port/);
});
