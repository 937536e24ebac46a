import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { invalidateReviewData } from '../../../api/endpoints/decisions.queries';
import type { ClusterDecisionRequest } from '../../../api/schemas/cluster';

/** One verdict for an item and its cluster: the server decides each item on its own. */
export function useDecideCluster(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClusterDecisionRequest) =>
      apiRequest(endpoints.decideCluster, { params: { itemId }, body }),
    onSettled: () => invalidateReviewData(queryClient),
  });
}
