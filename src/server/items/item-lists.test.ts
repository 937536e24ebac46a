import { afterAll, beforeAll, expect, test } from 'vitest';
import { FilterCatalog } from '../../api/schemas/catalog';
import { ItemPage } from '../../api/schemas/item';
import { ReviewerList } from '../../api/schemas/user';
import { openTestServer, type TestServer } from '../testing/test-server';
import { readItems } from './item-rows';

// Item lists over HTTP, as the console reads them.
let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

const allItems = async () => {
  const { db } = server.database;
  const ids = await db.selectFrom('items').select('id').execute();
  return readItems(
    db,
    ids.map((row) => row.id),
  );
};

test('queue items page through cursors, filtered and sorted by priority then SLA', async () => {
  const ana = await server.signIn('usr_ana');
  const seen: string[] = [];
  let cursor: string | null = null;
  let total: number;
  do {
    const query: string = `status=pending&limit=25${cursor ? `&cursor=${cursor}` : ''}`;
    const page = ItemPage.parse(await (await ana.get(`/api/queues/q-hash/items?${query}`)).json());
    total = page.total;
    seen.push(...page.items.map((i) => `${i.priority} ${i.slaDueAt} ${i.id}`));
    for (const item of page.items)
      expect(item).toMatchObject({ status: 'pending', queueId: 'q-hash' });
    cursor = page.nextCursor;
  } while (cursor);
  const expected = (await allItems()).filter(
    (i) => i.queueId === 'q-hash' && i.status === 'pending',
  );
  expect(total).toBe(expected.length);
  expect(seen).toHaveLength(expected.length);
  expect(seen).toEqual([...seen].sort());
});

test('invalid list queries are refused with the failing field named', async () => {
  const ana = await server.signIn('usr_ana');
  const bad = async (query: string) =>
    (await (await ana.get(`/api/queues/q-hash/items?${query}`)).json()) as unknown;
  expect(await bad('priority=p7')).toMatchObject({ error: { field: 'query.priority' } });
  expect(await bad('cursor=nonsense')).toMatchObject({ error: { field: 'query.cursor' } });
  expect((await ana.get('/api/queues/q-nope/items')).status).toBe(404);
  const noQueue = await ana.get('/api/items?queueId=q-nope');
  expect(noQueue.status).toBe(400);
  expect(await noQueue.json()).toMatchObject({
    error: { code: 'invalid_request', field: 'query.queueId' },
  });
});

test('any page is addressable by position, and agrees with paging by cursor', async () => {
  const ana = await server.signIn('usr_ana');
  const get = async (query: string) =>
    ItemPage.parse(await (await ana.get(`/api/queues/q-hash/items?${query}`)).json());
  const first = await get('limit=30');
  const second = await get(`limit=30&cursor=${first.nextCursor}`);
  const direct = await get('limit=30&offset=30');
  expect(direct.offset).toBe(30);
  expect(direct.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
  const last = await get(`limit=30&offset=${first.total - 1}`);
  expect(last.items).toHaveLength(1);
  expect(last.nextCursor).toBeNull();
  const both = await ana.get(`/api/queues/q-hash/items?offset=1&cursor=${first.nextCursor}`);
  expect(await both.json()).toMatchObject({ error: { field: 'query.offset' } });
});

test('all items can be searched by id or by any hash', async () => {
  const alex = await server.signIn('usr_alex');
  const item = (await allItems()).find((i) => i.media.pdq !== null && i.media.originalHash);
  if (!item) throw new Error('no item with every hash');
  for (const q of [
    item.id,
    item.media.sha256,
    item.media.md5,
    item.media.pdq,
    item.media.originalHash?.value,
  ]) {
    const page = ItemPage.parse(await (await alex.get(`/api/items?q=${q}`)).json());
    expect(
      page.items.map((i) => i.id),
      String(q),
    ).toContain(item.id);
  }
  const none = ItemPage.parse(await (await alex.get(`/api/items?q=${'0'.repeat(64)}`)).json());
  expect(none.total).toBe(0);
});

test('all items list every queue, and rows carry the provenance completeness', async () => {
  const ana = await server.signIn('usr_ana');
  const page = ItemPage.parse(await (await ana.get('/api/items?limit=200')).json());
  expect(page.total).toBe((await allItems()).length);
  expect(new Set(page.items.map((i) => i.queueId)).size).toBeGreaterThanOrEqual(4);
  for (const row of page.items) expect(row.completeness.total).toBe(10);
});

test('the filter catalog lists the suppliers and every rule that flagged an item', async () => {
  const ana = await server.signIn('usr_ana');
  const catalog = FilterCatalog.parse(await (await ana.get('/api/filters')).json());
  expect(catalog.suppliers.map((s) => s.name)).toContain('Acme Data');
  const items = await allItems();
  const ruleIds = new Set(items.flatMap((i) => i.signals.map((s) => s.ruleId)));
  expect(new Set(catalog.rules.map((r) => r.id))).toEqual(ruleIds);
  const supplierIds = new Set(items.map((i) => i.provenance.supplier.id));
  expect(new Set(catalog.suppliers.map((s) => s.id))).toEqual(supplierIds);
  const names = catalog.rules.map((r) => r.name);
  expect(names).toEqual([...names].sort());
});

test('the reviewers are the analysts and supervisors, for supervisors only', async () => {
  const sasha = await server.signIn('usr_sasha');
  const { reviewers } = ReviewerList.parse(await (await sasha.get('/api/reviewers')).json());
  expect(reviewers.map((r) => r.id)).toEqual([
    'usr_ana',
    'usr_ben',
    'usr_sasha',
    'usr_mira',
    'usr_cho',
    'usr_dev',
  ]);
  expect((await (await server.signIn('usr_ana')).get('/api/reviewers')).status).toBe(403);
});
