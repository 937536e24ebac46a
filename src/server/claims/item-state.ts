import type { Transaction } from 'kysely';
import type { Decision, Verdict } from '../../api/schemas/decision';
import type { FlaggedItem, Lease } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { reviewRefusal, reviewedBy, stageOf } from '../../domain/review-rules';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';
import { readItems } from '../items/item-rows';
import { Refusal } from '../refusal';
import { verdictReadersOf } from '../review/blind-review';

/**
 * An item as the review rules read it, inside the transaction that may change it: its row locked
 * first, so claims, decisions and hand-overs of one item queue behind each other on every server
 * instance, and what is read next is what the change applies to.
 */
export interface LockedItem {
  item: FlaggedItem;
  /** Its standing decisions, oldest first. */
  decisions: Decision[];
  /** Who read its first verdict, while it awaits its blind second review (else none). */
  verdictReaders: string[];
}

export const actorOf = (user: Pick<User, 'id' | 'name' | 'role'>) => ({
  id: user.id,
  name: user.name,
  role: user.role,
});

/** A refusal because of the item's state: 409 with this code. */
export const conflict = (code: string, message: string) => new Refusal('conflict', code, message);

/** The item, or a 404. */
export const noItem = (itemId: string) =>
  new Refusal('not_found', 'not_found', `No item ${itemId}.`);

/** Locks the item's row for this transaction (404 if there is none) and reads it whole. */
export async function lockItem(trx: Transaction<Database>, itemId: string): Promise<LockedItem> {
  const row = await trx
    .selectFrom('items')
    .select('id')
    .where('id', '=', itemId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!row) throw noItem(itemId);
  return readLocked(trx, itemId);
}

/** Reads an item whose row this transaction already locked. */
export async function readLocked(trx: Transaction<Database>, itemId: string): Promise<LockedItem> {
  const [item] = await readItems(trx, [itemId]);
  if (!item) throw noItem(itemId);
  const decisions = (await readDecisions(trx, [itemId])).get(itemId) ?? [];
  // Who read a first verdict bars them only from that verdict's blind second review.
  const readers =
    item.status === 'awaiting_second_review'
      ? ((await verdictReadersOf(trx, [itemId])).get(itemId) ?? [])
      : [];
  return { item, decisions, verdictReaders: readers };
}

/** The item's lease while it lasts; a lapsed one protects no one. */
export const liveLease = (item: FlaggedItem, now: Date): Lease | null =>
  item.lease !== null && Date.parse(item.lease.expiresAt) > now.getTime() ? item.lease : null;

export function assertNotHeldByOther(item: FlaggedItem, user: User, now: Date) {
  const lease = liveLease(item, now);
  if (lease && lease.holderId !== user.id)
    throw conflict('held', `${item.id} is held by ${lease.holderName} until ${lease.expiresAt}.`);
}

/**
 * Why this person may not make the review the item waits for (with this verdict and note, when
 * given), or null: the review rules with who reviewed it and who read its first verdict.
 */
export function reviewRefusalFor(
  { item, decisions, verdictReaders }: LockedItem,
  reviewer: Pick<User, 'id' | 'role'>,
  decision: { verdict: Verdict; note: string | null } | null = null,
): string | null {
  return reviewRefusal({
    stage: stageOf(item.status),
    reviewer,
    reviewedBy: reviewedBy(item.status, decisions),
    readFirstVerdict: verdictReaders,
    ...decision,
  });
}

/** What changed an item, for a conflict message: its status and who decided last. */
export function lastChange({ item, decisions }: LockedItem): string {
  const last = decisions.at(-1);
  return last ? `: now ${item.status}, last decided by ${last.actor.name}` : `: now ${item.status}`;
}
