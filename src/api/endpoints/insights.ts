import { Insights, InsightsQuery } from '../schemas/insights';
import type { Endpoint } from './endpoint';

/**
 * Supervisors' insights, called only from their lazily loaded screen. Query options:
 * `insights.queries.ts`.
 */
export const insightsEndpoints = {
  getInsights: {
    operationId: 'getInsights',
    method: 'get',
    path: '/api/insights',
    summary: 'Rule precision, supplier provenance, review agreement, flow and exposure',
    description:
      'Computed from the decisions, reveals and reports over `[from, to)`: items flagged in the range, decisions and reveals made in it. Precision counts only false-positive dismissals against a rule.',
    tag: 'insights',
    access: ['supervisor'],
    query: InsightsQuery,
    response: Insights,
    errors: [400, 401, 403],
  },
} as const satisfies Record<string, Endpoint>;
