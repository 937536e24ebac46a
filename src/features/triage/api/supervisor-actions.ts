import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { itemsKey } from '../../../api/queries/items';
import { queuesQueryOptions } from '../../../api/queries/queues';
import type { CorrectionRequest, HolderChange } from '../../../api/schemas/decision';

/** After a supervisor changes an item: its detail, the lists and the counts read it again. */
function useRefreshItems() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: itemsKey });
    void queryClient.invalidateQueries({ queryKey: queuesQueryOptions().queryKey });
  };
}

export function useCorrectDecision(itemId: string) {
  const onSuccess = useRefreshItems();
  return useMutation({
    mutationFn: (body: CorrectionRequest) =>
      apiRequest(endpoints.correctDecision, { params: { itemId }, body }),
    onSuccess,
  });
}

export function useChangeHolder(itemId: string) {
  const onSuccess = useRefreshItems();
  return useMutation({
    mutationFn: (body: HolderChange) =>
      apiRequest(endpoints.changeHolder, { params: { itemId }, body }),
    onSuccess,
  });
}

export const useReviewers = () =>
  useQuery({
    queryKey: ['reviewers'],
    queryFn: ({ signal }) => apiRequest(endpoints.listReviewers, { signal }),
    staleTime: 5 * 60_000,
  });
