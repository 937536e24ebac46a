import type { Decision, DecisionRequest } from '../../api/schemas/decision';
import type { FlaggedItem, ItemStatus } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import type { Verdict } from '../../api/schemas/decision';
import {
  outcomeOf,
  reviewRefusal,
  reviewedBy,
  stageOf,
  underReview,
} from '../../domain/review-rules';
import type { MockState } from './backend';
import { sampledForSecondReview, verdictReaders } from './blind-review';
import { verdictDetail } from '../../server/demo/verdict-detail';
import { keyDigest, nextDecisionId, userKey } from './decision-identity';

/**
 * A request the item's state refuses: answered 409 with this code (400 for `invalid`, 403 for
 * `forbidden`: this person may not make it, and for `maker_mismatch`: it was made by someone else
 * than the signed-in user, 404 for `not_found`).
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
      | 'maker_mismatch'
      | 'hold_limit'
      | 'held_elsewhere'
      | 'under_review'
      | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why this person may not make the review the item waits for (with this verdict and note, when
 * given), or null: the review rules with who reviewed it and who read its first verdict.
 */
export function reviewRefusalFor(
  state: MockState,
  item: FlaggedItem,
  reviewer: User,
  decision: { verdict: Verdict; note: string | null } | null = null,
): string | null {
  return reviewRefusal({
    stage: stageOf(item.status),
    reviewer,
    reviewedBy: reviewedBy(item.status, state.decisions.get(item.id) ?? []),
    readFirstVerdict: verdictReaders(state, item.id),
    ...decision,
  });
}

export const actorOf = (user: User) => ({ id: user.id, name: user.name, role: user.role });
export const liveLease = (item: FlaggedItem, now: Date) =>
  item.lease !== null && Date.parse(item.lease.expiresAt) > now.getTime() ? item.lease : null;

export function assertNotHeldByOther(item: FlaggedItem, user: User, now: Date) {
  const lease = liveLease(item, now);
  if (lease && lease.holderId !== user.id) {
    throw new ItemConflict(
      'held',
      `${item.id} is held by ${lease.holderName} until ${lease.expiresAt}.`,
    );
  }
}

/** What changed an item, for a conflict message: its status and who decided last. */
export function lastChange(state: MockState, item: FlaggedItem): string {
  const last = state.decisions.get(item.id)?.at(-1);
  return last ? `: now ${item.status}, last decided by ${last.actor.name}` : `: now ${item.status}`;
}

/**
 * Adds a decision to its item: the item takes `outcome`, a new version and no holder; the decision
 * is found again by its idempotency key; the audit log records it as `action`.
 */
export function recordDecision(
  state: MockState,
  item: FlaggedItem,
  decision: Decision,
  outcome: ItemStatus,
  idempotencyKey: string,
  action: 'item.decided' | 'item.decision_corrected',
  detail: Record<string, string | number | null>,
) {
  item.status = outcome;
  item.version++;
  item.lease = null;
  state.decisions.set(item.id, [...(state.decisions.get(item.id) ?? []), decision]);
  state.decisionsByKey.set(userKey(decision.actor.id, idempotencyKey), decision);
  state.revision++;
  state.reports.itemChanged(item, new Date(decision.at));
  state.audit.append({
    at: decision.at,
    actor: decision.actor,
    action,
    subject: { type: 'item', id: item.id },
    detail: {
      decisionId: decision.id,
      stage: decision.stage,
      ...verdictDetail(decision.verdict),
      outcome,
      itemVersion: decision.itemVersion,
      ...detail,
    },
  });
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
  if (request.madeBy !== user.id) {
    throw new ItemConflict(
      'maker_mismatch',
      `This decision was made by ${request.madeBy}, and ${user.name} is signed in: it is recorded only in its maker’s session.`,
    );
  }
  const key = userKey(user.id, request.idempotencyKey);
  const earlier = state.decisionsByKey.get(key);
  if (earlier && earlier.itemId === item.id) {
    // Sent again (an outbox retry whose answer was lost, or a second tab): recorded once, and
    // the replay is on the record too.
    state.audit.append({
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'item.decision_replayed',
      subject: { type: 'item', id: item.id },
      detail: {
        decisionId: earlier.id,
        idempotencyKey: keyDigest(user.id, request.idempotencyKey),
      },
    });
    return { item, decision: earlier };
  }
  if (state.undoneKeys.has(key))
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
  const refusal = reviewRefusalFor(state, item, user, request);
  if (refusal) {
    const invalid = stage === 'supervisor' && user.role === 'supervisor';
    throw new ItemConflict(invalid ? 'invalid' : 'forbidden', refusal);
  }
  const decision: Decision = {
    id: nextDecisionId(state, item),
    itemId: item.id,
    itemVersion: request.itemVersion,
    stage,
    verdict: request.verdict,
    supersedes: null,
    note: request.note || null,
    actor: actorOf(user),
    at: now.toISOString(),
  };
  recordDecision(
    state,
    item,
    decision,
    outcomeOf(
      stage,
      request.verdict,
      item,
      first?.verdict ?? null,
      sampledForSecondReview(state.reviewSecret, item),
    ),
    request.idempotencyKey,
    'item.decided',
    {
      idempotencyKey: keyDigest(user.id, request.idempotencyKey),
      madeAt: request.madeAt ?? null,
      clusterOf: clusterOf ?? null,
    },
  );
  return { item, decision };
}
