import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

/** The organisation's wellness defaults: every preview and the settings page read them. */
export const organisationWellnessQueryOptions = () =>
  queryOptions({
    queryKey: ['settings', 'organisation-wellness'],
    queryFn: ({ signal }) => apiRequest(endpoints.getOrganisationWellness, { signal }),
    // Changed rarely, by an administrator: re-read every few minutes is soon enough.
    staleTime: 5 * 60_000,
  });
