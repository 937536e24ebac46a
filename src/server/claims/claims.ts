import type { Transaction } from 'kysely';
import type { FlaggedItem, Lease } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { stageOf } from '../../domain/review-rules';
import { appendAuditEvents } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import type { ReviewRules } from '../server-context';
import {
  actorOf,
  assertNotHeldByOther,
  conflict,
  liveLease,
  lockItem,
  reviewRefusalFor,
  type LockedItem,
} from './item-state';

/** Claims: who holds an item, in which window, and how many one reviewer may hold at once. */

type Rules = Pick<ReviewRules, 'leaseSeconds' | 'maxHeld'>;

/**
 * Refused (409 `hold_limit`) when taking one more item would put the reviewer over the limit. The
 * holder's user row is locked first, so one reviewer's claims racing on several instances are
 * counted one after another and never pass the limit together.
 */
export async function assertMayHoldAnother(
  trx: Transaction<Database>,
  item: FlaggedItem,
  holder: Pick<User, 'id' | 'name'>,
  now: Date,
  maxHeld: number,
) {
  if (liveLease(item, now)?.holderId === holder.id) return; // a renewal holds nothing more
  await trx.selectFrom('users').select('id').where('id', '=', holder.id).forNoKeyUpdate().execute();
  const { held } = await trx
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<string>().as('held'))
    .where('holder_id', '=', holder.id)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  if (Number(held) >= maxHeld)
    throw conflict(
      'hold_limit',
      `${holder.name} already holds ${Number(held)} items, the most one reviewer may hold at once: decide or release one first.`,
    );
}

/** Where a claim comes from: the caller's window, and whether it takes their lease over from another. */
export interface ClaimOrigin {
  window: string | null;
  takeOver: boolean;
}

/** Leases are a person's, held in one of their windows; a window-less claim or lease matches any. */
const inOtherWindow = (lease: Lease, window: string | null) =>
  lease.window !== null && window !== null && lease.window !== window;

/** Writes the item's one claim row: a new holder, or the same holder's renewal. */
export async function writeClaim(
  trx: Transaction<Database>,
  itemId: string,
  holderId: string,
  window: string | null,
  now: Date,
  expiresAt: string,
) {
  const claim = { holder_id: holderId, window_id: window, claimed_at: now, expires_at: expiresAt };
  await trx
    .insertInto('claims')
    .values({ item_id: itemId, ...claim })
    .onConflict((oc) => oc.column('item_id').doUpdateSet(claim))
    .execute();
}

/** Takes or renews the caller's lease on an item: `claimLocked` after locking it. */
export async function claimItem(
  trx: Transaction<Database>,
  itemId: string,
  user: User,
  now: Date,
  rules: Rules,
  origin: ClaimOrigin = { window: null, takeOver: false },
): Promise<FlaggedItem> {
  return claimLocked(trx, await lockItem(trx, itemId), user, now, rules, origin);
}

/**
 * Take or renew the caller's lease. A lease is who holds the item, not its content: it does not
 * change the item's version, so a decision made on a version stays valid across renewals. Refused
 * when the item's outcome is final, when this person may not make the review it waits for (the
 * first reviewer for its second review, anyone but a supervisor for an escalation), and when they
 * already hold as many items as one reviewer may. The caller's lease held in another of their
 * windows moves here only when taken over (`held_elsewhere` otherwise): the window that had it
 * then learns so on its next renewal, instead of two windows each renewing it as theirs.
 */
export async function claimLocked(
  trx: Transaction<Database>,
  locked: LockedItem,
  user: User,
  now: Date,
  { leaseSeconds, maxHeld }: Rules,
  { window, takeOver }: ClaimOrigin,
): Promise<FlaggedItem> {
  const { item } = locked;
  assertNotHeldByOther(item, user, now);
  const stage = stageOf(item.status);
  const refusal = reviewRefusalFor(locked, user);
  if (refusal)
    throw stage === null
      ? conflict('already_decided', refusal)
      : new Refusal('forbidden', 'forbidden', refusal);
  await assertMayHoldAnother(trx, item, user, now, maxHeld);
  const mine = liveLease(item, now);
  const elsewhere = mine !== null && inOtherWindow(mine, window);
  if (elsewhere && !takeOver)
    throw conflict(
      'held_elsewhere',
      `You hold ${item.id} in another window until ${mine.expiresAt}: take it over to decide it here.`,
    );
  const expiresAt = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  const lease: Lease = {
    holderId: user.id,
    holderName: user.name,
    expiresAt,
    window: window ?? mine?.window ?? null,
  };
  await writeClaim(trx, item.id, user.id, lease.window, now, expiresAt);
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'item.claimed',
      subject: { type: 'item', id: item.id },
      detail: {
        expiresAt,
        renewal: mine !== null,
        ...(elsewhere ? { takenOverFromAnotherWindow: true } : {}),
      },
    },
  ]);
  return { ...item, lease };
}

/** Give up the caller's own lease; someone else's, or theirs held in another window, is left alone. */
export async function releaseItem(
  trx: Transaction<Database>,
  itemId: string,
  user: User,
  now: Date,
  window: string | null = null,
): Promise<FlaggedItem> {
  const { item } = await lockItem(trx, itemId);
  if (item.lease?.holderId !== user.id || inOtherWindow(item.lease, window)) return item;
  await trx.deleteFrom('claims').where('item_id', '=', item.id).execute();
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'item.released',
      subject: { type: 'item', id: item.id },
      detail: {},
    },
  ]);
  return { ...item, lease: null };
}
