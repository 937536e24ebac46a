import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { forgetUserData, sessionQueryOptions } from '../../../api/endpoints/session.queries';
import type { SessionState } from '../../../api/schemas/session';

export const signOut = () => apiRequest(endpoints.signOut, {});

/** Ending a session from this browser: nothing read for the user stays in the cache. */
export function useEndSession(end: () => Promise<SessionState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: end,
    onSuccess: (session) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
    },
  });
}

export const useSignOut = () => useEndSession(signOut);
