import type { FlaggedItem } from '../../api/schemas/item';
import { auditHead, auditRange } from '../audit/audit-chain';
import { readItems } from '../items/item-rows';
import type { TestClient, TestServer } from '../testing/test-server';
import { readDecisions } from './decision-rows';

/** What the claim and decision tests read of a test server's state, through its database. */

const isNcmecMatch = (item: FlaggedItem) =>
  item.signals.some((s) => s.kind === 'hash_match' && s.hashList === 'ncmec');

/** Every item, in id order. */
export async function allItems(server: TestServer): Promise<FlaggedItem[]> {
  const { db } = server.database;
  const ids = await db.selectFrom('items').select('id').orderBy('id').execute();
  return readItems(
    db,
    ids.map((r) => r.id),
  );
}

/** Pending items no one holds or held (no lease at all), in id order, that pass `where`. */
export async function freePendingItems(
  server: TestServer,
  where: (item: FlaggedItem) => boolean = () => true,
): Promise<FlaggedItem[]> {
  return (await allItems(server)).filter(
    (i) => i.status === 'pending' && i.lease === null && where(i),
  );
}

export async function freePending(
  server: TestServer,
  where: (item: FlaggedItem) => boolean = () => true,
): Promise<FlaggedItem> {
  const [item] = await freePendingItems(server, where);
  if (!item) throw new Error('no free pending item');
  return item;
}

/** A free pending item whose first dismissal is not bound for a second review by its signals. */
export const freeUnmatched = (
  server: TestServer,
  where: (item: FlaggedItem) => boolean = () => true,
) => freePending(server, (i) => !isNcmecMatch(i) && where(i));

export { isNcmecMatch };

export async function itemNow(server: TestServer, itemId: string): Promise<FlaggedItem> {
  const [item] = await readItems(server.database.db, [itemId]);
  if (!item) throw new Error(`no item ${itemId}`);
  return item;
}

/** The item's standing decisions, oldest first. */
export const decisionsOf = async (server: TestServer, itemId: string) =>
  (await readDecisions(server.database.db, [itemId])).get(itemId) ?? [];

export const auditSize = async (server: TestServer) => (await auditHead(server.database.db)).seq;

/** The events appended since the chain held `size` of them. */
export const appendedSince = async (server: TestServer, size: number) =>
  auditRange(server.database.db, size + 1, (await auditSize(server)) - size);

export const lastEvent = async (server: TestServer) => {
  const size = await auditSize(server);
  return (await auditRange(server.database.db, size, 1))[0];
};

/** Moves the item's lease's end, as time passing would. */
export const setLeaseEnd = (server: TestServer, itemId: string, expiresAt: Date) =>
  server.database.db
    .updateTable('claims')
    .set({ expires_at: expiresAt })
    .where('item_id', '=', itemId)
    .execute();

/** Sends a decision as the console's outbox does: made by the signed-in user. */
export const decide = (client: TestClient, itemId: string, body: Record<string, unknown>) =>
  client.send('POST', `/api/items/${itemId}/decisions`, { madeBy: client.user.id, ...body });

export const claim = (client: TestClient, itemId: string, query = '') =>
  client.send('POST', `/api/items/${itemId}/claim${query}`);

export const dismiss = (itemVersion: number, idempotencyKey: string) => ({
  verdict: { kind: 'dismiss', reason: 'adult_content' },
  note: null,
  itemVersion,
  idempotencyKey,
});
