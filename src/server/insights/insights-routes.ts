import type { Hono } from 'hono';
import { insightsEndpoints } from '../../api/endpoints/insights';
import { mountEndpoint } from '../http/mount-endpoint';
import type { ServerContext } from '../server-context';
import { computeInsights } from './insights';

/** Supervisors' insights over a time range. */
export function mountInsightsRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, insightsEndpoints.getInsights, async ({ trx, query }) => ({
    body: await computeInsights(trx, query, server.now()),
  }));
}
