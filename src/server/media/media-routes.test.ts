import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { eventsOf } from '../testing/audit-events';
import { openTestServer, type TestServer } from '../testing/test-server';
import { mediaPaths } from './media-store';

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

const itemsWhere = (hashOnly: boolean) =>
  server.database.db
    .selectFrom('items')
    .select(['id', 'sha256'])
    .where('hash_only', '=', hashOnly)
    .orderBy('id')
    .execute();

test('a hash-only item never has a media file nor a media response', async () => {
  const hashOnly = await itemsWhere(true);
  const withMedia = new Set((await itemsWhere(false)).map((i) => i.sha256));
  expect(hashOnly.length).toBeGreaterThan(0);
  const paths = mediaPaths(server.mediaDir);
  for (const item of hashOnly) {
    // The same bytes flagged again as a blurred item have that item's files; nothing else does.
    if (!withMedia.has(item.sha256)) {
      expect(existsSync(paths.original(item.sha256))).toBe(false);
      expect(existsSync(paths.blurredOf(item.sha256))).toBe(false);
    }
  }
  const ana = await server.signIn('usr_ana');
  const revealed = (await eventsOf(server.database.db, 'media.revealed')).length;
  for (const item of hashOnly) {
    expect((await ana.get(`/api/items/${item.id}/preview`)).status).toBe(404);
    expect((await ana.send('POST', `/api/items/${item.id}/reveal`)).status).toBe(404);
  }
  expect(await eventsOf(server.database.db, 'media.revealed')).toHaveLength(revealed);
  const { n } = await server.database.db
    .selectFrom('reveals')
    .innerJoin('items', 'items.id', 'reveals.item_id')
    .select(server.database.db.fn.countAll<number>().as('n'))
    .where('items.hash_only', '=', true)
    .executeTakeFirstOrThrow();
  expect(n).toBe(0);
});

test('a blurred item’s preview is its derivative from the media store, never cached, never to auditors', async () => {
  const [item] = await itemsWhere(false);
  if (!item) throw new Error('no blurred item');
  const ana = await server.signIn('usr_ana');
  const response = await ana.get(`/api/items/${item.id}/preview`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(
    await server.context.media.blurred(item.sha256),
  );
  const alex = await server.signIn('usr_alex');
  expect((await alex.get(`/api/items/${item.id}/preview`)).status).toBe(403);
  expect((await ana.get('/api/items/itm_nothere/preview')).status).toBe(404);
});

test('every blurred item has both files, and the store reads nothing but a hash', async () => {
  const paths = mediaPaths(server.mediaDir);
  for (const item of await itemsWhere(false)) {
    expect(existsSync(paths.original(item.sha256))).toBe(true);
    expect(existsSync(paths.blurredOf(item.sha256))).toBe(true);
  }
  await expect(server.context.media.original('../../etc/passwd')).rejects.toThrow(/SHA-256/);
  expect(await server.context.media.original('0'.repeat(64))).toBeNull();
});
