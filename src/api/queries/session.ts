import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

/** Who is signed in. Read by the route guard, the header and every role gate. */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: ({ signal }) => apiRequest(endpoints.getSession, { signal }),
    staleTime: Infinity,
  });
