import { reportItemChanged } from '../reports/item-changed';
import { sql, type Transaction } from 'kysely';
import type { CorrectionRequest, Decision } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import {
  UNDO_ACCEPT_SECONDS,
  correctionRefusal,
  type ReviewStage,
} from '../../domain/review-rules';
import { appendAuditEvents } from '../audit/audit-chain';
import {
  actorOf,
  assertNotHeldByOther,
  conflict,
  lastChange,
  liveLease,
  lockItem,
} from '../claims/item-state';
import type { Database } from '../db/tables';
import { verdictDetail } from '../demo/verdict-detail';
import { Refusal } from '../refusal';
import { decisionByKey, nextDecisionId, replayRecorded } from './decision-identity';
import { recordDecision } from './record-decision';

/**
 * What changes a decision after the fact: the author's undo, a supervisor's correction. Each is
 * checked, audited, and never overwrites.
 */

const statusAwaiting: Record<ReviewStage, FlaggedItem['status']> = {
  first: 'pending',
  second: 'awaiting_second_review',
  supervisor: 'escalated',
};

/**
 * Take back the caller's own decision, named by the idempotency key it was sent with, within
 * UNDO_ACCEPT_SECONDS, while it is the item's latest, nothing has changed since and no one else
 * holds it for its next review: the item returns to the review it waited for, and the decision no
 * longer counts (its row is marked undone, never deleted, so its id is never issued again and its
 * key is refused if it is ever sent again; the audit log keeps both events). A second review (made
 * knowing, once decided, what the first was) and a correction cannot be undone: a supervisor
 * corrects them.
 */
export async function undoDecision(
  trx: Transaction<Database>,
  itemId: string,
  idempotencyKey: string,
  user: User,
  now: Date,
): Promise<{ item: FlaggedItem; decision: Decision }> {
  const locked = await lockItem(trx, itemId);
  const { item, decisions } = locked;
  // Keys are the caller's own: another user's decision is never found by its key.
  const found = await decisionByKey(trx, user.id, idempotencyKey);
  const decision = found && !found.undone ? found.decision : null;
  if (!decision || decision.itemId !== item.id)
    throw new Refusal(
      'not_found',
      'not_found',
      `${item.id} has no decision you sent with this key.`,
    );
  if (decision.stage === 'second' || decision.supersedes !== null)
    throw new Refusal(
      'forbidden',
      'forbidden',
      `${decision.id} cannot be undone: it is a ${decision.supersedes ? 'correction' : 'second review'}. A supervisor can correct it.`,
    );
  const late = now.getTime() - Date.parse(decision.at) > UNDO_ACCEPT_SECONDS * 1000;
  if (late || decisions.at(-1)?.id !== decision.id || item.version !== decision.itemVersion + 1)
    throw conflict(
      'too_late',
      `Too late to undo ${decision.id}: it counts now. A supervisor can correct it.`,
    );
  // Someone holds the item for the review it now waits for: it is theirs, not the author's.
  const holder = liveLease(item, now);
  if (holder && holder.holderId !== user.id)
    throw conflict(
      'held',
      `Too late to undo ${decision.id}: ${holder.holderName} holds ${item.id} for its next review. A supervisor can correct it.`,
    );
  const status = statusAwaiting[decision.stage];
  await trx
    .updateTable('items')
    .set({ status, version: sql<number>`version + 1` })
    .where('id', '=', item.id)
    .execute();
  await trx
    .updateTable('decisions')
    .set({ undone_at: now })
    .where('id', '=', decision.id)
    .execute();
  await reportItemChanged(trx, item.id, now);
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'item.decision_undone',
      subject: { type: 'item', id: item.id },
      detail: {
        decisionId: decision.id,
        stage: decision.stage,
        ...verdictDetail(decision.verdict),
      },
    },
  ]);
  return { item: { ...item, status, version: item.version + 1 }, decision };
}

/**
 * A supervisor's correction of the item's latest decision, with a written rationale: a new, final
 * decision that supersedes it, while it stays in the history. Four eyes still: never by a
 * supervisor who made any decision on the item. Version-checked and idempotent like a decision.
 */
export async function correctDecision(
  trx: Transaction<Database>,
  itemId: string,
  user: User,
  request: CorrectionRequest,
  now: Date,
): Promise<{ item: FlaggedItem; decision: Decision }> {
  const locked = await lockItem(trx, itemId);
  const { item, decisions } = locked;
  const earlier = await decisionByKey(trx, user.id, request.idempotencyKey);
  if (earlier && !earlier.undone && earlier.decision.itemId === item.id) {
    const asked = { ...request, note: request.rationale };
    const decision = await replayRecorded(
      trx,
      user,
      earlier.decision,
      request.idempotencyKey,
      asked,
      now,
    );
    return { item, decision };
  }
  const underReview = correctionRefusal(item.status);
  if (underReview) throw conflict('under_review', underReview);
  const corrected = decisions.find((d) => d.id === request.supersedes);
  if (!corrected)
    throw new Refusal(
      'not_found',
      'not_found',
      `${item.id} has no decision ${request.supersedes}.`,
    );
  const latest = decisions.at(-1);
  if (corrected !== latest)
    throw conflict(
      'not_latest',
      `Only the latest decision on ${item.id} can be corrected (now ${latest?.id ?? 'none'}).`,
    );
  if (decisions.some((d) => d.actor.id === user.id))
    throw new Refusal(
      'forbidden',
      'forbidden',
      'You made a decision on this item: another supervisor must correct it.',
    );
  // A correction decides the item: not while another reviewer holds it, as for a decision.
  assertNotHeldByOther(item, user, now);
  if (item.version !== request.itemVersion)
    throw conflict(
      'version_conflict',
      `${item.id} changed since you opened it (version ${item.version}, you corrected on ${request.itemVersion})${lastChange(locked)}.`,
    );
  const decision: Decision = {
    id: await nextDecisionId(trx, item.id),
    itemId: item.id,
    itemVersion: request.itemVersion,
    stage: 'supervisor',
    verdict: request.verdict,
    supersedes: corrected.id,
    note: request.rationale,
    actor: actorOf(user),
    at: now.toISOString(),
  };
  const changed = await recordDecision(
    trx,
    locked,
    decision,
    request.verdict.kind === 'confirm' ? 'confirmed' : 'dismissed',
    request.idempotencyKey,
    'item.decision_corrected',
    { supersedes: corrected.id },
  );
  return { item: changed, decision };
}
