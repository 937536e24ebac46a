import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { openTestServer, type TestServer } from '../testing/test-server';
import {
  appendedSince,
  auditSize,
  claim,
  decide,
  freePending,
  freePendingItems,
  itemNow,
} from './review-test-kit';

/** Refused claims and decisions are on the record, written after the request rolled back. */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const confirmA2 = (itemVersion: number, idempotencyKey: string) => ({
  verdict: { kind: 'confirm', classification: 'A2', annotations: [] },
  note: null,
  itemVersion,
  idempotencyKey,
});

test('a claim on an item someone else holds is refused (409) and recorded', async () => {
  const item = await freePending(server);
  const ben = await server.signIn('usr_ben');
  expect((await claim(ben, item.id)).status).toBe(200);
  const ana = await server.signIn('usr_ana');
  const before = await auditSize(server);
  expect((await claim(ana, item.id)).status).toBe(409);
  expect(await appendedSince(server, before)).toMatchObject([
    {
      actor: { id: 'usr_ana' },
      action: 'item.claim_refused',
      subject: { type: 'item', id: item.id },
      detail: { status: 409, refusal: 'held' },
    },
  ]);
});

test('an auditor’s claim is refused by role (403) and the attempt is on the record, with why', async () => {
  const item = await freePending(server);
  const alex = await server.signIn('usr_alex');
  const before = await auditSize(server);
  expect((await claim(alex, item.id)).status).toBe(403);
  const appended = await appendedSince(server, before);
  expect(appended).toMatchObject([
    {
      actor: { id: 'usr_alex', name: 'Alex Kim', role: 'auditor' },
      action: 'item.claim_refused',
      subject: { type: 'item', id: item.id },
      detail: { status: 403, refusal: 'forbidden' },
    },
  ]);
  expect(String(appended[0]?.detail.message)).toContain('auditor role may not call claimItem');
});

test('a refused decision records who tried which review on which version, never the verdict', async () => {
  const item = await freePending(server);
  const ana = await server.signIn('usr_ana');
  expect((await decide(ana, item.id, confirmA2(item.version, 'refusal-first'))).status).toBe(200);
  const waiting = await itemNow(server, item.id);
  expect(waiting.status).toBe('awaiting_second_review');

  // Ana tries the second review of her own first review: 403, on the record without a verdict.
  let before = await auditSize(server);
  expect((await decide(ana, item.id, confirmA2(waiting.version, 'refusal-again'))).status).toBe(
    403,
  );
  const [refused] = await appendedSince(server, before);
  expect(refused).toMatchObject({
    action: 'item.decision_refused',
    detail: { status: 403, refusal: 'forbidden', stage: 'second', itemVersion: waiting.version },
  });
  for (const key of ['verdict', 'classification', 'reason', 'outcome'])
    expect(refused?.detail).not.toHaveProperty(key);
  expect(JSON.stringify(refused?.detail)).not.toMatch(/A2|confirm/i);

  // Ben, who may make the blind second review, decides on a stale version: 409, on the record.
  const ben = await server.signIn('usr_ben');
  before = await auditSize(server);
  expect((await decide(ben, item.id, confirmA2(item.version, 'refusal-stale'))).status).toBe(409);
  expect(await appendedSince(server, before)).toMatchObject([
    { action: 'item.decision_refused', detail: { status: 409, refusal: 'version_conflict' } },
  ]);
  // Nothing of the refused requests themselves was kept.
  expect((await itemNow(server, item.id)).version).toBe(waiting.version);
});

test('unsigned requests, requests without the CSRF header, 400s and 404s are not recorded as refusals', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const before = await auditSize(server);
  expect(
    (
      await server.call(`/api/items/${item.id}/claim`, {
        method: 'POST',
        headers: { cookie: ana.cookie },
      })
    ).status,
  ).toBe(403);
  expect((await server.call(`/api/items/${item.id}/claim`, { method: 'POST' })).status).toBe(403);
  expect((await claim(ana, 'itm_nothere')).status).toBe(404);
  const other = {
    ...confirmA2(item.version, 'k-other-0001'),
    verdict: { kind: 'dismiss', reason: 'other' },
  };
  expect((await decide(ana, item.id, other)).status).toBe(400);
  expect(await appendedSince(server, before)).toEqual([]);
});

test('“Start reviewing” refused for the hold limit records the claim it refused', async () => {
  const ana = await server.signIn('usr_ana');
  const limit = server.context.review.maxHeld;
  const held = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('claims')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('holder_id', '=', 'usr_ana')
          .where('expires_at', '>', server.clock.now)
          .executeTakeFirstOrThrow()
      ).n,
    );
  for (const item of await freePendingItems(server)) {
    if ((await held()) >= limit) break;
    await claim(ana, item.id);
  }
  const before = await auditSize(server);
  const answer = await ana.send('POST', '/api/queues/q-clf-high/next');
  expect(answer.status).toBe(409);
  expect(await appendedSince(server, before)).toMatchObject([
    { action: 'item.claim_refused', detail: { status: 409, refusal: 'hold_limit' } },
  ]);
});
