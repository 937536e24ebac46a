import type { Hono } from 'hono';
import { endpoints } from '../../api/endpoints';
import { queueDefinitions } from '../directory/directory';
import { mountEndpoint } from '../http/mount-endpoint';
import { listItemPage } from '../items/item-list';
import { Refusal } from '../refusal';
import type { ServerContext } from '../server-context';
import { escalationsBy } from './escalations';
import { summarizeQueues } from './queue-summaries';

/** The queues with their counts, a queue's items, and what the caller sent to the supervisors. */
export function mountQueueRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, endpoints.listQueues, async ({ trx, user }) => ({
    body: { queues: await summarizeQueues(trx, user.id, server.now()) },
  }));

  mountEndpoint(app, server, endpoints.listMyEscalations, async ({ trx, user }) => ({
    body: { escalations: await escalationsBy(trx, user.id) },
  }));

  mountEndpoint(app, server, endpoints.listQueueItems, async ({ trx, params, query }) => {
    const queue = queueDefinitions.find((q) => q.id === params.queueId);
    if (!queue) throw new Refusal('not_found', 'not_found', `No queue ${params.queueId}.`);
    return { body: await listItemPage(trx, { queue }, query, server.now()) };
  });
}
