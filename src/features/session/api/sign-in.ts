import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { forgetUserData, sessionQueryOptions } from '../../../api/endpoints/session.queries';

export const signIn = (userId: string) => apiRequest(endpoints.signIn, { body: { userId } });

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
    },
  });
}
