import { hashKey, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { sessionEndpoints } from './session';

/** Who is signed in. Read by the route guard, the header and every role gate. */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => apiRequest(sessionEndpoints.getSession, { signal }),
    staleTime: Infinity,
  });

/**
 * Drops every cached query but the session's, when the user signs in, out or changes: nothing
 * read for one user is ever shown to another. The session query stays, so its observers (the
 * signed-in shell) see the change.
 */
export function forgetUserData(queryClient: QueryClient) {
  const sessionHash = hashKey(sessionQueryOptions().queryKey);
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== sessionHash });
}
