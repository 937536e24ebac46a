import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { itemQueryOptions, itemsKey } from '../../../api/queries/items';
import { queuesQueryOptions } from '../../../api/queries/queues';
import type { DecisionRequest } from '../../../api/schemas/decision';
import { useOutbox } from '../model/outbox';

export const decideItem = (itemId: string, body: DecisionRequest) =>
  apiRequest(endpoints.decideItem, { params: { itemId }, body });

const retryDelay = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

/** Sends a decision through the outbox: retried until the server answers, never silently lost. */
export function useDecide() {
  const queryClient = useQueryClient();
  return useCallback(
    (itemId: string, request: DecisionRequest) => {
      const { put, update, remove } = useOutbox.getState();
      const key = request.idempotencyKey;
      const refresh = () => {
        void queryClient.invalidateQueries({ queryKey: itemsKey });
        void queryClient.invalidateQueries({ queryKey: queuesQueryOptions().queryKey });
      };
      const attempt = async (count: number): Promise<void> => {
        try {
          await decideItem(itemId, request);
          remove(key);
          refresh();
        } catch (error) {
          if (!isApiError(error)) throw error;
          if (error.status === 0 || error.status >= 500) {
            update(key, { state: 'retrying', message: error.message });
            setTimeout(() => void attempt(count + 1), retryDelay(count));
          } else if (error.status === 409) {
            update(key, { state: 'conflict', message: error.message });
            void queryClient.invalidateQueries({ queryKey: itemQueryOptions(itemId).queryKey });
            refresh();
          } else {
            update(key, { state: 'rejected', message: error.message });
          }
        }
      };
      put({ key, itemId, request, state: 'sending' });
      void attempt(0);
    },
    [queryClient],
  );
}
