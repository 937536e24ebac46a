import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { ErrorBody } from '../../api/schemas/common';
import { ClaimResult, NextItem } from '../../api/schemas/decision';
import { freePending, freePendingItems, itemNow, lastEvent } from '../decisions/review-test-kit';
import { openTestServer, type TestClient, type TestServer } from '../testing/test-server';

/** A lease is a person's, held in one of their windows (the in-memory backend's suite). */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const claim = (itemId: string, client: TestClient, window: string, takeOver = false) =>
  client.send(
    'POST',
    `/api/items/${itemId}/claim?window=${window}${takeOver ? '&takeOver=true' : ''}`,
  );
const windowA = 'win-aaaaaaaaaaaa';
const windowB = 'win-bbbbbbbbbbbb';

test('a lease is held by one window of its holder: renewing from it keeps it there', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const first = ClaimResult.parse(await (await claim(item.id, ana, windowA)).json());
  expect(first.item.lease).toMatchObject({ holderId: 'usr_ana', window: windowA });
  const again = ClaimResult.parse(await (await claim(item.id, ana, windowA)).json());
  expect(again.item.lease).toMatchObject({ holderId: 'usr_ana', window: windowA });
  expect(await lastEvent(server)).toMatchObject({
    action: 'item.claimed',
    detail: { renewal: true },
  });
});

test('my claim from another window is refused as held by me elsewhere, and moves nothing', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  await claim(item.id, ana, windowA);
  const refused = await claim(item.id, ana, windowB);
  expect(refused.status).toBe(409);
  const { error } = ErrorBody.parse(await refused.json());
  expect(error.code).toBe('held_elsewhere');
  expect(error.message).toMatch(/You hold .* in another window until/);
  expect((await itemNow(server, item.id)).lease).toMatchObject({
    holderId: 'usr_ana',
    window: windowA,
  });
});

test('taking over my own lease moves it to this window, audited; the other window then loses it', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  await claim(item.id, ana, windowA);
  const moved = ClaimResult.parse(await (await claim(item.id, ana, windowB, true)).json());
  expect(moved.item.lease).toMatchObject({ holderId: 'usr_ana', window: windowB });
  expect(await lastEvent(server)).toMatchObject({
    action: 'item.claimed',
    actor: { id: 'usr_ana' },
    detail: { renewal: true, takenOverFromAnotherWindow: true },
  });
  // The first window's renewal is refused now, and its release on leaving lets go of nothing.
  expect((await claim(item.id, ana, windowA)).status).toBe(409);
  await ana.send('DELETE', `/api/items/${item.id}/claim?window=${windowA}`);
  expect((await itemNow(server, item.id)).lease).toMatchObject({
    holderId: 'usr_ana',
    window: windowB,
  });
  await ana.send('DELETE', `/api/items/${item.id}/claim?window=${windowB}`);
  expect((await itemNow(server, item.id)).lease).toBeNull();
});

test('a lease stays the person’s: no one else takes it over, and it counts once toward the hold limit', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const item = await freePending(server);
  await claim(item.id, ana, windowA);
  const taken = await claim(item.id, ben, windowB, true);
  expect(taken.status).toBe(409);
  expect(ErrorBody.parse(await taken.json()).error.code).toBe('held');
  // Ana holds as many items as one reviewer may (none seeded); moving one of them holds nothing more.
  await server.database.db
    .deleteFrom('claims')
    .where('holder_id', '=', 'usr_ana')
    .where('item_id', '<>', item.id)
    .execute();
  const others = await freePendingItems(server);
  for (const other of others.slice(0, server.context.review.maxHeld - 1))
    expect((await claim(other.id, ana, windowA)).status).toBe(200);
  expect((await claim(item.id, ana, windowB, true)).status).toBe(200);
});

test('a lease taken without a window (handed over, or by "Start reviewing" elsewhere) is claimed by the holder’s first window', async () => {
  const ana = await server.signIn('usr_ana');
  const next = NextItem.parse(await (await ana.send('POST', '/api/queues/q-text/next')).json());
  const item = next.item;
  if (!item) throw new Error('nothing to review');
  expect(item.lease).toMatchObject({ holderId: 'usr_ana', window: null });
  const taken = ClaimResult.parse(await (await claim(item.id, ana, windowA)).json());
  expect(taken.item.lease).toMatchObject({ window: windowA });
  const started = NextItem.parse(
    await (await ana.send('POST', `/api/queues/q-text/next?window=${windowB}`)).json(),
  );
  expect(started.item?.lease).toMatchObject({ holderId: 'usr_ana', window: windowB });
});
