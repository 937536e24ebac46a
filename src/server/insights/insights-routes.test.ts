import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Verdict } from '../../api/schemas/decision';
import { Insights, type InsightsQuery } from '../../api/schemas/insights';
import type { FlaggedItem } from '../../api/schemas/item';
import { appendAuditEvents, auditHead, auditRange, type NewAuditEvent } from '../audit/audit-chain';
import { insertDecisions, readDecisions } from '../decisions/decision-rows';
import { readItems } from '../items/item-rows';
import { openTestServer, type TestServer } from '../testing/test-server';
import { insightItemOf } from './insight-item';
import { insightsOf, rangeOf } from './insights';
import { byArrival, supplierReports } from './insights-rows';

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterEach(() => server.reset());
afterAll(() => server.close());

const insights = async (userId: string, query = '') =>
  (await server.signIn(userId)).get(`/api/insights${query}`);

/** Every item, whole, in its order of arrival. */
const allItems = async () => {
  const ids = await server.database.db.selectFrom('items').select('id').execute();
  const items = await readItems(
    server.database.db,
    ids.map((row) => row.id),
  );
  return items.sort(byArrival);
};

/**
 * A first review as its rule leaves it, written straight to the database (the decision and the
 * item's new status and version), as the decision endpoint would.
 */
async function decide(item: FlaggedItem, verdict: Verdict, status: FlaggedItem['status']) {
  await server.database.db.transaction().execute(async (trx) => {
    await insertDecisions(trx, [
      {
        id: `dec_test_${item.id}`,
        itemId: item.id,
        itemVersion: item.version,
        stage: 'first',
        verdict,
        supersedes: null,
        note: null,
        actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' },
        at: server.clock.now.toISOString(),
        idempotencyKey: `insights-${item.id}`,
      },
    ]);
    await trx
      .updateTable('items')
      .set({ status, version: item.version + 1 })
      .where('id', '=', item.id)
      .execute();
  });
  // Time moves on: the decision is before the default range's end, now.
  server.clock.now = new Date(server.clock.now.getTime() + 1000);
}

/** The insights as the rules define them: every item, every decision, the whole log. */
async function insightsFromEverything(query: InsightsQuery, now: Date) {
  const { db } = server.database;
  const items = await allItems();
  const { decisions, reports } = await db.transaction().execute(async (trx) => ({
    decisions: await readDecisions(
      trx,
      items.map((i) => i.id),
    ),
    reports: await supplierReports(trx),
  }));
  const events = await auditRange(db, 1, (await auditHead(db)).seq);
  return insightsOf(
    { items: items.map(insightItemOf), decisions, events, reports },
    rangeOf(query, now),
    now,
  );
}

test('only supervisors read insights', async () => {
  expect((await insights('usr_sasha')).status).toBe(200);
  expect((await insights('usr_ana')).status).toBe(403);
  expect((await insights('usr_alex')).status).toBe(403);
});

/**
 * Ana reveals an item two days ago, then decides it; Ben reveals one ten days ago (before the
 * default range) and another yesterday, re-blurring each after a while.
 */
async function reveals(items: readonly FlaggedItem[]) {
  const [first, second] = items;
  if (!first || !second) throw new Error('too few items');
  const ago = (hours: number) => new Date(server.clock.now.getTime() - hours * 3_600_000);
  const ana = { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' } as const;
  const ben = { id: 'usr_ben', name: 'Ben Okafor', role: 'analyst' } as const;
  const event = (
    at: Date,
    actor: typeof ana | typeof ben,
    item: FlaggedItem,
    action: 'media.revealed' | 'media.reblurred',
    detail: Record<string, string | number | boolean>,
  ): NewAuditEvent => ({
    at: at.toISOString(),
    actor,
    action,
    subject: { type: 'item', id: item.id },
    detail,
  });
  await server.database.db
    .transaction()
    .execute((trx) =>
      appendAuditEvents(trx, [
        event(ago(240), ben, second, 'media.revealed', { revealId: 'rvl_old', wholeFile: true }),
        event(ago(240), ben, second, 'media.reblurred', { revealId: 'rvl_old', durationMs: 9000 }),
        event(ago(48), ana, first, 'media.revealed', { revealId: 'rvl_a', wholeFile: true }),
        event(ago(47), ana, first, 'media.reblurred', { revealId: 'rvl_a', durationMs: 4500 }),
        event(ago(24), ben, first, 'media.revealed', { revealId: 'rvl_b', wholeFile: true }),
        event(ago(24), ben, first, 'media.reblurred', { revealId: 'rvl_b', durationMs: 1500 }),
      ]),
    );
  await decide(first, { kind: 'confirm', classification: 'A1', annotations: [] }, 'confirmed');
}

test('the insights read from the range are those computed from every record', async () => {
  await reveals((await allItems()).filter((i) => i.status === 'pending' && i.lease === null));
  const now = server.clock.now;
  for (const query of [
    {},
    { from: '2026-02-27T00:00:00.000Z', to: '2026-03-01T06:00:00.000Z' },
    { from: '2026-01-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' },
  ]) {
    const search = new URLSearchParams(query).toString();
    const response = await insights('usr_sasha', search ? `?${search}` : '');
    const read = Insights.parse(await response.json());
    expect(read).toEqual(await insightsFromEverything(query, now));
    expect(read.flow.itemsIn + read.agreement.overall.compared).toBeGreaterThan(0);
  }
  const { exposure } = Insights.parse(await (await insights('usr_sasha')).json());
  expect(exposure.reviewers.slice(0, 2)).toMatchObject([
    { actor: { id: 'usr_ana' }, reveals: 1, revealedSeconds: 4.5 },
    { actor: { id: 'usr_ben' }, reveals: 1, revealedSeconds: 1.5 },
  ]);
  const ana = exposure.reviewers.find((r) => r.actor.id === 'usr_ana');
  expect(ana?.decisions).toBeGreaterThan(ana?.decisionsWithoutReveal ?? Infinity);
});

test('items stored before they kept their checklist’s entries count the same: their provenance is checked', async () => {
  const { db } = server.database;
  // Every item stored now keeps its entries: the insights above counted what they kept.
  const keeping = await db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('completeness_entries', 'is', null)
    .executeTakeFirstOrThrow();
  expect(Number(keeping.n)).toBe(0);
  const kept = Insights.parse(await (await insights('usr_sasha')).json());
  const older = await db
    .updateTable('items')
    .set({
      completeness_entries: null,
      completeness_timeless: null,
      completeness_incident_from: null,
    })
    .where(sql<boolean>`right(id, 1) in ('1', '3', '5', '7', '9')`)
    .executeTakeFirst();
  expect(Number(older.numUpdatedRows)).toBeGreaterThan(10);
  const read = Insights.parse(await (await insights('usr_sasha')).json());
  expect(read).toEqual(kept);
  const shares = read.suppliers.flatMap((s) => s.fields.map((f) => f.share));
  expect(shares.some((share) => share > 0 && share < 1)).toBe(true);
  expect(read).toEqual(await insightsFromEverything({}, server.clock.now));
});

test('a rule’s precision drops when analysts dismiss its items as false positives', async () => {
  const before = Insights.parse(await (await insights('usr_sasha')).json());
  const rule = before.rules.find((r) => r.kind === 'classifier' && r.pending >= 3);
  if (!rule) throw new Error('no classifier rule with pending items');
  const from = Date.parse(before.from);
  const pending = (await allItems()).filter(
    (i) =>
      i.status === 'pending' &&
      i.lease === null &&
      Date.parse(i.flaggedAt) >= from &&
      i.signals.some((s) => s.ruleId === rule.ruleId) &&
      new Set(i.signals.map((s) => s.ruleId)).size === 1,
  );
  for (const item of pending.slice(0, 3))
    await decide(item, { kind: 'dismiss', reason: 'adult_content' }, 'dismissed');
  const after = Insights.parse(await (await insights('usr_sasha')).json());
  const changed = after.rules.find((r) => r.ruleId === rule.ruleId);
  expect(changed?.falsePositives).toBe(rule.falsePositives + Math.min(3, pending.length));
  expect(changed?.precision ?? 1).toBeLessThan(rule.precision ?? 1);
  expect(after.exposure.decisions).toBe(before.exposure.decisions + Math.min(3, pending.length));
});

test('insights read by the eligible second reviewer are the same whichever way the first review went', async () => {
  const verdictTelling = async () => {
    const { rules, hashes, suppliers, agreement } = Insights.parse(
      await (await insights('usr_sasha')).json(),
    );
    return { rules, hashes, suppliers, agreement };
  };
  const before = await verdictTelling();
  const item = (await allItems()).find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no free pending item');
  await decide(
    item,
    { kind: 'confirm', classification: 'A1', annotations: [] },
    'awaiting_second_review',
  );
  expect(await verdictTelling()).toEqual(before);
});
