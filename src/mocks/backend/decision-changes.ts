import type { CorrectionRequest, Decision } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import {
  UNDO_ACCEPT_SECONDS,
  correctionRefusal,
  type ReviewStage,
} from '../../domain/review-rules';
import type { MockConfig, MockState } from './backend';
import { assertMayHoldAnother } from './claims';
import { nextDecisionId, userKey } from './decision-identity';
import {
  ItemConflict,
  actorOf,
  lastChange,
  liveLease,
  recordDecision,
  reviewRefusalFor,
} from './decisions';
import { verdictDetail } from '../../server/demo/verdict-detail';

/**
 * What changes a decision or a hold after the fact: the author's undo, a supervisor's correction,
 * a supervisor's release or reassignment. Each is checked, audited, and never overwrites.
 */

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
  // Keys are the caller's own: another user's decision is never found by its key.
  const key = userKey(user.id, idempotencyKey);
  const decision = state.decisionsByKey.get(key);
  if (!decision || decision.itemId !== item.id)
    throw new ItemConflict('not_found', `${item.id} has no decision you sent with this key.`);
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
  state.decisionsByKey.delete(key);
  state.undoneKeys.add(key);
  state.revision++;
  state.reports.itemChanged(item, now);
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'item.decision_undone',
    subject: { type: 'item', id: item.id },
    detail: { decisionId: decision.id, stage: decision.stage, ...verdictDetail(decision.verdict) },
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
  const earlier = state.decisionsByKey.get(userKey(user.id, request.idempotencyKey));
  if (earlier?.itemId === item.id) return { item, decision: earlier };
  const underReview = correctionRefusal(item.status);
  if (underReview) throw new ItemConflict('under_review', underReview);
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
    id: nextDecisionId(state, item),
    itemId: item.id,
    itemVersion: request.itemVersion,
    stage: 'supervisor',
    verdict: request.verdict,
    supersedes: corrected.id,
    note: request.rationale,
    actor: actorOf(user),
    at: now.toISOString(),
  };
  recordDecision(
    state,
    item,
    decision,
    request.verdict.kind === 'confirm' ? 'confirmed' : 'dismissed',
    request.idempotencyKey,
    'item.decision_corrected',
    { supersedes: corrected.id },
  );
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
  { leaseSeconds, maxHeld }: Pick<MockConfig, 'leaseSeconds' | 'maxHeld'>,
): FlaggedItem {
  const previous = liveLease(item, now);
  const holder = holderId === null ? null : state.users.get(holderId);
  if (holder === undefined || (holder && holder.role === 'auditor'))
    throw new ItemConflict('invalid', `${holderId ?? ''} is not a reviewer.`);
  if (holder) {
    const refusal = reviewRefusalFor(state, item, holder);
    if (refusal) throw new ItemConflict('invalid', `${holder.name} cannot take it: ${refusal}`);
    assertMayHoldAnother(state, item, holder, now, maxHeld);
  }
  item.lease = holder && {
    holderId: holder.id,
    holderName: holder.name,
    expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
    // Handed over: the new holder's first window to claim it takes it there.
    window: null,
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
