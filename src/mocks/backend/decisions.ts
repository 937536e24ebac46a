import type { CorrectionRequest, Decision, DecisionRequest } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import {
  UNDO_ACCEPT_SECONDS,
  outcomeOf,
  reviewRefusal,
  reviewedBy,
  stageOf,
  underReview,
  type ReviewStage,
} from '../../domain/review-rules';
import type { MockState } from './backend';

/**
 * A request the item's state refuses: answered 409 with this code (400 for `invalid`, 403 for
 * `forbidden`: this person may not make it, 404 for `not_found`).
 */
export class ItemConflict extends Error {
  constructor(
    readonly code:
      | 'held'
      | 'version_conflict'
      | 'already_decided'
      | 'too_late'
      | 'undone'
      | 'not_latest'
      | 'invalid'
      | 'forbidden'
      | 'not_found',
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

/** What changed an item, for a conflict message: its status and who decided last. */
function lastChange(state: MockState, item: FlaggedItem): string {
  const last = state.decisions.get(item.id)?.at(-1);
  return last ? `: now ${item.status}, last decided by ${last.actor.name}` : `: now ${item.status}`;
}

/**
 * Take or renew the caller's lease. A lease is who holds the item, not its content: it does not
 * change the item's version, so a decision made on a version stays valid across renewals. Refused
 * when the item's outcome is final, and when this person may not make the review it waits for
 * (the first reviewer for its second review, anyone but a supervisor for an escalation).
 */
export function claimItem(
  state: MockState,
  item: FlaggedItem,
  user: User,
  now: Date,
  leaseSeconds: number,
) {
  assertNotHeldByOther(item, user, now);
  const stage = stageOf(item.status);
  const refusal = reviewRefusal({
    stage,
    reviewer: user,
    reviewedBy: reviewedBy(item.status, state.decisions.get(item.id) ?? []),
  });
  if (refusal) throw new ItemConflict(stage === null ? 'already_decided' : 'forbidden', refusal);
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

/**
 * Record a decision at the stage the item waits for (review-rules.ts): a first review, a blind
 * second review by someone other than the first reviewer, or a supervisor's final decision with a
 * written rationale. Refused (409) when someone else holds the item, when it changed since the
 * version decided on, or when it was already decided; never overwrites. The same idempotency key
 * from the same user returns the decision already recorded.
 */
export function decideItem(
  state: MockState,
  item: FlaggedItem,
  user: User,
  request: DecisionRequest,
  now: Date,
  /** The item whose cluster this decision was applied with, if any: on the record. */
  clusterOf?: string,
): { item: FlaggedItem; decision: Decision } {
  const earlier = state.decisionsByKey.get(request.idempotencyKey);
  if (earlier && earlier.actor.id === user.id && earlier.itemId === item.id) {
    // Sent again (an outbox retry whose answer was lost, or a second tab): recorded once, and
    // the replay is on the record too.
    state.audit.append({
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'item.decision_replayed',
      subject: { type: 'item', id: item.id },
      detail: { decisionId: earlier.id, idempotencyKey: request.idempotencyKey },
    });
    return { item, decision: earlier };
  }
  if (state.undoneKeys.has(request.idempotencyKey))
    throw new ItemConflict('undone', 'This decision was undone: it is not recorded again.');
  if (request.verdict.kind === 'dismiss' && request.verdict.reason === 'other' && !request.note) {
    throw new ItemConflict('invalid', 'A dismissal for “other” needs a note saying why.');
  }
  assertNotHeldByOther(item, user, now);
  const stage = stageOf(item.status);
  if (stage === null) {
    throw new ItemConflict(
      'already_decided',
      `${item.id} was already decided (now ${item.status}).`,
    );
  }
  if (item.version !== request.itemVersion) {
    throw new ItemConflict(
      'version_conflict',
      `${item.id} changed since you opened it (version ${item.version}, you decided on ${request.itemVersion})${lastChange(state, item)}.`,
    );
  }
  const history = state.decisions.get(item.id) ?? [];
  const first = stage === 'second' ? underReview(history) : null;
  const refusal = reviewRefusal({
    stage,
    reviewer: user,
    reviewedBy: reviewedBy(item.status, history),
    verdict: request.verdict,
    note: request.note,
  });
  if (refusal) {
    const invalid = stage === 'supervisor' && user.role === 'supervisor';
    throw new ItemConflict(invalid ? 'invalid' : 'forbidden', refusal);
  }
  const decision: Decision = {
    id: `dec_${item.id.slice(4)}_${history.length + 1}`,
    itemId: item.id,
    itemVersion: request.itemVersion,
    stage,
    verdict: request.verdict,
    supersedes: null,
    note: request.note || null,
    actor: actorOf(user),
    at: now.toISOString(),
  };
  item.status = outcomeOf(stage, request.verdict, item, first?.verdict ?? null);
  item.version++;
  item.lease = null;
  state.decisions.set(item.id, [...history, decision]);
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
      outcome: item.status,
      itemVersion: decision.itemVersion,
      idempotencyKey: request.idempotencyKey,
      madeAt: request.madeAt ?? null,
      clusterOf: clusterOf ?? null,
    },
  });
  return { item, decision };
}

const statusAwaiting: Record<ReviewStage, FlaggedItem['status']> = {
  first: 'pending',
  second: 'awaiting_second_review',
  supervisor: 'escalated',
};

/**
 * Take back the caller's own decision, named by the idempotency key it was sent with, within
 * UNDO_ACCEPT_SECONDS, while it is the item's latest and nothing has changed since: the item
 * returns to the review it waited for, and the decision no longer counts (it leaves the item's
 * decisions; the audit log keeps both events; the key is refused if it is ever sent again). A
 * second review (made knowing, once decided, what the first was) and a correction cannot be
 * undone: a supervisor corrects them.
 */
export function undoDecision(
  state: MockState,
  item: FlaggedItem,
  idempotencyKey: string,
  user: User,
  now: Date,
): { item: FlaggedItem; decision: Decision } {
  const decision = state.decisionsByKey.get(idempotencyKey);
  if (!decision || decision.itemId !== item.id)
    throw new ItemConflict('not_found', `${item.id} has no decision sent with this key.`);
  if (decision.actor.id !== user.id)
    throw new ItemConflict('forbidden', 'Only its author may undo a decision.');
  if (decision.stage === 'second' || decision.supersedes !== null)
    throw new ItemConflict(
      'forbidden',
      `${decision.id} cannot be undone: it is a ${decision.supersedes ? 'correction' : 'second review'}. A supervisor can correct it.`,
    );
  const history = state.decisions.get(item.id) ?? [];
  const late = now.getTime() - Date.parse(decision.at) > UNDO_ACCEPT_SECONDS * 1000;
  if (late || history.at(-1) !== decision || item.version !== decision.itemVersion + 1) {
    throw new ItemConflict(
      'too_late',
      `Too late to undo ${decision.id}: it counts now. A supervisor can correct it.`,
    );
  }
  item.status = statusAwaiting[decision.stage];
  item.version++;
  state.decisions.set(item.id, history.slice(0, -1));
  state.decisionsByKey.delete(idempotencyKey);
  state.undoneKeys.add(idempotencyKey);
  state.revision++;
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'item.decision_undone',
    subject: { type: 'item', id: item.id },
    detail: { decisionId: decision.id, stage: decision.stage, verdict: decision.verdict.kind },
  });
  return { item, decision };
}

/**
 * A supervisor's correction of the item's latest decision, with a written rationale: a new, final
 * decision that supersedes it, while it stays in the history. Four eyes still: never by a
 * supervisor who made any decision on the item. Version-checked and idempotent like a decision.
 */
export function correctDecision(
  state: MockState,
  item: FlaggedItem,
  user: User,
  request: CorrectionRequest,
  now: Date,
): { item: FlaggedItem; decision: Decision } {
  const earlier = state.decisionsByKey.get(request.idempotencyKey);
  if (earlier && earlier.actor.id === user.id && earlier.itemId === item.id)
    return { item, decision: earlier };
  const history = state.decisions.get(item.id) ?? [];
  const corrected = history.find((d) => d.id === request.supersedes);
  if (!corrected)
    throw new ItemConflict('not_found', `${item.id} has no decision ${request.supersedes}.`);
  const latest = history.at(-1);
  if (corrected !== latest) {
    throw new ItemConflict(
      'not_latest',
      `Only the latest decision on ${item.id} can be corrected (now ${latest?.id ?? 'none'}).`,
    );
  }
  if (history.some((d) => d.actor.id === user.id))
    throw new ItemConflict(
      'forbidden',
      'You made a decision on this item: another supervisor must correct it.',
    );
  if (item.version !== request.itemVersion) {
    throw new ItemConflict(
      'version_conflict',
      `${item.id} changed since you opened it (version ${item.version}, you corrected on ${request.itemVersion})${lastChange(state, item)}.`,
    );
  }
  const decision: Decision = {
    id: `dec_${item.id.slice(4)}_${history.length + 1}`,
    itemId: item.id,
    itemVersion: request.itemVersion,
    stage: 'supervisor',
    verdict: request.verdict,
    supersedes: corrected.id,
    note: request.rationale,
    actor: actorOf(user),
    at: now.toISOString(),
  };
  item.status = request.verdict.kind === 'confirm' ? 'confirmed' : 'dismissed';
  item.version++;
  item.lease = null;
  state.decisions.set(item.id, [...history, decision]);
  state.decisionsByKey.set(request.idempotencyKey, decision);
  state.revision++;
  state.audit.append({
    at: decision.at,
    actor: decision.actor,
    action: 'item.decision_corrected',
    subject: { type: 'item', id: item.id },
    detail: {
      decisionId: decision.id,
      supersedes: corrected.id,
      verdict: decision.verdict.kind,
      outcome: item.status,
      itemVersion: decision.itemVersion,
    },
  });
  return { item, decision };
}

/**
 * A supervisor releases an item someone holds (`holderId` null) or hands it to another reviewer
 * who may make the review it waits for, with a fresh lease. Audited as `item.released` or `item.reassigned`, naming the previous holder.
 */
export function changeHolder(
  state: MockState,
  item: FlaggedItem,
  supervisor: User,
  holderId: string | null,
  now: Date,
  leaseSeconds: number,
): FlaggedItem {
  const previous = liveLease(item, now);
  const holder = holderId === null ? null : state.users.get(holderId);
  if (holder === undefined || (holder && holder.role === 'auditor'))
    throw new ItemConflict('invalid', `${holderId ?? ''} is not a reviewer.`);
  if (holder) {
    const refusal = reviewRefusal({
      stage: stageOf(item.status),
      reviewer: holder,
      reviewedBy: reviewedBy(item.status, state.decisions.get(item.id) ?? []),
    });
    if (refusal) throw new ItemConflict('invalid', `${holder.name} cannot take it: ${refusal}`);
  }
  item.lease = holder && {
    holderId: holder.id,
    holderName: holder.name,
    expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
  };
  state.revision++;
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(supervisor),
    action: holder ? 'item.reassigned' : 'item.released',
    subject: { type: 'item', id: item.id },
    detail: {
      previousHolderId: previous?.holderId ?? null,
      holderId: holder?.id ?? null,
      ...(holder ? { expiresAt: item.lease?.expiresAt ?? null } : {}),
    },
  });
  return item;
}
