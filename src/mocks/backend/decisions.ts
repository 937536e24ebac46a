import type { Decision, DecisionRequest, Verdict } from '../../api/schemas/decision';
import type { FlaggedItem, ItemStatus } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import type { MockState } from './backend';

/** A request the item's state refuses: answered 409 (or 400 for `invalid`) with this code. */
export class ItemConflict extends Error {
  constructor(
    readonly code: 'held' | 'version_conflict' | 'already_decided' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

const actorOf = (user: User) => ({ id: user.id, name: user.name, role: user.role });
const liveLease = (item: FlaggedItem, now: Date) =>
  item.lease !== null && Date.parse(item.lease.expiresAt) > now.getTime() ? item.lease : null;

function assertNotHeldByOther(item: FlaggedItem, user: User, now: Date) {
  const lease = liveLease(item, now);
  if (lease && lease.holderId !== user.id) {
    throw new ItemConflict(
      'held',
      `${item.id} is held by ${lease.holderName} until ${lease.expiresAt}.`,
    );
  }
}

/**
 * Take or renew the caller's lease. A lease is who holds the item, not its content: it does not
 * change the item's version, so a decision made on a version stays valid across renewals.
 */
export function claimItem(
  state: MockState,
  item: FlaggedItem,
  user: User,
  now: Date,
  leaseSeconds: number,
) {
  assertNotHeldByOther(item, user, now);
  const renewal = liveLease(item, now)?.holderId === user.id;
  const expiresAt = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  item.lease = { holderId: user.id, holderName: user.name, expiresAt };
  state.revision++;
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'item.claimed',
    subject: { type: 'item', id: item.id },
    detail: { expiresAt, renewal },
  });
  return item;
}

/** Give up the caller's own lease; someone else's is left alone. */
export function releaseItem(state: MockState, item: FlaggedItem, user: User, now: Date) {
  if (item.lease?.holderId !== user.id) return item;
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

const firstReviewOutcome: Record<Verdict['kind'], ItemStatus> = {
  confirm: 'awaiting_second_review', // four eyes: a confirmation counts only after a second review
  dismiss: 'dismissed',
  escalate: 'escalated',
};

/**
 * Record a first-review decision. Refused (409) when someone else holds the item, when it changed
 * since the version decided on, or when it was already decided; never overwrites. The same
 * idempotency key from the same user returns the decision already recorded.
 */
export function decideItem(
  state: MockState,
  item: FlaggedItem,
  user: User,
  request: DecisionRequest,
  now: Date,
): { item: FlaggedItem; decision: Decision } {
  const earlier = state.decisionsByKey.get(request.idempotencyKey);
  if (earlier && earlier.actor.id === user.id && earlier.itemId === item.id)
    return { item, decision: earlier };
  if (request.verdict.kind === 'dismiss' && request.verdict.reason === 'other' && !request.note) {
    throw new ItemConflict('invalid', 'A dismissal for “other” needs a note saying why.');
  }
  assertNotHeldByOther(item, user, now);
  if (item.status !== 'pending') {
    throw new ItemConflict(
      'already_decided',
      `${item.id} was already decided (now ${item.status}).`,
    );
  }
  if (item.version !== request.itemVersion) {
    throw new ItemConflict(
      'version_conflict',
      `${item.id} changed since you opened it (version ${item.version}, you decided on ${request.itemVersion}).`,
    );
  }
  const decision: Decision = {
    id: `dec_${item.id.slice(4)}_${(state.decisions.get(item.id)?.length ?? 0) + 1}`,
    itemId: item.id,
    itemVersion: request.itemVersion,
    stage: 'first',
    verdict: request.verdict,
    note: request.note || null,
    actor: actorOf(user),
    at: now.toISOString(),
  };
  item.status = firstReviewOutcome[request.verdict.kind];
  item.version++;
  item.lease = null;
  state.decisions.set(item.id, [...(state.decisions.get(item.id) ?? []), decision]);
  state.decisionsByKey.set(request.idempotencyKey, decision);
  state.revision++;
  state.audit.append({
    at: decision.at,
    actor: decision.actor,
    action: 'item.decided',
    subject: { type: 'item', id: item.id },
    detail: {
      decisionId: decision.id,
      stage: decision.stage,
      verdict: decision.verdict.kind,
      itemVersion: decision.itemVersion,
      idempotencyKey: request.idempotencyKey,
    },
  });
  return { item, decision };
}
