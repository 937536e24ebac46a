import { testBackend } from './test-backend';

/**
 * What a test reads of the test server's data directly, where no endpoint answers it for the
 * test's user (or where asking one would itself change the record).
 */

/** A pending item no one holds: the first by id. */
export async function freePendingItem(): Promise<{ id: string; version: number }> {
  const { db } = (await testBackend()).database;
  const item = await db
    .selectFrom('items')
    .leftJoin('claims', 'claims.item_id', 'items.id')
    .where('items.status', '=', 'pending')
    .where('claims.item_id', 'is', null)
    .select(['items.id', 'items.version'])
    .orderBy('items.id')
    .executeTakeFirst();
  if (!item) throw new Error('no free pending item');
  return item;
}

/** Who holds the item now, or null. */
export async function holderOf(itemId: string): Promise<string | null> {
  const { db } = (await testBackend()).database;
  const claim = await db
    .selectFrom('claims')
    .where('item_id', '=', itemId)
    .select('holder_id')
    .executeTakeFirst();
  return claim?.holder_id ?? null;
}

/** Who made each of the item's decisions, oldest first. */
export async function decisionMakers(itemId: string): Promise<string[]> {
  const { db } = (await testBackend()).database;
  const rows = await db
    .selectFrom('decisions')
    .where('item_id', '=', itemId)
    .select('actor_id')
    .orderBy('at')
    .execute();
  return rows.map((row) => row.actor_id);
}
