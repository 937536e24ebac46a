import type { Hono } from 'hono';
import { endpoints } from '../../api/endpoints';
import { queueDefinitions } from '../directory/directory';
import { mountEndpoint } from '../http/mount-endpoint';
import { Refusal } from '../refusal';
import type { ServerContext } from '../server-context';
import { filterCatalog } from './filter-catalog';
import { itemDetail, recordItemView } from './item-detail';
import { listItemPage } from './item-list';
import { listReviewers } from './reviewers';

/**
 * Reading items: every queue's items searched and filtered, the filters' choices, the reviewers,
 * one item as its reader may see it, and the record that it was shown.
 */
export function mountItemReadRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, endpoints.listItems, async ({ trx, query }) => {
    const queue =
      query.queueId === undefined
        ? undefined
        : queueDefinitions.find((q) => q.id === query.queueId);
    if (query.queueId !== undefined && !queue)
      throw new Refusal(
        'invalid',
        'invalid_request',
        `query.queueId: no queue ${query.queueId}.`,
        'query.queueId',
      );
    const scope = queue ? { queue } : { queue: null, q: query.q };
    return { body: await listItemPage(trx, scope, query, server.now()) };
  });

  mountEndpoint(app, server, endpoints.getFilterCatalog, async ({ trx }) => ({
    body: await filterCatalog(trx),
  }));

  mountEndpoint(app, server, endpoints.listReviewers, async ({ trx }) => ({
    body: { reviewers: await listReviewers(trx) },
  }));

  mountEndpoint(app, server, endpoints.getItem, async ({ trx, params, user }) => ({
    body: await itemDetail(trx, params.itemId, user),
  }));

  mountEndpoint(app, server, endpoints.recordItemView, async ({ trx, params, user }) => ({
    body: await recordItemView(trx, params.itemId, user, server.now()),
  }));
}
