import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { wellnessEndpoints } from './wellness';

/** The organisation's wellness defaults: every preview and the settings page read them. */
export const organisationWellnessQueryOptions = () =>
  queryOptions({
    queryKey: ['settings', 'organisation-wellness'],
    queryFn: ({ signal }) => apiRequest(wellnessEndpoints.getOrganisationWellness, { signal }),
    // Changed rarely, by an administrator: re-read every few minutes is soon enough.
    staleTime: 5 * 60_000,
  });

/** Every query of one person's shift, whatever the shift length: what a reveal's end refreshes. */
export const exposureShiftKey = (userId: string) => ['exposure-shift', userId] as const;

/**
 * The person's running shift as the server counts it: every reveal it recorded, in any browser or
 * session (docs/decisions/0010-exposure-shift-on-the-server.md). Re-read every minute while
 * shown, so another browser's reveals arrive here too.
 */
export const exposureShiftQueryOptions = (userId: string, shiftHours: number) =>
  queryOptions({
    queryKey: [...exposureShiftKey(userId), shiftHours],
    queryFn: ({ signal }) =>
      apiRequest(wellnessEndpoints.getExposureShift, {
        params: { userId },
        query: { shiftHours },
        signal,
      }),
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
