import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

/** What the signed-in reviewer sent to the supervisors, and how each was resolved. */
export const myEscalationsQueryOptions = () =>
  queryOptions({
    queryKey: ['escalations', 'mine'],
    queryFn: ({ signal }) => apiRequest(endpoints.listMyEscalations, { signal }),
    refetchInterval: 30_000,
  });
