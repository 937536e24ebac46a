import { endpoints } from '../api/endpoints';
import type { FlaggedItem } from '../api/schemas/item';
import type { TestClient } from '../server/testing/test-server';
import { testBackend } from './test-backend';

/** The first pending item by id that is (or is not) hash-only. */
export async function pendingItemId({ hashOnly }: { hashOnly: boolean }): Promise<string> {
  const { db } = (await testBackend()).database;
  const row = await db
    .selectFrom('items')
    .where('status', '=', 'pending')
    .where('hash_only', '=', hashOnly)
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The item as the API serves it to `client`: what a component is handed in the console. */
export async function servedItem(client: TestClient, itemId: string): Promise<FlaggedItem> {
  const response = await client.get(`/api/items/${itemId}`);
  if (response.status !== 200) throw new Error(`GET item ${itemId} answered ${response.status}`);
  return endpoints.getItem.response.parse(await response.json()).item;
}
