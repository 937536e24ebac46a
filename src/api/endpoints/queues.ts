import { z } from '../../lib/zod';
import { Id } from '../schemas/common';
import { NextItem } from '../schemas/decision';
import { MyEscalations } from '../schemas/escalation';
import { ItemListQuery, ItemPage } from '../schemas/item';
import { QueueList } from '../schemas/queue';
import { WindowQuery } from './claims';
import { anyRole, reviewerRoles, type Endpoint } from './endpoint';

const QueueIdParams = z.object({ queueId: Id });

/**
 * Queues: their counts and items, the next item to review in one, and the escalations a reviewer
 * sent to the supervisors. Query options: `queues.queries.ts`.
 */
export const queueEndpoints = {
  listQueues: {
    operationId: 'listQueues',
    method: 'get',
    path: '/api/queues',
    summary: 'Queues with their counts',
    tag: 'queues',
    access: anyRole,
    response: QueueList,
    errors: [401],
  },
  startReviewing: {
    operationId: 'startReviewing',
    method: 'post',
    path: '/api/queues/{queueId}/next',
    summary: 'Claim the next item the caller may review in the queue',
    description:
      'Of the items waiting in the queue that no one else holds and the caller may review (never their own second review; escalations only for supervisors): the highest priority, then the earliest SLA due. Claims it for the caller (in `window`, when given), atomically, so two reviewers starting at once never get the same item.',
    tag: 'queues',
    access: reviewerRoles,
    params: QueueIdParams,
    query: WindowQuery,
    response: NextItem,
    errors: [401, 403, 404],
  },
  listMyEscalations: {
    operationId: 'listMyEscalations',
    method: 'get',
    path: '/api/escalations/mine',
    summary: 'What the caller sent to the supervisors, and the outcome',
    description:
      'Items the caller escalated, and items whose second review by the caller disagreed with the first: newest first, at most 50, each with the supervisor’s final decision once made.',
    tag: 'queues',
    access: reviewerRoles,
    response: MyEscalations,
    errors: [401, 403],
  },
  listQueueItems: {
    operationId: 'listQueueItems',
    method: 'get',
    path: '/api/queues/{queueId}/items',
    summary: 'Items of a queue, filtered and sorted',
    description:
      'Pages by position (`offset`, any page directly) or by cursor (`nextCursor` back as `cursor`).',
    tag: 'queues',
    access: anyRole,
    params: QueueIdParams,
    query: ItemListQuery,
    response: ItemPage,
    errors: [400, 401, 404],
  },
} as const satisfies Record<string, Endpoint>;
