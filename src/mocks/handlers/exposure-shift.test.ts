import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { RevealGrant } from '../../api/schemas/decision';
import { ExposureShift } from '../../api/schemas/wellness';
import { advanceBackendClock, callMock, signInForTest, testBackend } from '../../test/mock-server';

const send = (path: string, cookie: string, body?: unknown) =>
  callMock(path, {
    method: 'POST',
    cookie,
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const shiftOf = async (userId: string, cookie: string, query = '') => {
  const response = await callMock(`/api/users/${userId}/exposure-shift${query}`, { cookie });
  return { status: response.status, json: (await response.json()) as unknown };
};

/** A reveal by the cookie's user, ended `seconds` later on the backend's clock. */
async function revealFor(cookie: string, seconds: number) {
  const item = testBackend.state.items.find((i) => i.preview.mode === 'blurred');
  const grant = RevealGrant.parse(
    await (await send(`/api/items/${item?.id}/reveal`, cookie)).json(),
  );
  advanceBackendClock(seconds * 1000);
  const ended = await send(`/api/items/${item?.id}/reveal/${grant.revealId}/end`, cookie, {
    reason: 'timeout',
  });
  expect(ended.status).toBe(200);
}

test('the shift counts every reveal the server recorded, in any session; signing in again does not reset it', async () => {
  const first = signInForTest('usr_ana').cookie;
  const empty = ExposureShift.parse((await shiftOf('usr_ana', first)).json);
  expect(empty).toMatchObject({ startedAt: null, reveals: 0, revealedSeconds: 0, shiftHours: 8 });
  await revealFor(first, 7);
  // Another browser: a second session of the same person.
  const second = signInForTest('usr_ana').cookie;
  await revealFor(second, 5);
  testBackend.state.sessions.endAllOf('usr_ana', 'signed_out_everywhere');
  const third = signInForTest('usr_ana').cookie;
  const shift = ExposureShift.parse((await shiftOf('usr_ana', third)).json);
  expect(shift.reveals).toBe(2);
  expect(shift.revealedSeconds).toBeGreaterThanOrEqual(12);
  expect(shift.revealedSeconds).toBeLessThan(13);
  expect(shift.startedAt).not.toBeNull();
  // A longer shift of one's own choosing; a shorter one is raised to the organisation's.
  expect(
    ExposureShift.parse((await shiftOf('usr_ana', third, '?shiftHours=10')).json).shiftHours,
  ).toBe(10);
  expect(
    ExposureShift.parse((await shiftOf('usr_ana', third, '?shiftHours=2')).json).shiftHours,
  ).toBe(8);
  expect((await shiftOf('usr_ana', third, '?shiftHours=0')).status).toBe(400);
});

test('a dismissed break prompt is kept on the server, for this shift', async () => {
  const ana = signInForTest('usr_ana').cookie;
  await revealFor(ana, 3);
  const shift = ExposureShift.parse((await shiftOf('usr_ana', ana)).json);
  const dismissed = await send('/api/users/usr_ana/exposure-shift/break-dismissal', ana, {
    shiftStartedAt: shift.startedAt,
  });
  expect(dismissed.status).toBe(200);
  expect(ExposureShift.parse(await dismissed.json()).breakDismissed).toBe(true);
  const elsewhere = signInForTest('usr_ana').cookie;
  expect(ExposureShift.parse((await shiftOf('usr_ana', elsewhere)).json).breakDismissed).toBe(true);
  // The next shift prompts afresh.
  advanceBackendClock(9 * 3_600_000);
  await revealFor(signInForTest('usr_ana').cookie, 1);
  const next = ExposureShift.parse(
    (await shiftOf('usr_ana', signInForTest('usr_ana').cookie)).json,
  );
  expect(next.breakDismissed).toBe(false);
  expect(next.reveals).toBe(1);
});

test('everyone reads their own shift; only supervisors read another’s; only the person dismisses their break', async () => {
  const ana = signInForTest('usr_ana').cookie;
  const ben = signInForTest('usr_ben').cookie;
  const sasha = signInForTest('usr_sasha').cookie;
  const alex = signInForTest('usr_alex').cookie;
  expect((await shiftOf('usr_ben', ben)).status).toBe(200);
  expect((await shiftOf('usr_alex', alex)).status).toBe(200);
  expect((await shiftOf('usr_ana', ben)).status).toBe(403);
  expect((await shiftOf('usr_ana', alex)).status).toBe(403);
  expect((await shiftOf('usr_ana', sasha)).status).toBe(200);
  expect((await shiftOf('usr_nobody', sasha)).status).toBe(404);
  expect((await callMock('/api/users/usr_ana/exposure-shift')).status).toBe(401);
  const body = { shiftStartedAt: new Date().toISOString() };
  expect(
    (await send('/api/users/usr_ana/exposure-shift/break-dismissal', sasha, body)).status,
  ).toBe(403);
  expect((await send('/api/users/usr_ana/exposure-shift/break-dismissal', ben, body)).status).toBe(
    403,
  );
  expect(
    (await send('/api/users/usr_alex/exposure-shift/break-dismissal', alex, body)).status,
  ).toBe(403);
  expect((await send('/api/users/usr_ana/exposure-shift/break-dismissal', ana, body)).status).toBe(
    200,
  );
});

test('/__mock/reveal-age moves only the caller’s reveals still showing back in time', async () => {
  const ana = signInForTest('usr_ana').cookie;
  const item = testBackend.state.items.find((i) => i.preview.mode === 'blurred');
  await send(`/api/items/${item?.id}/reveal`, ana);
  const aged = await send('/__mock/reveal-age', ana, { seconds: 60 });
  expect(await aged.json()).toEqual({ aged: 1 });
  const shift = ExposureShift.parse((await shiftOf('usr_ana', ana)).json);
  // Still showing: counted until now, at most the re-blur time.
  expect(shift.revealedSeconds).toBe(10);
  expect((await send('/__mock/reveal-age', '', { seconds: 60 })).status).toBe(404);
});
