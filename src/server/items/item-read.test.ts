import { afterAll, beforeAll, expect, test } from 'vitest';
import { ItemDetail } from '../../api/schemas/decision';
import { auditHead, auditRange } from '../audit/audit-chain';
import { readDecisions } from '../decisions/decision-rows';
import { openTestServer, type TestServer } from '../testing/test-server';
import { readItems } from './item-rows';

// Reading one item, and recording that it was shown, over HTTP.
let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

const allItems = async () => {
  const { db } = server.database;
  const ids = (await db.selectFrom('items').select('id').orderBy('id').execute()).map((r) => r.id);
  return { items: await readItems(db, ids), decisions: await readDecisions(db, ids) };
};

test('without a session the API answers 401', async () => {
  expect((await server.call('/api/queues')).status).toBe(401);
  expect((await server.call('/api/items/anything')).status).toBe(401);
  expect((await server.call('/api/items')).status).toBe(401);
});

test('item detail returns the item with its seeded decisions', async () => {
  const alex = await server.signIn('usr_alex');
  const { items, decisions } = await allItems();
  const decided = items.find((i) => i.status === 'confirmed' && decisions.get(i.id)?.length === 2);
  const body = ItemDetail.parse(await (await alex.get(`/api/items/${decided?.id}`)).json());
  expect(body.item.id).toBe(decided?.id);
  expect(body.item).toEqual(decided);
  expect(body.decisions.map((d) => d.stage)).toEqual(['first', 'second']);
  expect(body).toMatchObject({
    blindSecondReview: false,
    secondReviewBarred: false,
    readingTimelineBars: false,
  });
  const missing = await alex.get('/api/items/itm_nothing');
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
});

test('showing an item is recorded as item.viewed for the viewer; reading it alone is not', async () => {
  const alex = await server.signIn('usr_alex');
  const { db } = server.database;
  const [item] = (await allItems()).items;
  const before = (await auditHead(db)).seq;
  expect((await alex.get(`/api/items/${item?.id}`)).status).toBe(200);
  expect((await auditHead(db)).seq).toBe(before);
  const recorded = await alex.send('POST', `/api/items/${item?.id}/views`);
  expect(recorded.status).toBe(200);
  expect(await recorded.json()).toEqual({
    itemId: item?.id,
    at: server.clock.now.toISOString(),
  });
  const head = await auditHead(db);
  expect(head.seq).toBe(before + 1);
  const [event] = await auditRange(db, head.seq, 1);
  expect(event).toMatchObject({
    action: 'item.viewed',
    actor: { id: 'usr_alex', role: 'auditor' },
    subject: { type: 'item', id: item?.id },
    detail: { previewMode: item?.preview.mode },
  });
  expect((await alex.send('POST', '/api/items/itm_nothing/views')).status).toBe(404);
  expect((await auditHead(db)).seq).toBe(before + 1);
});

test('an item waiting again after its decision was taken back: reading its timeline would bar a reviewer, not an auditor', async () => {
  const { db } = server.database;
  const { items } = await allItems();
  const item = items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no free pending item');
  const sasha = await server.signIn('usr_sasha');
  const alex = await server.signIn('usr_alex');
  const bars = async (client: typeof sasha) =>
    ItemDetail.parse(await (await client.get(`/api/items/${item.id}`)).json()).readingTimelineBars;
  expect(await bars(sasha)).toBe(false);
  await db
    .insertInto('decisions')
    .values({
      id: `dec_${item.id.slice(4)}_1`,
      item_id: item.id,
      item_version: item.version,
      stage: 'first',
      verdict: JSON.stringify({ kind: 'confirm', classification: 'A2', annotations: [] }),
      supersedes: null,
      note: null,
      actor_id: 'usr_ana',
      at: server.clock.now,
      idempotency_key: `undone-${item.id}`,
      undone_at: server.clock.now,
    })
    .execute();
  expect(await bars(sasha)).toBe(true);
  expect(await bars(alex)).toBe(false);
  // Once she has read it, reading again costs nothing more.
  await db
    .insertInto('verdict_readers')
    .values({ item_id: item.id, user_id: 'usr_sasha' })
    .execute();
  expect(await bars(sasha)).toBe(false);
});
