import type { Transaction } from 'kysely';
import type { ItemDetail } from '../../api/schemas/decision';
import type { User } from '../../api/schemas/user';
import { appendAuditEvents } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';
import { Refusal } from '../refusal';
import { isBlindFor, readingBarsFrom, verdictReadersOf } from '../review/blind-review';
import { readItems } from './item-rows';

const noItem = (itemId: string) => new Refusal('not_found', 'not_found', `No item ${itemId}.`);

/**
 * One item with its decisions as `reader` may see them: while it awaits a blind second review the
 * reader may still make, its decisions are withheld. Reading writes nothing.
 */
export async function itemDetail(
  trx: Transaction<Database>,
  itemId: string,
  reader: User,
): Promise<ItemDetail> {
  const [item] = await readItems(trx, [itemId]);
  if (!item) throw noItem(itemId);
  const [decisions, blind, readers, readingTimelineBars] = await Promise.all([
    readDecisions(trx, [item.id]),
    isBlindFor(trx, item, reader),
    verdictReadersOf(trx, [item.id]),
    readingBarsFrom(trx, item, reader),
  ]);
  return {
    item,
    decisions: blind ? [] : (decisions.get(item.id) ?? []),
    blindSecondReview: blind,
    secondReviewBarred:
      item.status === 'awaiting_second_review' &&
      (readers.get(item.id)?.includes(reader.id) ?? false),
    readingTimelineBars,
  };
}

/** Showing an item to a person exposes its metadata: on the record, as `item.viewed`. */
export async function recordItemView(
  trx: Transaction<Database>,
  itemId: string,
  viewer: User,
  now: Date,
): Promise<{ itemId: string; at: string }> {
  const item = await trx
    .selectFrom('items')
    .select(['id', 'hash_only'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw noItem(itemId);
  const at = now.toISOString();
  await appendAuditEvents(trx, [
    {
      at,
      actor: { id: viewer.id, name: viewer.name, role: viewer.role },
      action: 'item.viewed',
      subject: { type: 'item', id: item.id },
      detail: { previewMode: item.hash_only ? 'hash_only' : 'blurred' },
    },
  ]);
  return { itemId: item.id, at };
}
