import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ErrorBody } from '../../api/schemas/common';
import { ClaimResult, DecisionResult, NextItem } from '../../api/schemas/decision';
import { openTestServer, type TestClient, type TestServer } from '../testing/test-server';
import {
  allItems,
  claim,
  decide,
  decisionsOf,
  dismiss,
  freePending,
  isNcmecMatch,
  itemNow,
  lastEvent,
  setLeaseEnd,
} from './review-test-kit';

/** The decision and claim contract (the in-memory backend's handler suite) against the server. */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
// One server for the file, back to the seeded data before each test.
beforeEach(() => server.reset());

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

test('a first-review decision moves the item on, bumps its version, frees it and is audited', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const confirm = {
    verdict: { kind: 'confirm', classification: 'B1', annotations: ['generativeAi'] },
    note: 'clear match',
    itemVersion: item.version,
    idempotencyKey: 'key-ana-0001',
  };
  const result = DecisionResult.parse(await (await decide(ana, item.id, confirm)).json());
  expect(result.item).toMatchObject({
    status: 'awaiting_second_review',
    version: item.version + 1,
    lease: null,
  });
  expect(result.decision).toMatchObject({
    stage: 'first',
    itemVersion: item.version,
    actor: { id: 'usr_ana' },
  });
  expect(await lastEvent(server)).toMatchObject({
    action: 'item.decided',
    detail: { verdict: 'confirm' },
  });
  expect(await itemNow(server, item.id)).toEqual(result.item);
});

test('the same decision sent twice is recorded once, and the replay is on the record', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const madeAt = new Date(server.clock.now.getTime() - 60_000).toISOString(); // made offline
  const body = { ...dismiss(item.version, 'key-ana-0002'), madeAt };
  const first = DecisionResult.parse(await (await decide(ana, item.id, body)).json());
  const size = (await lastEvent(server))?.seq ?? 0;
  const again = DecisionResult.parse(await (await decide(ana, item.id, body)).json());
  expect(again.decision).toEqual(first.decision);
  expect(await decisionsOf(server, item.id)).toHaveLength(1);
  const decided = (
    await server.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('seq', '=', size)
      .executeTakeFirst()
  )?.detail;
  expect(decided).toMatchObject({ madeAt });
  expect(await lastEvent(server)).toMatchObject({
    seq: size + 1,
    action: 'item.decision_replayed',
    detail: { decisionId: first.decision.id },
  });
});

test('a decision on an old version, or on a decided item, is a 409 that overwrites nothing', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const stale = await decide(ana, item.id, dismiss(item.version + 7, 'key-ana-0003'));
  expect(stale.status).toBe(409);
  expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
  await decide(ana, item.id, dismiss(item.version, 'key-ana-0004'));
  const again = await decide(ana, item.id, dismiss(item.version, 'key-ana-0005'));
  expect(await again.json()).toMatchObject({ error: { code: 'already_decided' } });
  expect(await decisionsOf(server, item.id)).toHaveLength(1);
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

test('a decision queued while offline is accepted after its own lease lapsed, if the item is unchanged and free', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  await claim(ana, item.id);
  await setLeaseEnd(server, item.id, new Date(server.clock.now.getTime() - 60_000));
  const late = await decide(ana, item.id, dismiss(item.version, 'key-ana-0007'));
  expect(late.status).toBe(200);
});

test('“other” needs a note; auditors may not claim or decide', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const other = {
    ...dismiss(item.version, 'key-ana-0007'),
    verdict: { kind: 'dismiss', reason: 'other' },
  };
  expect((await decide(ana, item.id, other)).status).toBe(400);
  const alex = await server.signIn('usr_alex');
  expect((await claim(alex, item.id)).status).toBe(403);
  expect((await decide(alex, item.id, dismiss(item.version, 'key-alex-001'))).status).toBe(403);
});

describe('four eyes', () => {
  const confirmBody = (itemVersion: number, idempotencyKey: string) => ({
    verdict: { kind: 'confirm', classification: 'B1', annotations: [] },
    note: null,
    itemVersion,
    idempotencyKey,
  });
  const firstConfirmed = async () => {
    const ana = await server.signIn('usr_ana');
    const item = await freePending(server);
    await claim(ana, item.id);
    const sent = await decide(ana, item.id, confirmBody(item.version, `key-ana-${item.id}`));
    expect(sent.status).toBe(200);
    const now = await itemNow(server, item.id);
    expect(now.status).toBe('awaiting_second_review');
    return { item: now, ana };
  };

  test('the second reviewer holds the item without the first verdict, and agreeing confirms it', async () => {
    const { item } = await firstConfirmed();
    const ben = await server.signIn('usr_ben');
    const claimed = await claim(ben, item.id);
    expect(claimed.status).toBe(200);
    expect(JSON.stringify(await claimed.json())).not.toContain('"B1"');
    const agreed = DecisionResult.parse(
      await (await decide(ben, item.id, confirmBody(item.version, `key-ben-${item.id}`))).json(),
    );
    expect(agreed.decision.stage).toBe('second');
    expect(agreed.item.status).toBe('confirmed');
    expect((await decisionsOf(server, item.id)).map((d) => [d.stage, d.actor.id])).toEqual([
      ['first', 'usr_ana'],
      ['second', 'usr_ben'],
    ]);
  });

  test('the first reviewer can neither claim nor make the second review: 403', async () => {
    const { item, ana } = await firstConfirmed();
    expect((await claim(ana, item.id)).status).toBe(403);
    const own = await decide(ana, item.id, confirmBody(item.version, `key-ana2-${item.id}`));
    expect(own.status).toBe(403);
    expect(ErrorBody.parse(await own.json()).error.message).toMatch(/someone else/);
    expect((await itemNow(server, item.id)).status).toBe('awaiting_second_review');
  });

  test('a disagreement goes to the supervisors, who decide with a rationale, finally', async () => {
    const { item } = await firstConfirmed();
    const ben = await server.signIn('usr_ben');
    await claim(ben, item.id);
    await decide(ben, item.id, dismiss(item.version, `kb-${item.id}`));
    const escalated = await itemNow(server, item.id);
    expect(escalated.status).toBe('escalated');

    expect((await claim(ben, item.id)).status).toBe(403);
    const sasha = await server.signIn('usr_sasha');
    expect((await claim(sasha, item.id)).status).toBe(200);
    const bare = await decide(sasha, item.id, confirmBody(escalated.version, `ks0-${item.id}`));
    expect(bare.status).toBe(400);
    const final = DecisionResult.parse(
      await (
        await decide(sasha, item.id, {
          ...confirmBody(escalated.version, `ks1-${item.id}`),
          note: 'The body proportions and setting indicate a minor; B1 stands.',
        })
      ).json(),
    );
    expect(final.decision.stage).toBe('supervisor');
    expect(final.item.status).toBe('confirmed');
    expect((await claim(sasha, item.id)).status).toBe(409);
  });

  test('dismissing an NCMEC hash match needs a second review; other dismissals do not', async () => {
    const ana = await server.signIn('usr_ana');
    const ncmec = await freePending(server, isNcmecMatch);
    // Not drawn for the quality-control second review either (the draw is the server's).
    const other = await freePending(server, (i) => i.signals.every((s) => s.kind !== 'hash_match'));
    for (const item of [ncmec, other])
      await decide(ana, item.id, dismiss(item.version, `kd-${item.id}`));
    expect((await itemNow(server, ncmec.id)).status).toBe('awaiting_second_review');
    expect(['dismissed', 'awaiting_second_review']).toContain(
      (await itemNow(server, other.id)).status,
    );
  });
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
