import type {
  Cluster,
  ClusterDecisionOutcome,
  ClusterDecisionRequest,
} from '../../api/schemas/cluster';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import type { MockState } from './backend';
import { PDQ_CLUSTER_DISTANCE } from './cluster-index';
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
 * One verdict applied to several items: each gets its own decision, with its own version check and
 * idempotency key, exactly as if decided one by one. An item decided meanwhile, changed, or held
 * by someone else is skipped and reported — never overwritten.
 */
export function decideCluster(
  state: MockState,
  user: User,
  request: ClusterDecisionRequest,
  now: Date,
): ClusterDecisionOutcome[] {
  return request.items.map(({ itemId, itemVersion }): ClusterDecisionOutcome => {
    const item = state.itemsById.get(itemId);
    if (!item)
      return { itemId, outcome: 'skipped', code: 'not_found', message: `No item ${itemId}.` };
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
        },
        now,
      );
      return { itemId, outcome: 'decided', result };
    } catch (error) {
      if (!(error instanceof ItemConflict)) throw error;
      return { itemId, outcome: 'skipped', code: error.code, message: error.message };
    }
  });
}
