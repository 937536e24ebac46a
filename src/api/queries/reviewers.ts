import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

/** The analysts and supervisors an item may be handed to (supervisors only). */
export const reviewersQueryOptions = () =>
  queryOptions({
    queryKey: ['reviewers'],
    queryFn: ({ signal }) => apiRequest(endpoints.listReviewers, { signal }),
    staleTime: 5 * 60_000,
  });
