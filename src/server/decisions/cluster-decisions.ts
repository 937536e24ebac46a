import type { Transaction } from 'kysely';
import type { ClusterDecisionOutcome, ClusterDecisionRequest } from '../../api/schemas/cluster';
import type { User } from '../../api/schemas/user';
import { stageOf } from '../../domain/review-rules';
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
 * member leaves nothing behind in the request's one transaction.
 */
export async function decideCluster(
  trx: Transaction<Database>,
  anchorId: string,
  user: User,
  request: ClusterDecisionRequest,
  now: Date,
  reviewSecret: string,
): Promise<ClusterDecisionOutcome[]> {
  const anchor = await clusterAnchor(trx, anchorId);
  const stage = stageOf(anchor.status);
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
    // At another stage when the reviewer saw it (one that moved since is a conflict, below).
    if (stageOf(item.status) !== stage && item.version === itemVersion) {
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
          idempotencyKey: `${request.idempotencyKey}:${itemId}`,
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
    }
  }
  return outcomes;
}
