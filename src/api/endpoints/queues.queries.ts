import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { queueEndpoints } from './queues';

/** Queue summaries with counts; triage and review invalidate it when they change an item. */
export const queuesQueryOptions = () =>
  queryOptions({
    queryKey: ['queues'],
    queryFn: ({ signal }) => apiRequest(queueEndpoints.listQueues, { signal }),
    refetchInterval: 30_000,
  });

/** What the signed-in reviewer sent to the supervisors, and how each was resolved. */
export const myEscalationsQueryOptions = () =>
  queryOptions({
    queryKey: ['escalations', 'mine'],
    queryFn: ({ signal }) => apiRequest(queueEndpoints.listMyEscalations, { signal }),
    refetchInterval: 30_000,
  });
