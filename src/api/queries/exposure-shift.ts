import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';

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
      apiRequest(endpoints.getExposureShift, {
        params: { userId },
        query: { shiftHours },
        signal,
      }),
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
