import { afterAll, beforeAll, expect, test } from 'vitest';
import { ItemDetail } from '../../api/schemas/decision';
import { ItemPage, type FlaggedItem } from '../../api/schemas/item';
import { openTestServer, type TestServer } from '../testing/test-server';
import { readItems } from './item-rows';

/**
 * The eligible second reviewer learns no first verdict from an item, list or queue view: each
 * either withholds the verdict or, once they read it elsewhere, says they are off the review.
 */
let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

const isNcmecMatch = (item: FlaggedItem) =>
  item.signals.some((s) => s.kind === 'hash_match' && s.hashList === 'ncmec');

async function freePending(): Promise<FlaggedItem> {
  const { db } = server.database;
  const ids = await db
    .selectFrom('items')
    .leftJoin('claims', 'claims.item_id', 'items.id')
    .select('items.id')
    .where('items.status', '=', 'pending')
    .where('claims.item_id', 'is', null)
    .orderBy('items.id')
    .execute();
  const item = (
    await readItems(
      db,
      ids.map((r) => r.id),
    )
  ).find((i) => !isNcmecMatch(i));
  if (!item) throw new Error('no such pending item');
  return item;
}

/** Ana's first review, as the decision rules record it: the item now awaits a blind second review. */
async function firstReview(item: FlaggedItem) {
  const { db } = server.database;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('decisions')
      .values({
        id: `dec_${item.id.slice(4)}_1`,
        item_id: item.id,
        item_version: item.version,
        stage: 'first',
        verdict: JSON.stringify({ kind: 'confirm', classification: 'A1', annotations: [] }),
        supersedes: null,
        note: 'first reviewer’s note',
        actor_id: 'usr_ana',
        at: server.clock.now,
        idempotency_key: `first-${item.id}`,
        undone_at: null,
      })
      .execute();
    await trx
      .updateTable('items')
      .set({ status: 'awaiting_second_review', version: item.version + 1 })
      .where('id', '=', item.id)
      .execute();
  });
}

/** Every object in a response that speaks of the item: it holds the item's id as one of its values. */
function mentionsOf(json: unknown, itemId: string): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const values = Object.values(node);
      if (values.includes(itemId)) found.push(node);
      values.forEach(walk);
    }
  };
  walk(json);
  return found;
}

/** What would tell the first verdict of an item Ana confirmed as A1 with a note. */
const tellingOf = (item: FlaggedItem) => ({
  anywhere: ['first reviewer’s note', `dec_${item.id.slice(4)}`],
  nearTheItem: ['"confirm"', '"confirmed"', '"A1"', '"verdict"', '"classification"'],
});

test('no item, list or queue view tells the eligible second reviewer the first verdict', async () => {
  const item = await freePending();
  await firstReview(item);
  const sasha = await server.signIn('usr_sasha');
  const get = async (path: string) => {
    const response = await sasha.get(path);
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const detail = ItemDetail.parse((await get(`/api/items/${item.id}`)).json);
  expect(detail).toMatchObject({
    decisions: [],
    blindSecondReview: true,
    secondReviewBarred: false,
    readingTimelineBars: true,
  });
  const telling = tellingOf(item);
  const listing = [
    `/api/items/${item.id}`,
    `/api/items?q=${item.id}`,
    `/api/items?status=awaiting_second_review&limit=200`,
    `/api/queues/q-second-review/items?limit=200`,
  ];
  const summarising = ['/api/queues', '/api/escalations/mine', '/api/filters'];
  for (const path of [...listing, ...summarising]) {
    const { status, json } = await get(path);
    expect(status, path).toBe(200);
    const text = JSON.stringify(json);
    for (const word of telling.anywhere) expect(text, `${path} ${word}`).not.toContain(word);
    const mentions = mentionsOf(json, item.id);
    if (listing.includes(path)) expect(mentions.length, path).toBeGreaterThan(0);
    for (const mention of mentions)
      for (const word of telling.nearTheItem)
        expect(JSON.stringify(mention), `${path} ${word}`).not.toContain(word);
  }
  ItemPage.parse((await get(`/api/items?status=awaiting_second_review`)).json);
});

test('the first reviewer and auditors read the verdict; a reader of it is off the review and told so', async () => {
  const item = await freePending();
  await firstReview(item);
  const detailFor = async (userId: string) =>
    ItemDetail.parse(
      await (await (await server.signIn(userId)).get(`/api/items/${item.id}`)).json(),
    );
  for (const userId of ['usr_ana', 'usr_alex']) {
    const detail = await detailFor(userId);
    expect(
      detail.decisions.map((d) => d.verdict.kind),
      userId,
    ).toEqual(['confirm']);
    expect(detail).toMatchObject({ blindSecondReview: false, secondReviewBarred: false });
  }
  expect((await detailFor('usr_ben')).blindSecondReview).toBe(true);

  await server.database.db
    .insertInto('verdict_readers')
    .values({ item_id: item.id, user_id: 'usr_sasha' })
    .execute();
  const read = await detailFor('usr_sasha');
  expect(read).toMatchObject({
    blindSecondReview: false,
    secondReviewBarred: true,
    readingTimelineBars: false,
  });
  expect(read.decisions).toHaveLength(1);
  expect((await detailFor('usr_mira')).blindSecondReview).toBe(true);
});
