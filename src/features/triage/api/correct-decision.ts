import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { invalidateReviewData } from '../../../api/endpoints/decisions.queries';
import type { CorrectionRequest } from '../../../api/schemas/decision';

/** A supervisor's correction of the item's latest decision. */
export function useCorrectDecision(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CorrectionRequest) =>
      apiRequest(endpoints.correctDecision, { params: { itemId }, body }),
    onSuccess: () => invalidateReviewData(queryClient),
  });
}
