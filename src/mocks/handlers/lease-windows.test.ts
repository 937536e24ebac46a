import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { ErrorBody } from '../../api/schemas/common';
import { ClaimResult, NextItem } from '../../api/schemas/decision';
import { signInForTest, testBackend } from '../../test/mock-server';

const send = (path: string, cookie: string, method = 'POST') =>
  fetch(`http://verity.test${path}`, {
    method,
    headers: { cookie, [CSRF_HEADER]: CSRF_VALUE },
  });
const claim = (itemId: string, cookie: string, window: string, takeOver = false) =>
  send(`/api/items/${itemId}/claim?window=${window}${takeOver ? '&takeOver=true' : ''}`, cookie);
const pendingItem = () => {
  const item = testBackend.state.items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no free pending item');
  return item;
};
const lastEvent = () => testBackend.state.audit.range(testBackend.state.audit.size, 1)[0];
const windowA = 'win-aaaaaaaaaaaa';
const windowB = 'win-bbbbbbbbbbbb';

test('a lease is held by one window of its holder: renewing from it keeps it there', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  const first = ClaimResult.parse(await (await claim(item.id, cookie, windowA)).json());
  expect(first.item.lease).toMatchObject({ holderId: 'usr_ana', window: windowA });
  const again = ClaimResult.parse(await (await claim(item.id, cookie, windowA)).json());
  expect(again.item.lease).toMatchObject({ holderId: 'usr_ana', window: windowA });
  expect(lastEvent()).toMatchObject({ action: 'item.claimed', detail: { renewal: true } });
});

test('my claim from another window is refused as held by me elsewhere, and moves nothing', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  await claim(item.id, cookie, windowA);
  const refused = await claim(item.id, cookie, windowB);
  expect(refused.status).toBe(409);
  const { error } = ErrorBody.parse(await refused.json());
  expect(error.code).toBe('held_elsewhere');
  expect(error.message).toMatch(/You hold .* in another window until/);
  expect(item.lease).toMatchObject({ holderId: 'usr_ana', window: windowA });
});

test('taking over my own lease moves it to this window, audited; the other window then loses it', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  await claim(item.id, cookie, windowA);
  const moved = ClaimResult.parse(await (await claim(item.id, cookie, windowB, true)).json());
  expect(moved.item.lease).toMatchObject({ holderId: 'usr_ana', window: windowB });
  expect(lastEvent()).toMatchObject({
    action: 'item.claimed',
    actor: { id: 'usr_ana' },
    detail: { renewal: true, takenOverFromAnotherWindow: true },
  });
  // The first window's renewal is refused now, and its release on leaving lets go of nothing.
  expect((await claim(item.id, cookie, windowA)).status).toBe(409);
  await send(`/api/items/${item.id}/claim?window=${windowA}`, cookie, 'DELETE');
  expect(item.lease).toMatchObject({ holderId: 'usr_ana', window: windowB });
  await send(`/api/items/${item.id}/claim?window=${windowB}`, cookie, 'DELETE');
  expect(item.lease).toBeNull();
});

test('a lease stays the person’s: no one else takes it over, and it counts once toward the hold limit', async () => {
  const ana = signInForTest('usr_ana');
  const ben = signInForTest('usr_ben');
  const item = pendingItem();
  await claim(item.id, ana.cookie, windowA);
  const taken = await claim(item.id, ben.cookie, windowB, true);
  expect(taken.status).toBe(409);
  expect(ErrorBody.parse(await taken.json()).error.code).toBe('held');
  // Ana holds as many items as one reviewer may (none seeded); moving one of them holds nothing more.
  for (const i of testBackend.state.items)
    if (i.lease?.holderId === 'usr_ana' && i !== item) i.lease = null;
  const others = testBackend.state.items.filter((i) => i.status === 'pending' && i.lease === null);
  for (const other of others.slice(0, testBackend.config.maxHeld - 1))
    expect((await claim(other.id, ana.cookie, windowA)).status).toBe(200);
  expect((await claim(item.id, ana.cookie, windowB, true)).status).toBe(200);
});

test('a lease taken without a window (handed over, or by "Start reviewing" elsewhere) is claimed by the holder’s first window', async () => {
  const { cookie } = signInForTest('usr_ana');
  const next = NextItem.parse(await (await send('/api/queues/q-text/next', cookie)).json());
  const item = next.item;
  if (!item) throw new Error('nothing to review');
  expect(item.lease).toMatchObject({ holderId: 'usr_ana', window: null });
  const taken = ClaimResult.parse(await (await claim(item.id, cookie, windowA)).json());
  expect(taken.item.lease).toMatchObject({ window: windowA });
  const started = NextItem.parse(
    await (await send(`/api/queues/q-text/next?window=${windowB}`, cookie)).json(),
  );
  expect(started.item?.lease).toMatchObject({ holderId: 'usr_ana', window: windowB });
});
