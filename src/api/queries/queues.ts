import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

/** Queue summaries with counts; triage and review invalidate it when they change an item. */
export const queuesQueryOptions = () =>
  queryOptions({
    queryKey: ['queues'],
    queryFn: ({ signal }) => apiRequest(endpoints.listQueues, { signal }),
    refetchInterval: 30_000,
  });
