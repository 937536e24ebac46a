import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

/** One item with its decisions. Reading it is an audited view on the server. */
export const itemQueryOptions = (itemId: string) =>
  queryOptions({
    queryKey: ['items', itemId],
    queryFn: ({ signal }) => apiRequest(endpoints.getItem, { params: { itemId }, signal }),
    staleTime: 60_000,
  });
