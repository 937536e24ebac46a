import { expect, test } from 'vitest';
import { RevealGrant } from '../../api/schemas/decision';
import { ExposureShift } from '../../api/schemas/wellness';
import { endAllSessionsOf } from '../sessions/session-store';
import type { TestClient, TestServer } from '../testing/test-server';
import { serverPerFile } from '../testing/test-server-hooks';

let server: TestServer;
serverPerFile((opened) => {
  server = opened;
});

const advance = (ms: number) => {
  server.clock.now = new Date(server.clock.now.getTime() + ms);
};
const shiftOf = async (userId: string, client: TestClient, query = '') => {
  const response = await client.get(`/api/users/${userId}/exposure-shift${query}`);
  return { status: response.status, json: (await response.json()) as unknown };
};
const blurredItem = async () =>
  (
    await server.database.db
      .selectFrom('items')
      .select('id')
      .where('hash_only', '=', false)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

/** A reveal by the client's user, ended `seconds` later on the server's clock. */
async function revealFor(client: TestClient, seconds: number) {
  const item = await blurredItem();
  const grant = RevealGrant.parse(
    await (await client.send('POST', `/api/items/${item}/reveal`)).json(),
  );
  advance(seconds * 1000);
  const ended = await client.send('POST', `/api/items/${item}/reveal/${grant.revealId}/end`, {
    reason: 'timeout',
  });
  expect(ended.status).toBe(200);
}

test('the shift counts every reveal the server recorded, in any session; signing in again does not reset it', async () => {
  const first = await server.signIn('usr_ana');
  const empty = ExposureShift.parse((await shiftOf('usr_ana', first)).json);
  expect(empty).toMatchObject({ startedAt: null, reveals: 0, revealedSeconds: 0, shiftHours: 8 });
  await revealFor(first, 7);
  // Another browser: a second session of the same person.
  const second = await server.signIn('usr_ana');
  await revealFor(second, 5);
  await server.database.db
    .transaction()
    .execute((trx) =>
      endAllSessionsOf(
        trx,
        'usr_ana',
        'signed_out_everywhere',
        server.clock.now,
        server.context.sessionLimits,
      ),
    );
  const third = await server.signIn('usr_ana');
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
  const ana = await server.signIn('usr_ana');
  await revealFor(ana, 3);
  const shift = ExposureShift.parse((await shiftOf('usr_ana', ana)).json);
  const dismissed = await ana.send('POST', '/api/users/usr_ana/exposure-shift/break-dismissal', {
    shiftStartedAt: shift.startedAt,
  });
  expect(dismissed.status).toBe(200);
  expect(ExposureShift.parse(await dismissed.json()).breakDismissed).toBe(true);
  const elsewhere = await server.signIn('usr_ana');
  expect(ExposureShift.parse((await shiftOf('usr_ana', elsewhere)).json).breakDismissed).toBe(true);
  // The next shift prompts afresh.
  advance(9 * 3_600_000);
  await revealFor(await server.signIn('usr_ana'), 1);
  const next = ExposureShift.parse((await shiftOf('usr_ana', await server.signIn('usr_ana'))).json);
  expect(next.breakDismissed).toBe(false);
  expect(next.reveals).toBe(1);
});

test('everyone reads their own shift; only supervisors read another’s; only the person dismisses their break', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const sasha = await server.signIn('usr_sasha');
  const alex = await server.signIn('usr_alex');
  expect((await shiftOf('usr_ben', ben)).status).toBe(200);
  expect((await shiftOf('usr_alex', alex)).status).toBe(200);
  expect((await shiftOf('usr_ana', ben)).status).toBe(403);
  expect((await shiftOf('usr_ana', alex)).status).toBe(403);
  expect((await shiftOf('usr_ana', sasha)).status).toBe(200);
  expect((await shiftOf('usr_nobody', sasha)).status).toBe(404);
  expect((await server.call('/api/users/usr_ana/exposure-shift')).status).toBe(401);
  const body = { shiftStartedAt: server.clock.now.toISOString() };
  const dismissal = '/api/users/usr_ana/exposure-shift/break-dismissal';
  expect((await sasha.send('POST', dismissal, body)).status).toBe(403);
  expect((await ben.send('POST', dismissal, body)).status).toBe(403);
  expect(
    (await alex.send('POST', '/api/users/usr_alex/exposure-shift/break-dismissal', body)).status,
  ).toBe(403);
  expect((await ana.send('POST', dismissal, body)).status).toBe(200);
});

test('a reveal still showing counts until now, at most the re-blur time', async () => {
  const ana = await server.signIn('usr_ana');
  await ana.send('POST', `/api/items/${await blurredItem()}/reveal`);
  advance(60_000);
  const shift = ExposureShift.parse((await shiftOf('usr_ana', ana)).json);
  expect(shift.revealedSeconds).toBe(10);
});

test('the running shift is found from the person’s recorded reveals however long their history', async () => {
  // Reveals every 7 hours with an 8-hour shift: shifts start at 0 h, 14 h, 28 h…, each holding
  // two reveals, so the running one depends on the whole chain, not on a window before now.
  for (let i = 0; i < 6; i++) {
    // A session idles out in hours: the person signs in again each time, which starts nothing.
    await revealFor(await server.signIn('usr_ana'), 1);
    advance(7 * 3_600_000 - 1000);
  }
  // Six reveals at 0, 7, 14, 21, 28, 35 h; now is 42 h: the shift that started at 28 h ended at 36.
  const ana = await server.signIn('usr_ana');
  const none = ExposureShift.parse((await shiftOf('usr_ana', ana)).json);
  expect(none).toMatchObject({ startedAt: null, reveals: 0 });
  advance(-7 * 3_600_000 + 1000);
  const running = ExposureShift.parse((await shiftOf('usr_ana', ana)).json);
  expect(running.reveals).toBe(2);
  expect(running.revealedSeconds).toBe(2);
});
