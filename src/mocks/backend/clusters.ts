import type {
  Cluster,
  ClusterDecisionOutcome,
  ClusterDecisionRequest,
} from '../../api/schemas/cluster';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import type { MockState } from './backend';
import { PDQ_CLUSTER_DISTANCE } from './cluster-index';
import { stageOf } from '../../domain/review-rules';
import { ItemConflict, decideItem } from './decisions';

/** The item's cluster, through the index (built once per generated data set). */
export function clusterOf(state: MockState, item: FlaggedItem): Cluster {
  return {
    itemId: item.id,
    maxPdqDistance: PDQ_CLUSTER_DISTANCE,
    members: state
      .clusters()
      .clusterOf(item)
      .slice(0, 500)
      .map(({ item: other, match, distance }) => ({
        item: {
          id: other.id,
          version: other.version,
          queueId: other.queueId,
          status: other.status,
          lease: other.lease,
        },
        match,
        distance,
        provenance: {
          supplier: other.provenance.supplier,
          dataset: other.provenance.dataset,
          batchId: other.provenance.acquisition.batchId,
          sourceUrls: other.provenance.origin.sourceUrls,
        },
      })),
  };
}

/**
 * One verdict applied to the anchor item and members of its cluster: each gets its own decision,
 * with its own version check and idempotency key, exactly as if decided one by one — and only at
 * the review the anchor waits for, so one keystroke never makes a second review or a supervisor
 * decision on items that wait for another. An item outside the cluster or at another stage, or
 * decided meanwhile, changed, or held by someone else, is skipped and reported — never
 * overwritten.
 */
export function decideCluster(
  state: MockState,
  anchor: FlaggedItem,
  user: User,
  request: ClusterDecisionRequest,
  now: Date,
): ClusterDecisionOutcome[] {
  const stage = stageOf(anchor.status);
  const members = new Set([
    anchor.id,
    ...state
      .clusters()
      .clusterOf(anchor)
      .map((m) => m.item.id),
  ]);
  return request.items.map(({ itemId, itemVersion }): ClusterDecisionOutcome => {
    const item = state.itemsById.get(itemId);
    const skip = (code: string, message: string): ClusterDecisionOutcome => ({
      itemId,
      outcome: 'skipped',
      code,
      message,
    });
    if (!item || !members.has(itemId))
      return skip('not_in_cluster', `${itemId} is not in ${anchor.id}’s cluster.`);
    // At another stage when the reviewer saw it (one that moved since is a conflict, below).
    if (stageOf(item.status) !== stage && item.version === itemVersion)
      return skip('other_stage', `${itemId} waits for another review (${item.status}).`);
    try {
      const result = decideItem(
        state,
        item,
        user,
        {
          verdict: request.verdict,
          note: request.note,
          itemVersion,
          idempotencyKey: `${request.idempotencyKey}:${itemId}`,
          madeBy: user.id,
        },
        now,
        anchor.id,
      );
      return { itemId, outcome: 'decided', result };
    } catch (error) {
      if (!(error instanceof ItemConflict)) throw error;
      return { itemId, outcome: 'skipped', code: error.code, message: error.message };
    }
  });
}
