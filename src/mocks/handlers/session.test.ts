import { expect, test } from 'vitest';
import { ACTIVITY_HEADER, CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { SessionState } from '../../api/schemas/session';
import { advanceBackendClock, callMock, signInForTest, testBackend } from '../../test/mock-server';

// The session rules over HTTP, as the console meets them: the test backend runs 30 minutes idle
// and 12 hours at most (the defaults), on a clock the test moves.
const minute = 60_000;
const guard = { [CSRF_HEADER]: CSRF_VALUE };
const json = { 'Content-Type': 'application/json' };
const status = async (cookie: string) => (await callMock('/api/queues', { cookie })).status;
const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

/** The session.ended events appended since `from` (an audit size), as [sessionId, reason]. */
function endedSince(from: number) {
  const { audit } = testBackend.state;
  return audit
    .range(from + 1, audit.size - from)
    .filter((e) => e.action === 'session.ended')
    .map((e) => [e.detail.sessionId, e.detail.reason]);
}

const sessionIdOf = (token: string) => testBackend.state.sessions.peek(token)?.id;

// The exact boundary is in sessions.test.ts; here real time runs on beneath the moved clock.
test('a session idle for the idle timeout answers 401 session_expired and is gone', async () => {
  const { cookie, token } = signInForTest('usr_ana');
  const id = sessionIdOf(token);
  const before = testBackend.state.audit.size;
  advanceBackendClock(29 * minute);
  expect(await status(cookie)).toBe(200);
  // That request was use: the idle clock starts again from it.
  advanceBackendClock(29 * minute);
  expect(await status(cookie)).toBe(200);
  advanceBackendClock(30 * minute);
  const expired = await callMock('/api/queues', { cookie });
  expect(expired.status).toBe(401);
  expect(await errorCode(expired)).toEqual({
    code: 'session_expired',
    message: 'Your session expired after 30 minutes idle. Sign in again.',
  });
  // Every later request with that cookie is told the same; the end is on the record once.
  expect(await errorCode(await callMock('/api/items/anything', { cookie }))).toMatchObject({
    code: 'session_expired',
  });
  const session = SessionState.parse(await (await callMock('/api/session', { cookie })).json());
  expect(session.user).toBeNull();
  expect(session.ended).toEqual({ reason: 'idle_timeout', idleMinutes: 30 });
  expect(endedSince(before)).toEqual([[id, 'idle_timeout']]);
  const [event] = testBackend.state.audit
    .range(before + 1, testBackend.state.audit.size - before)
    .filter((e) => e.action === 'session.ended');
  expect(event).toMatchObject({ actor: { id: 'usr_ana' }, detail: { idleMinutes: 30 } });
});

test('the console’s own requests while no one uses it do not keep a session alive', async () => {
  const { cookie } = signInForTest('usr_ana');
  const background = { cookie, headers: { [ACTIVITY_HEADER]: 'background' } };
  advanceBackendClock(20 * minute);
  // Polling while the analyst is away is answered, but is not use of the session.
  expect((await callMock('/api/queues', background)).status).toBe(200);
  advanceBackendClock(11 * minute);
  const expired = await callMock('/api/queues', background);
  expect(expired.status).toBe(401);
  expect(await errorCode(expired)).toMatchObject({ code: 'session_expired' });
});

test('a request the person makes is use, and starts the idle clock again', async () => {
  const { cookie } = signInForTest('usr_ana');
  advanceBackendClock(20 * minute);
  expect(await status(cookie)).toBe(200);
  advanceBackendClock(20 * minute);
  expect(
    (await callMock('/api/queues', { cookie, headers: { [ACTIVITY_HEADER]: 'background' } }))
      .status,
  ).toBe(200);
});

test('the absolute lifetime ends a session at 12 hours however active it is', async () => {
  const { cookie, token } = signInForTest('usr_sasha');
  const id = sessionIdOf(token);
  const before = testBackend.state.audit.size;
  for (let elapsed = 0; elapsed < 12 * 60 * minute; elapsed += 25 * minute) {
    expect(await status(cookie)).toBe(200);
    advanceBackendClock(Math.min(25 * minute, 12 * 60 * minute - elapsed));
  }
  const expired = await callMock('/api/queues', { cookie });
  expect(await errorCode(expired)).toEqual({
    code: 'session_expired',
    message: 'Your session reached its 12-hour limit. Sign in again.',
  });
  expect(endedSince(before)).toEqual([[id, 'expired']]);
});

test('sign out everywhere ends the caller’s sessions in every browser and no one else’s', async () => {
  const here = signInForTest('usr_ana');
  const there = signInForTest('usr_ana');
  const ben = signInForTest('usr_ben');
  const ids = [sessionIdOf(here.token), sessionIdOf(there.token)];
  const before = testBackend.state.audit.size;
  expect((await callMock('/api/sessions', { method: 'DELETE', cookie: here.cookie })).status).toBe(
    403,
  );
  const response = await callMock('/api/sessions', {
    method: 'DELETE',
    cookie: here.cookie,
    headers: guard,
  });
  expect(response.status).toBe(200);
  expect(SessionState.parse(await response.json()).user).toBeNull();
  expect(response.headers.get('set-cookie')).toMatch(/^verity_session=; .*Max-Age=0/);
  const elsewhere = await callMock('/api/queues', { cookie: there.cookie });
  expect(await errorCode(elsewhere)).toEqual({
    code: 'session_ended',
    message: 'This session was ended by signing out everywhere. Sign in again.',
  });
  const state = SessionState.parse(await (await callMock('/api/session', there)).json());
  expect(state.ended).toEqual({ reason: 'signed_out_everywhere' });
  expect(await status(here.cookie)).toBe(401);
  expect(await status(ben.cookie)).toBe(200);
  expect(endedSince(before).sort()).toEqual(ids.map((id) => [id, 'signed_out_everywhere']).sort());
  expect((await callMock('/api/sessions', { method: 'DELETE', headers: guard })).status).toBe(401);
});

test('signing out or in again ends the session once, and tells that browser nothing more', async () => {
  const { cookie, token } = signInForTest('usr_alex');
  const id = sessionIdOf(token);
  const before = testBackend.state.audit.size;
  await callMock('/api/session', { method: 'DELETE', cookie, headers: guard });
  await callMock('/api/session', { method: 'DELETE', cookie, headers: guard });
  expect(endedSince(before)).toEqual([[id, 'signed_out']]);
  const after = await callMock('/api/queues', { cookie });
  expect(await errorCode(after)).toMatchObject({ code: 'unauthenticated' });
  expect(SessionState.parse(await (await callMock('/api/session', { cookie })).json())).toEqual({
    user: null,
    demoUsers: [...testBackend.state.demoUsers],
  });
});

test('signing in over an expired session starts a new one without ending the old one twice', async () => {
  const { cookie, token } = signInForTest('usr_ana');
  const id = sessionIdOf(token);
  const before = testBackend.state.audit.size;
  advanceBackendClock(31 * minute);
  const response = await callMock('/api/session', {
    method: 'POST',
    cookie,
    headers: { ...json, ...guard },
    body: '{"userId":"usr_ana"}',
  });
  expect(response.status).toBe(200);
  expect(endedSince(before)).toEqual([[id, 'idle_timeout']]);
  const fresh = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(await status(fresh)).toBe(200);
});

const signInOver = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { ...json, ...guard, ...headers },
    body: '{"userId":"usr_ben"}',
  }).then((r) => r.headers.get('set-cookie') ?? '');

test('the session cookie is Secure when the request came over HTTPS, directly or via a proxy', async () => {
  const http = 'http://verity.test/api/session';
  expect(await signInOver('https://verity.test/api/session')).toMatch(/; Secure$/);
  expect(await signInOver(http, { 'X-Forwarded-Proto': 'https' })).toMatch(/; Secure$/);
  expect(await signInOver(http, { 'X-Forwarded-Proto': 'HTTPS, http' })).toMatch(/; Secure$/);
  expect(
    await signInOver(http, { Forwarded: 'for=192.0.2.60;proto=https;by=203.0.113.43' }),
  ).toMatch(/; Secure$/);
  expect(await signInOver(http, { Forwarded: 'proto="https", proto=http' })).toMatch(/; Secure$/);
  for (const plain of [
    {},
    { 'X-Forwarded-Proto': 'http' },
    { Forwarded: 'for=192.0.2.60;proto=http' },
    { Forwarded: 'for="[2001:db8::1]:4711"' },
  ]) {
    const cookie = await signInOver(http, plain);
    expect(cookie).toMatch(/^verity_session=[\w-]{20,}; /);
    expect(cookie).not.toContain('Secure');
  }
});

test('the cookies that sign out are Secure over HTTPS too', async () => {
  for (const path of ['/api/session', '/api/sessions']) {
    const { cookie } = signInForTest('usr_ana');
    const response = await callMock(path, {
      method: 'DELETE',
      cookie,
      headers: { ...guard, 'X-Forwarded-Proto': 'https' },
    });
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0; Secure$/);
  }
  const { cookie } = signInForTest('usr_ana');
  const plain = await callMock('/api/session', { method: 'DELETE', cookie, headers: guard });
  expect(plain.headers.get('set-cookie')).not.toContain('Secure');
});

test('/__mock/session-age expires only the calling browser’s session, for demos and tests', async () => {
  const aged = signInForTest('usr_ana');
  const other = signInForTest('usr_ana');
  const age = (body: unknown, cookie?: string, type = 'application/json') =>
    callMock('/__mock/session-age', {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: JSON.stringify(body),
      ...(cookie ? { cookie } : {}),
    });
  expect((await age({ minutes: 30 }, aged.cookie, 'text/plain')).status).toBe(415);
  expect((await age({ minutes: 0 }, aged.cookie)).status).toBe(400);
  expect((await age({ minutes: 30 })).status).toBe(404);
  expect((await age({ minutes: 30 }, aged.cookie)).status).toBe(200);
  expect(await errorCode(await callMock('/api/queues', aged))).toMatchObject({
    code: 'session_expired',
  });
  expect(await status(other.cookie)).toBe(200);
});

test('the session limits are start-up options only: /__mock/config refuses them', async () => {
  const response = await callMock('/__mock/config', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ sessionIdleMinutes: 1 }),
  });
  expect(response.status).toBe(400);
  testBackend.configure({ reset: true });
  expect(testBackend.config).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12 });
});
