import { describe, expect, test } from 'vitest';
import { ErrorBody } from '../../api/schemas/common';
import { ClaimResult, NextItem } from '../../api/schemas/decision';
import { serverPerFile } from '../testing/test-server-hooks';
import type { TestClient, TestServer } from '../testing/test-server';
import {
  allItems,
  claim,
  decide,
  decisionsOf,
  dismiss,
  freePending,
  itemNow,
  lastEvent,
  setLeaseEnd,
} from './review-test-kit';

/**
 * Claims against the server: the lease a claim takes, renews, gives up or lets lapse, and
 * “Start reviewing”, which claims the next item.
 */

let server: TestServer;
serverPerFile((opened) => {
  server = opened;
});

const release = (client: TestClient, itemId: string) =>
  client.send('DELETE', `/api/items/${itemId}/claim`);

test('claiming takes a lease for the caller, renewing extends it, and both are audited', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const first = ClaimResult.parse(await (await claim(ana, item.id)).json());
  expect(first.item.lease).toMatchObject({ holderId: 'usr_ana', holderName: 'Ana Ortiz' });
  expect(first.item.version).toBe(item.version);
  expect(await lastEvent(server)).toMatchObject({
    action: 'item.claimed',
    detail: { renewal: false },
  });
  await claim(ana, item.id);
  expect(await lastEvent(server)).toMatchObject({
    action: 'item.claimed',
    detail: { renewal: true },
  });
});

test('an item held by someone else cannot be claimed or decided: 409 naming the holder', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const item = await freePending(server);
  await claim(ana, item.id);
  const refused = await claim(ben, item.id);
  expect(refused.status).toBe(409);
  const refusal = ErrorBody.parse(await refused.json());
  expect(refusal.error.code).toBe('held');
  expect(refusal.error.message).toContain('Ana Ortiz');
  const decided = await decide(ben, item.id, dismiss(item.version, 'key-ben-0001'));
  expect(decided.status).toBe(409);
  expect((await itemNow(server, item.id)).status).toBe('pending');
});

test('releasing gives the item up, and is audited', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  await claim(ana, item.id);
  const released = ClaimResult.parse(await (await release(ana, item.id)).json());
  expect(released.item.lease).toBeNull();
  expect(await lastEvent(server)).toMatchObject({
    action: 'item.released',
    actor: { id: 'usr_ana' },
  });
});

test('a lapsed lease does not protect its holder: another analyst may claim and decide', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const item = await freePending(server);
  await claim(ana, item.id);
  await setLeaseEnd(server, item.id, new Date(server.clock.now.getTime() - 1000));
  expect((await claim(ben, item.id)).status).toBe(200);
  expect((await decide(ben, item.id, dismiss(item.version, 'key-ben-0002'))).status).toBe(200);
  // Ana's decision on the version she saw, now one behind.
  const late = await decide(ana, item.id, dismiss(item.version, 'key-ana-0006'));
  expect(late.status).toBe(409);
});

describe('start reviewing', () => {
  const next = async (queueId: string, client: TestClient) =>
    NextItem.parse(await (await client.send('POST', `/api/queues/${queueId}/next`)).json()).item;

  test('claims the highest-priority free item, and never gives two reviewers the same one', async () => {
    const ana = await server.signIn('usr_ana');
    const ben = await server.signIn('usr_ben');
    const first = await next('q-text', ana);
    const second = await next('q-text', ben);
    expect(first?.lease?.holderId).toBe('usr_ana');
    expect(second?.lease?.holderId).toBe('usr_ben');
    expect(second?.id).not.toBe(first?.id);
    expect(first && second && first.priority <= second.priority).toBe(true);
  });

  test('in second review, never one the caller reviewed first; escalations only for supervisors', async () => {
    const ben = await server.signIn('usr_ben');
    const own = await freePending(server);
    await decide(ben, own.id, {
      verdict: { kind: 'confirm', classification: null, annotations: [] },
      note: null,
      itemVersion: own.version,
      idempotencyKey: `own-${own.id}`,
    });
    const waiting = (await allItems(server)).filter((i) => i.status === 'awaiting_second_review');
    const mine: string[] = [];
    for (const i of waiting)
      if ((await decisionsOf(server, i.id)).at(-1)?.actor.id === 'usr_ben') mine.push(i.id);
    expect(mine.length).toBeGreaterThan(0);
    // Ben takes each item he is given off the queue (by escalating it), so he never holds more
    // than one at a time.
    const given: string[] = [];
    for (let item = await next('q-second-review', ben); item;) {
      given.push(item.id);
      await decide(ben, item.id, {
        verdict: { kind: 'escalate', reason: 'Taken off the queue by the test' },
        note: null,
        itemVersion: item.version,
        idempotencyKey: `drain-${item.id}`,
      });
      item = given.length > waiting.length ? null : await next('q-second-review', ben);
    }
    expect(given.length).toBeGreaterThan(0);
    expect(given.length).toBeLessThanOrEqual(waiting.length - mine.length);
    expect(given.filter((id) => mine.includes(id))).toEqual([]);
    expect(await next('q-escalations', ben)).toBeNull();
    expect(await next('q-escalations', await server.signIn('usr_sasha'))).not.toBeNull();
  });
});
