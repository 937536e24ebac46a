import { reviewerRoles } from '../../../api/endpoints/endpoint';
import type { FlaggedItem } from '../../../api/schemas/item';
import type { Role } from '../../../api/schemas/user';
import { reviewRefusal, stageOf } from '../../../domain/review-rules';
import { holdingOf } from './holder';

/** What decides whether the open item may be decided now (the decision bar's commands read it). */
export interface DecisionState {
  role: Role;
  userId: string;
  /** Who already reviewed the item in this round, when the caller may know (`reviewedBy`). */
  reviewedBy: readonly string[];
  /** Who read the first verdict while the item awaited its blind second review (the caller, or no one). */
  readFirstVerdict?: readonly string[];
  item: FlaggedItem | undefined;
  /** The caller holds the item's lease, in this window. */
  heldByMe: boolean;
  /** This window's id: the caller's lease held in another window is theirs, but not here. */
  windowId: string;
  /**
   * The selection has moved on and this item is still on screen for a frame or two: a key
   * pressed now was meant for the next item, so it decides nothing.
   */
  superseded?: boolean;
  /** A decision on this item is in the outbox, applied but not yet recorded by the server. */
  sending?: boolean;
}

/** Analysts and supervisors decide (and see media); auditors never do: the API's own rule. */
export const canDecide = (role: Role) => reviewerRoles.some((r) => r === role);

/** Why a decision cannot be made now, or null when it can. */
export function decisionBlocker({
  role,
  userId,
  reviewedBy,
  readFirstVerdict = [],
  item,
  heldByMe,
  windowId,
  superseded = false,
  sending = false,
}: DecisionState): string | null {
  if (!canDecide(role)) return `A${role === 'auditor' ? 'n' : ''} ${role} does not decide items.`;
  if (!item) return 'Select an item.';
  if (superseded) return 'Opening the selected item…';
  if (sending) return 'Your decision on this item is being sent.';
  const refusal = reviewRefusal({
    stage: stageOf(item.status),
    reviewer: { id: userId, role },
    reviewedBy,
    readFirstVerdict,
  });
  if (refusal) return refusal;
  if (!heldByMe) {
    if (!item.lease || Date.parse(item.lease.expiresAt) <= Date.now()) return 'Claiming the item…';
    switch (holdingOf(item.lease, userId, windowId)) {
      case 'here':
        return 'Claiming the item…';
      case 'elsewhere':
        return 'Held by you in another window: take it over here to decide it.';
      case 'someone':
        return `Held by ${item.lease.holderName}.`;
    }
  }
  return null;
}
