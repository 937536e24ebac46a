import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { claimEndpoints } from './claims';

/** The analysts and supervisors an item may be handed to (supervisors only). */
export const reviewersQueryOptions = () =>
  queryOptions({
    queryKey: ['reviewers'],
    queryFn: ({ signal }) => apiRequest(claimEndpoints.listReviewers, { signal }),
    staleTime: 5 * 60_000,
  });
