import type { Transaction } from 'kysely';
import type { Decision, DecisionRequest } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { outcomeOf, stageOf, underReview } from '../../domain/review-rules';
import {
  actorOf,
  assertNotHeldByOther,
  conflict,
  lastChange,
  lockItem,
  reviewRefusalFor,
} from '../claims/item-state';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import { sampledForSecondReview } from '../review/blind-review';
import { decisionByKey, keyDigest, nextDecisionId, replayRecorded } from './decision-identity';
import { recordDecision } from './record-decision';

/**
 * Record a decision at the stage the item waits for (review-rules.ts): a first review, a blind
 * second review by someone other than the first reviewer, or a supervisor's final decision with a
 * written rationale. Refused (409) when someone else holds the item, when it changed since the
 * version decided on, or when it was already decided; never overwrites. The same idempotency key
 * from the same user, asking for the same decision, returns the decision already recorded — on
 * every instance, since the item's lock makes a resend racing its original wait for it and then
 * find it; asking for another is a 409 `key_reused`.
 */
export async function decideItem(
  trx: Transaction<Database>,
  itemId: string,
  user: User,
  request: DecisionRequest,
  now: Date,
  reviewSecret: string,
  /** The item whose cluster this decision was applied with, if any: on the record. */
  clusterOf?: string,
): Promise<{ item: FlaggedItem; decision: Decision }> {
  const locked = await lockItem(trx, itemId);
  const { item } = locked;
  if (request.madeBy !== user.id)
    throw new Refusal(
      'forbidden',
      'maker_mismatch',
      `This decision was made by ${request.madeBy}, and ${user.name} is signed in: it is recorded only in its maker’s session.`,
    );
  const earlier = await decisionByKey(trx, user.id, request.idempotencyKey);
  // Sent again (an outbox retry whose answer was lost, or a second tab): recorded once.
  if (earlier && !earlier.undone && earlier.decision.itemId === item.id) {
    const asked = { ...request, supersedes: null };
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
  if (earlier?.undone)
    throw conflict('undone', 'This decision was undone: it is not recorded again.');
  if (
    request.verdict.kind === 'dismiss' &&
    request.verdict.reason === 'other' &&
    !request.note?.trim()
  )
    throw new Refusal('invalid', 'invalid', 'A dismissal for “other” needs a note saying why.');
  assertNotHeldByOther(item, user, now);
  const stage = stageOf(item.status);
  if (stage === null)
    throw conflict('already_decided', `${item.id} was already decided (now ${item.status}).`);
  if (item.version !== request.itemVersion)
    throw conflict(
      'version_conflict',
      `${item.id} changed since you opened it (version ${item.version}, you decided on ${request.itemVersion})${lastChange(locked)}.`,
    );
  const first = stage === 'second' ? underReview(locked.decisions) : null;
  const refusal = reviewRefusalFor(locked, user, request);
  if (refusal) {
    const invalid = stage === 'supervisor' && user.role === 'supervisor';
    throw invalid
      ? new Refusal('invalid', 'invalid', refusal)
      : new Refusal('forbidden', 'forbidden', refusal);
  }
  const decision: Decision = {
    id: await nextDecisionId(trx, item.id),
    itemId: item.id,
    itemVersion: request.itemVersion,
    stage,
    verdict: request.verdict,
    supersedes: null,
    note: request.note || null,
    actor: actorOf(user),
    at: now.toISOString(),
  };
  const outcome = outcomeOf(
    stage,
    request.verdict,
    item,
    first?.verdict ?? null,
    sampledForSecondReview(reviewSecret, item),
  );
  const decided = await recordDecision(
    trx,
    locked,
    decision,
    outcome,
    request.idempotencyKey,
    'item.decided',
    {
      idempotencyKey: keyDigest(user.id, request.idempotencyKey),
      madeAt: request.madeAt ?? null,
      clusterOf: clusterOf ?? null,
    },
  );
  return { item: decided, decision };
}
