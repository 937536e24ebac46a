import { Cluster, ClusterDecisionRequest, ClusterDecisionResult } from '../schemas/cluster';
import { anyRole, reviewerRoles, type Endpoint } from './endpoint';
import { ItemIdParams } from './items';

/**
 * An item's cluster, and one verdict for it and its cluster. Query options: `clusters.queries.ts`;
 * a cluster decision invalidates as any decision does (`decisions.queries.ts`).
 */
export const clusterEndpoints = {
  getCluster: {
    operationId: 'getCluster',
    method: 'get',
    path: '/api/items/{itemId}/cluster',
    summary: 'The other items in the item’s cluster, with their provenance',
    description:
      'Items sharing the item’s SHA-256, or whose PDQ lies within `maxPdqDistance` bits of its own, across suppliers and datasets: a neighbourhood found through an index, not a transitive chain.',
    tag: 'items',
    access: anyRole,
    params: ItemIdParams,
    response: Cluster,
    errors: [401, 404],
  },
  decideCluster: {
    operationId: 'decideCluster',
    method: 'post',
    path: '/api/items/{itemId}/cluster-decisions',
    summary: 'Apply one verdict to the item and its cluster',
    description:
      'Each listed item gets its own decision, version check and idempotency key (`{idempotencyKey}:{itemId}`), by the same rules as `decideItem`; items decided meanwhile, changed, or held by someone else are skipped and reported, never overwritten, and each such refusal is audited as `item.decision_refused`. Only items waiting for the review the anchor waited for when the request was first sent are decided: sent again with its key, it decides nothing it skipped.',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    body: ClusterDecisionRequest,
    response: ClusterDecisionResult,
    errors: [400, 401, 403, 404],
  },
} as const satisfies Record<string, Endpoint>;
