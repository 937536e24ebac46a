import { expect, test } from 'vitest';
import { FilterCatalog } from '../../api/schemas/catalog';
import { ItemPage } from '../../api/schemas/item';
import { callMock, signInForTest, testBackend } from '../../test/mock-server';

// Item lists over HTTP, through msw/node, as the console reads them.
const call = callMock;

test('queue items page through cursors, filtered and sorted by priority then SLA', async () => {
  const { cookie } = signInForTest('usr_ana');
  const seen: string[] = [];
  let cursor: string | null = null;
  let total: number;
  do {
    const query: string = `status=pending&limit=25${cursor ? `&cursor=${cursor}` : ''}`;
    const page = ItemPage.parse(
      await (await call(`/api/queues/q-hash/items?${query}`, { cookie })).json(),
    );
    total = page.total;
    seen.push(...page.items.map((i) => `${i.priority} ${i.slaDueAt} ${i.id}`));
    for (const item of page.items)
      expect(item).toMatchObject({ status: 'pending', queueId: 'q-hash' });
    cursor = page.nextCursor;
  } while (cursor);
  const expected = testBackend.state.items.filter(
    (i) => i.queueId === 'q-hash' && i.status === 'pending',
  );
  expect(total).toBe(expected.length);
  expect(seen).toHaveLength(expected.length);
  expect(seen).toEqual([...seen].sort());
});

test('invalid list queries are refused with the failing field named', async () => {
  const { cookie } = signInForTest('usr_ana');
  const bad = async (query: string) =>
    (await (await call(`/api/queues/q-hash/items?${query}`, { cookie })).json()) as unknown;
  expect(await bad('priority=p7')).toMatchObject({ error: { field: 'query.priority' } });
  expect(await bad('cursor=nonsense')).toMatchObject({ error: { field: 'query.cursor' } });
  expect((await call('/api/queues/q-nope/items', { cookie })).status).toBe(404);
});

test('any page is addressable by position, and agrees with paging by cursor', async () => {
  const { cookie } = signInForTest('usr_ana');
  const get = async (query: string) =>
    ItemPage.parse(await (await call(`/api/queues/q-hash/items?${query}`, { cookie })).json());
  const first = await get('limit=30');
  const second = await get(`limit=30&cursor=${first.nextCursor}`);
  const direct = await get('limit=30&offset=30');
  expect(direct.offset).toBe(30);
  expect(direct.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
  const last = await get(`limit=30&offset=${first.total - 1}`);
  expect(last.items).toHaveLength(1);
  expect(last.nextCursor).toBeNull();
  const both = await call(`/api/queues/q-hash/items?offset=1&cursor=${first.nextCursor}`, {
    cookie,
  });
  expect(await both.json()).toMatchObject({ error: { field: 'query.offset' } });
});

test('all items can be searched by id or by any hash', async () => {
  const { cookie } = signInForTest('usr_alex');
  const item = testBackend.state.items.find((i) => i.media.pdq !== null && i.media.originalHash);
  if (!item) throw new Error('no item with every hash');
  for (const q of [
    item.id,
    item.media.sha256,
    item.media.md5,
    item.media.pdq,
    item.media.originalHash?.value,
  ]) {
    const page = ItemPage.parse(await (await call(`/api/items?q=${q}`, { cookie })).json());
    expect(
      page.items.map((i) => i.id),
      String(q),
    ).toContain(item.id);
  }
  const none = ItemPage.parse(
    await (await call(`/api/items?q=${'0'.repeat(64)}`, { cookie })).json(),
  );
  expect(none.total).toBe(0);
});

test('all items list every queue, and rows carry the provenance completeness', async () => {
  const { cookie } = signInForTest('usr_ana');
  const page = ItemPage.parse(await (await call('/api/items?limit=200', { cookie })).json());
  expect(page.total).toBe(testBackend.state.items.length);
  expect(new Set(page.items.map((i) => i.queueId)).size).toBeGreaterThanOrEqual(4);
  for (const row of page.items) expect(row.completeness.total).toBe(10);
});

test('the filter catalog lists the suppliers and every rule that flagged an item', async () => {
  const { cookie } = signInForTest('usr_ana');
  const catalog = FilterCatalog.parse(await (await call('/api/filters', { cookie })).json());
  expect(catalog.suppliers.map((s) => s.name)).toContain('Acme Data');
  const ruleIds = new Set(testBackend.state.items.flatMap((i) => i.signals.map((s) => s.ruleId)));
  expect(new Set(catalog.rules.map((r) => r.id))).toEqual(ruleIds);
});
