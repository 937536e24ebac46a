import type { Lease } from '../../../api/schemas/item';

export type Holding =
  /** The caller, in this window (or in none yet: this window's claim takes it). */
  | 'here'
  /** The caller, in another tab or browser: a take-over moves it here. */
  | 'elsewhere'
  /** Someone else. */
  | 'someone';

/** Who holds a lease, as the person reading it in this window sees it. */
export function holdingOf(lease: Lease, userId: string, windowId: string): Holding {
  if (lease.holderId !== userId) return 'someone';
  return lease.window === null || lease.window === windowId ? 'here' : 'elsewhere';
}

/** The holder in words, for the reader: `you`, `you (another window)` or the holder’s name. */
export function holderName(lease: Lease, userId: string, windowId: string): string {
  switch (holdingOf(lease, userId, windowId)) {
    case 'here':
      return 'you';
    case 'elsewhere':
      return 'you (another window)';
    case 'someone':
      return lease.holderName;
  }
}

/** A live lease the caller holds in another window: this window waits to be asked to take it. */
export const heldElsewhere = (lease: Lease | null, userId: string, windowId: string, now: Date) =>
  lease !== null &&
  Date.parse(lease.expiresAt) > now.getTime() &&
  holdingOf(lease, userId, windowId) === 'elsewhere';
