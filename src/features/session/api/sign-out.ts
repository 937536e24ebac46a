import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { forgetUserData, sessionQueryOptions } from '../../../api/queries/session';

export const signOut = () => apiRequest(endpoints.signOut, {});

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: (session) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
    },
  });
}
