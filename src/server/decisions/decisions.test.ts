import { expect, test } from 'vitest';
import { DecisionResult } from '../../api/schemas/decision';
import { serverPerFile } from '../testing/test-server-hooks';
import type { TestServer } from '../testing/test-server';
import {
  claim,
  decide,
  decisionsOf,
  dismiss,
  freePending,
  itemNow,
  lastEvent,
  setLeaseEnd,
} from './review-test-kit';

/** The decision contract against the server: a first review, its replay and its refusals. */

let server: TestServer;
serverPerFile((opened) => {
  server = opened;
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

test('text PostgreSQL cannot store (a lone surrogate, U+0000) is a 400 naming where, and nothing is recorded; a surrogate pair is kept as sent', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await freePending(server);
  const escalate = (reason: string, note: string | null, key: string) => ({
    verdict: { kind: 'escalate', reason },
    note,
    itemVersion: item.version,
    idempotencyKey: key,
  });
  for (const [body, field] of [
    [escalate('high \ud800 alone', null, 'key-ana-0101'), 'body.verdict.reason'],
    [escalate('Needs a supervisor', 'low \udc00 alone', 'key-ana-0102'), 'body.note'],
    [escalate('ends high \udbff', null, 'key-ana-0103'), 'body.verdict.reason'],
    [escalate('Needs a supervisor', 'a \u0000 NUL', 'key-ana-0104'), 'body.note'],
    [{ ...escalate('Needs a supervisor', null, 'key-ana-0105'), ['\ud800']: 1 }, 'body'],
  ] as const) {
    const refused = await decide(ana, item.id, body);
    expect(refused.status, field).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_request', field } });
  }
  expect(await decisionsOf(server, item.id)).toHaveLength(0);
  const paired = 'a pair 🧪 \ud83d\ude00 kept';
  const kept = await decide(ana, item.id, escalate(paired, paired, 'key-ana-0106'));
  expect(kept.status).toBe(200);
  expect((await decisionsOf(server, item.id))[0]).toMatchObject({
    verdict: { kind: 'escalate', reason: paired },
    note: paired,
  });
});
