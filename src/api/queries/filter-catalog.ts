import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

/** The suppliers and rules to filter by; they change rarely. */
export const filterCatalogQueryOptions = () =>
  queryOptions({
    queryKey: ['filter-catalog'],
    queryFn: ({ signal }) => apiRequest(endpoints.getFilterCatalog, { signal }),
    staleTime: 10 * 60_000,
  });
