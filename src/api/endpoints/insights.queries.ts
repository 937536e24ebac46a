import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { insightsEndpoints } from './insights';
import type { InsightsQuery } from '../schemas/insights';

export const insightsQueryOptions = (query: InsightsQuery) =>
  queryOptions({
    queryKey: ['insights', query],
    queryFn: ({ signal }) => apiRequest(insightsEndpoints.getInsights, { query, signal }),
  });
