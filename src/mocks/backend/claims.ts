import type { FlaggedItem, Lease } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import type { MockConfig, MockState } from './backend';
import { stageOf } from '../../domain/review-rules';
import {
  ItemConflict,
  actorOf,
  assertNotHeldByOther,
  liveLease,
  reviewRefusalFor,
} from './decisions';

/** Claims: who holds an item, in which window, and how many one reviewer may hold at once. */

/** Refused (409 `hold_limit`) when taking one more item would put the reviewer over the limit. */
export function assertMayHoldAnother(
  state: MockState,
  item: FlaggedItem,
  holder: User,
  now: Date,
  maxHeld: number,
) {
  if (liveLease(item, now)?.holderId === holder.id) return; // a renewal holds nothing more
  const held = state.items.filter((i) => liveLease(i, now)?.holderId === holder.id).length;
  if (held >= maxHeld)
    throw new ItemConflict(
      'hold_limit',
      `${holder.name} already holds ${held} items, the most one reviewer may hold at once: decide or release one first.`,
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

/**
 * Take or renew the caller's lease. A lease is who holds the item, not its content: it does not
 * change the item's version, so a decision made on a version stays valid across renewals. Refused
 * when the item's outcome is final, when this person may not make the review it waits for (the
 * first reviewer for its second review, anyone but a supervisor for an escalation), and when they
 * already hold as many items as one reviewer may. The caller's lease held in another of their
 * windows moves here only when taken over (`held_elsewhere` otherwise): the window that had it
 * then learns so on its next renewal, instead of two windows each renewing it as theirs.
 */
export function claimItem(
  state: MockState,
  item: FlaggedItem,
  user: User,
  now: Date,
  { leaseSeconds, maxHeld }: Pick<MockConfig, 'leaseSeconds' | 'maxHeld'>,
  { window, takeOver }: ClaimOrigin = { window: null, takeOver: false },
) {
  assertNotHeldByOther(item, user, now);
  const stage = stageOf(item.status);
  const refusal = reviewRefusalFor(state, item, user);
  if (refusal) throw new ItemConflict(stage === null ? 'already_decided' : 'forbidden', refusal);
  assertMayHoldAnother(state, item, user, now, maxHeld);
  const mine = liveLease(item, now);
  const elsewhere = mine !== null && inOtherWindow(mine, window);
  if (elsewhere && !takeOver) {
    throw new ItemConflict(
      'held_elsewhere',
      `You hold ${item.id} in another window until ${mine.expiresAt}: take it over to decide it here.`,
    );
  }
  const expiresAt = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  item.lease = {
    holderId: user.id,
    holderName: user.name,
    expiresAt,
    window: window ?? mine?.window ?? null,
  };
  state.revision++;
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'item.claimed',
    subject: { type: 'item', id: item.id },
    detail: {
      expiresAt,
      renewal: mine !== null,
      ...(elsewhere ? { takenOverFromAnotherWindow: true } : {}),
    },
  });
  return item;
}

/** Give up the caller's own lease; someone else's, or theirs held in another window, is left alone. */
export function releaseItem(
  state: MockState,
  item: FlaggedItem,
  user: User,
  now: Date,
  window: string | null = null,
) {
  if (item.lease?.holderId !== user.id || inOtherWindow(item.lease, window)) return item;
  item.lease = null;
  state.revision++;
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'item.released',
    subject: { type: 'item', id: item.id },
    detail: {},
  });
  return item;
}
