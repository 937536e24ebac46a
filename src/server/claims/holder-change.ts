import type { Transaction } from 'kysely';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { appendAuditEvents } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import type { ReviewRules } from '../server-context';
import { assertMayHoldAnother, writeClaim } from './claims';
import { actorOf, liveLease, lockItem, reviewRefusalFor } from './item-state';

/**
 * A supervisor releases an item someone holds (`holderId` null) or hands it to another reviewer
 * who may make the review it waits for, with a fresh lease. Audited as `item.released` or
 * `item.reassigned`, naming the previous holder.
 */
export async function changeHolder(
  trx: Transaction<Database>,
  itemId: string,
  supervisor: User,
  holderId: string | null,
  now: Date,
  { leaseSeconds, maxHeld }: Pick<ReviewRules, 'leaseSeconds' | 'maxHeld'>,
): Promise<FlaggedItem> {
  const locked = await lockItem(trx, itemId);
  const { item } = locked;
  const previous = liveLease(item, now);
  const holder =
    holderId === null
      ? null
      : await trx
          .selectFrom('users')
          .select(['id', 'name', 'role'])
          .where('id', '=', holderId)
          .executeTakeFirst();
  if (holder === undefined || (holder && holder.role === 'auditor'))
    throw new Refusal('invalid', 'invalid', `${holderId ?? ''} is not a reviewer.`);
  if (holder) {
    const refusal = reviewRefusalFor(locked, holder);
    if (refusal)
      throw new Refusal('invalid', 'invalid', `${holder.name} cannot take it: ${refusal}`);
    await assertMayHoldAnother(trx, item, holder, now, maxHeld);
  }
  const expiresAt = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  if (holder)
    // Handed over: the new holder's first window to claim it takes it there.
    await writeClaim(trx, item.id, holder.id, null, now, expiresAt);
  else await trx.deleteFrom('claims').where('item_id', '=', item.id).execute();
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(supervisor),
      action: holder ? 'item.reassigned' : 'item.released',
      subject: { type: 'item', id: item.id },
      detail: {
        previousHolderId: previous?.holderId ?? null,
        holderId: holder?.id ?? null,
        ...(holder ? { expiresAt } : {}),
      },
    },
  ]);
  return {
    ...item,
    lease: holder && { holderId: holder.id, holderName: holder.name, expiresAt, window: null },
  };
}
