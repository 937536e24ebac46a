import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { invalidateReviewData } from '../../../api/endpoints/decisions.queries';
import type { HolderChange } from '../../../api/schemas/decision';

/** A supervisor releases an item someone holds, or hands it to another reviewer. */
export function useChangeHolder(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HolderChange) =>
      apiRequest(endpoints.changeHolder, { params: { itemId }, body }),
    onSuccess: () => invalidateReviewData(queryClient),
  });
}
