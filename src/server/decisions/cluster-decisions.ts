import type { Transaction } from 'kysely';
import type { ClusterDecisionOutcome, ClusterDecisionRequest } from '../../api/schemas/cluster';
import type { User } from '../../api/schemas/user';
import { stageOf, type ReviewStage } from '../../domain/review-rules';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import { clusterAnchor, clusterMembers } from './clusters';
import { decideItem } from './decide';

/**
 * One verdict applied to the anchor item and members of its cluster: each gets its own decision,
 * with its own version check and idempotency key, exactly as if decided one by one — and only at
 * the review the anchor waits for, so one keystroke never makes a second review or a supervisor
 * decision on items that wait for another. An item outside the cluster or at another stage, or
 * decided meanwhile, changed, or held by someone else, is skipped and reported — never
 * overwritten. Every refusal of a member comes before anything of it is written, so a skipped
 * member leaves nothing behind in the request's one transaction; the rules' refusals are returned
 * beside the outcomes, for the record. Sent again with its key, the request decides at the review
 * it decided at the first time, though the anchor has moved on since: its retry never makes
 * another review of a member it skipped.
 */
export async function decideCluster(
  trx: Transaction<Database>,
  anchorId: string,
  user: User,
  request: ClusterDecisionRequest,
  now: Date,
  reviewSecret: string,
): Promise<{ outcomes: ClusterDecisionOutcome[]; refusals: MemberRefusal[] }> {
  const anchor = await clusterAnchor(trx, anchorId);
  const sentBefore = await decidedBefore(trx, user.id, request);
  const stage = sentBefore[0]?.stage ?? stageOf(anchor.status);
  const replays = new Set(sentBefore.map((d) => d.item_id));
  const requested = request.items.map((i) => i.itemId);
  const members = new Set([
    anchor.id,
    ...(await clusterMembers(trx, anchor, { among: requested })).map((m) => m.item.id),
  ]);
  // The members' rows locked up front, in one order, so two cluster decisions over the same items
  // queue instead of deadlocking.
  const locked = await trx
    .selectFrom('items')
    .select(['id', 'status', 'version'])
    .where(
      'id',
      'in',
      [...members].filter((id) => requested.includes(id)),
    )
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  const byId = new Map(locked.map((row) => [row.id, row]));
  const outcomes: ClusterDecisionOutcome[] = [];
  const refusals: MemberRefusal[] = [];
  for (const { itemId, itemVersion } of request.items) {
    const skip = (code: string, message: string): ClusterDecisionOutcome => ({
      itemId,
      outcome: 'skipped',
      code,
      message,
    });
    const item = byId.get(itemId);
    if (!item || !members.has(itemId)) {
      outcomes.push(skip('not_in_cluster', `${itemId} is not in ${anchor.id}’s cluster.`));
      continue;
    }
    // At another stage when the reviewer saw it (one that moved since is a conflict, below); a
    // member this request decided before is answered with that decision, below.
    if (!replays.has(itemId) && stageOf(item.status) !== stage && item.version === itemVersion) {
      outcomes.push(skip('other_stage', `${itemId} waits for another review (${item.status}).`));
      continue;
    }
    try {
      const result = await decideItem(
        trx,
        itemId,
        user,
        {
          verdict: request.verdict,
          note: request.note,
          itemVersion,
          idempotencyKey: memberKey(request, itemId),
          madeBy: user.id,
        },
        now,
        reviewSecret,
        anchor.id,
      );
      // A later entry naming the same item sees it as it is now.
      byId.set(itemId, { id: itemId, status: result.item.status, version: result.item.version });
      outcomes.push({ itemId, outcome: 'decided', result });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      outcomes.push(skip(error.code, error.message));
      refusals.push({ itemId, itemVersion, stage: stageOf(item.status), refusal: error });
    }
  }
  return { outcomes, refusals };
}

/** A member's decision refused by the review rules, as a decision of it alone would have been. */
export interface MemberRefusal {
  itemId: string;
  itemVersion: number;
  /** The review the member waited for. */
  stage: ReviewStage | null;
  refusal: Refusal;
}

/** Each member's decision has a key of its own, derived from the request's. */
const memberKey = (request: ClusterDecisionRequest, itemId: string) =>
  `${request.idempotencyKey}:${itemId}`;

/**
 * The members this request decided when it was sent before (none at its first sending), at the
 * review it decided: their decisions under their keys, undone or not (an undo does not change what
 * was asked).
 */
function decidedBefore(
  trx: Transaction<Database>,
  userId: string,
  request: ClusterDecisionRequest,
): Promise<{ item_id: string; stage: ReviewStage }[]> {
  return trx
    .selectFrom('decisions')
    .select(['item_id', 'stage'])
    .where('actor_id', '=', userId)
    .where((eb) =>
      eb.or(
        request.items.map(({ itemId }) =>
          eb.and([
            eb('item_id', '=', itemId),
            eb('idempotency_key', '=', memberKey(request, itemId)),
          ]),
        ),
      ),
    )
    .execute();
}
