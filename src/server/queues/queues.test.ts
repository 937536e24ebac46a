import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Decision } from '../../api/schemas/decision';
import { MyEscalations } from '../../api/schemas/escalation';
import type { FlaggedItem } from '../../api/schemas/item';
import { QueueList } from '../../api/schemas/queue';
import { waitingStatus } from '../../domain/review-rules';
import { insertDecisions, readDecisions } from '../decisions/decision-rows';
import { queueDefinitions } from '../directory/directory';
import { readItems } from '../items/item-rows';
import { openTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

async function state() {
  const { db } = server.database;
  const ids = (await db.selectFrom('items').select('id').orderBy('id').execute()).map((r) => r.id);
  return { items: await readItems(db, ids), decisions: await readDecisions(db, ids) };
}

/** The summaries as the rules define them, computed item by item from what the database holds. */
function expectedSummaries(
  items: FlaggedItem[],
  decisions: Map<string, Decision[]>,
  userId: string,
  now: Date,
) {
  return queueDefinitions.map((queue) => {
    const inQueue = items.filter((i) =>
      queue.kind === 'triage' ? i.queueId === queue.id : i.status === waitingStatus[queue.kind],
    );
    const waiting = inQueue.filter((i) => i.status === waitingStatus[queue.kind]);
    const since = waiting.map((i) =>
      queue.kind === 'triage' ? i.flaggedAt : (decisions.get(i.id)?.at(-1)?.at ?? i.flaggedAt),
    );
    const counts = {
      pending: 0,
      awaiting_second_review: 0,
      escalated: 0,
      confirmed: 0,
      dismissed: 0,
    };
    for (const i of inQueue) counts[i.status]++;
    return {
      id: queue.id,
      waiting: waiting.length,
      counts,
      oldestWaitingSince: since.length === 0 ? null : since.sort()[0],
      heldByMe: inQueue.filter(
        (i) => i.lease?.holderId === userId && Date.parse(i.lease.expiresAt) > now.getTime(),
      ).length,
    };
  });
}

test('every queue counts its items by status, what waits and since when, and what the caller holds', async () => {
  const { items, decisions } = await state();
  const holders = new Set(items.flatMap((i) => (i.lease ? [i.lease.holderId] : [])));
  for (const userId of ['usr_ana', 'usr_sasha', 'usr_alex']) {
    const client = await server.signIn(userId);
    const { queues } = QueueList.parse(await (await client.get('/api/queues')).json());
    expect(queues).toMatchObject(expectedSummaries(items, decisions, userId, server.clock.now));
    expect(queues.map((q) => q.name)).toEqual(queueDefinitions.map((q) => q.name));
  }
  expect(holders.size).toBeGreaterThan(0);
  const held = QueueList.parse(
    await (await (await server.signIn([...holders][0] ?? '')).get('/api/queues')).json(),
  );
  expect(held.queues.some((q) => q.heldByMe > 0)).toBe(true);
});

test('a lapsed lease is not held; a live one is, in every queue that shows the item', async () => {
  const { db } = server.database;
  const { items } = await state();
  const item = items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no free pending item');
  const ana = await server.signIn('usr_ana');
  const heldIn = async () =>
    QueueList.parse(await (await ana.get('/api/queues')).json()).queues.find(
      (q) => q.id === item.queueId,
    )?.heldByMe ?? 0;
  const before = await heldIn();
  const now = server.clock.now.getTime();
  await db
    .insertInto('claims')
    .values({
      item_id: item.id,
      holder_id: 'usr_ana',
      window_id: null,
      claimed_at: new Date(now),
      expires_at: new Date(now + 60_000),
    })
    .execute();
  expect(await heldIn()).toBe(before + 1);
  await db
    .updateTable('claims')
    .set({ expires_at: new Date(now - 1) })
    .where('item_id', '=', item.id)
    .execute();
  expect(await heldIn()).toBe(before);
  await db.deleteFrom('claims').where('item_id', '=', item.id).execute();
});

test('my escalations: what I escalated and where my second review disagreed, newest first, with the supervisor’s outcome', async () => {
  const { db } = server.database;
  const { items } = await state();
  const [disputed, escalated, agreed] = items.filter(
    (i) => i.status === 'pending' && i.lease === null,
  );
  if (!disputed || !escalated || !agreed) throw new Error('not enough pending items');
  const ben = await server.signIn('usr_ben');
  const mineBefore = MyEscalations.parse(await (await ben.get('/api/escalations/mine')).json());
  const at = (minutes: number) => new Date(server.clock.now.getTime() + minutes * 60_000);
  const actor = (id: string, name: string, role: 'analyst' | 'supervisor') => ({ id, name, role });
  const ana = actor('usr_ana', 'Ana Ortiz', 'analyst');
  const benActor = actor('usr_ben', 'Ben Okafor', 'analyst');
  const sasha = actor('usr_sasha', 'Sasha Reyes', 'supervisor');
  const confirm = { kind: 'confirm' as const, classification: 'A1' as const, annotations: [] };
  const dismiss = { kind: 'dismiss' as const, reason: 'adult_content' as const };
  const decision = (
    item: FlaggedItem,
    n: number,
    stage: Decision['stage'],
    verdict: Decision['verdict'],
    by: Decision['actor'],
    minutes: number,
  ) => ({
    id: `dec_${item.id.slice(4)}_t${n}`,
    itemId: item.id,
    itemVersion: item.version + n - 1,
    stage,
    verdict,
    supersedes: null,
    note: null,
    actor: by,
    at: at(minutes).toISOString(),
    idempotencyKey: `test-${item.id}-${n}`,
  });
  await db.transaction().execute(async (trx) => {
    await insertDecisions(trx, [
      decision(disputed, 1, 'first', confirm, ana, 1),
      decision(disputed, 2, 'second', dismiss, benActor, 2),
      decision(disputed, 3, 'supervisor', confirm, sasha, 4),
      decision(escalated, 1, 'first', { kind: 'escalate', reason: 'Unsure: ask' }, benActor, 3),
      decision(agreed, 1, 'first', confirm, ana, 1),
      decision(agreed, 2, 'second', confirm, benActor, 5),
    ]);
    await trx
      .updateTable('items')
      .set({ status: 'confirmed' })
      .where('id', '=', disputed.id)
      .execute();
    await trx
      .updateTable('items')
      .set({ status: 'escalated' })
      .where('id', '=', escalated.id)
      .execute();
    await trx
      .updateTable('items')
      .set({ status: 'confirmed' })
      .where('id', '=', agreed.id)
      .execute();
  });
  const mine = MyEscalations.parse(await (await ben.get('/api/escalations/mine')).json());
  expect(mine.escalations.slice(0, 2)).toMatchObject([
    {
      itemId: escalated.id,
      kind: 'escalated',
      reason: 'Unsure: ask',
      status: 'escalated',
      resolution: null,
    },
    {
      itemId: disputed.id,
      kind: 'disagreement',
      reason: null,
      status: 'confirmed',
      resolution: { stage: 'supervisor', actor: { id: 'usr_sasha' } },
    },
  ]);
  expect(mine.escalations.map((e) => e.itemId)).not.toContain(agreed.id);
  expect(mine.escalations).toHaveLength(Math.min(50, mineBefore.escalations.length + 2));
  const times = mine.escalations.map((e) => e.escalatedAt);
  expect(times).toEqual([...times].sort().reverse());

  // An undone escalation is no longer one.
  await db
    .updateTable('decisions')
    .set({ undone_at: at(6) })
    .where('id', '=', `dec_${escalated.id.slice(4)}_t1`)
    .execute();
  const after = MyEscalations.parse(await (await ben.get('/api/escalations/mine')).json());
  expect(after.escalations.map((e) => e.itemId)).not.toContain(escalated.id);
  expect((await (await server.signIn('usr_alex')).get('/api/escalations/mine')).status).toBe(403);
});
