import { useCallback } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { DecisionRequest } from '../../../api/schemas/decision';
import { useOutbox } from '../model/outbox';

export const decideItem = (itemId: string, body: DecisionRequest) =>
  apiRequest(endpoints.decideItem, { params: { itemId }, body });

/**
 * Puts a decision in the signed-in user's outbox, which shows it at once and sends it
 * (`useOutboxSender`): retried until the server answers, never silently lost.
 */
export function useDecide(userId: string) {
  return useCallback(
    (itemId: string, request: DecisionRequest) =>
      useOutbox.getState().put({
        key: request.idempotencyKey,
        userId,
        itemId,
        request,
        madeAt: Date.now(),
        state: 'sending',
        attempts: 0,
      }),
    [userId],
  );
}
