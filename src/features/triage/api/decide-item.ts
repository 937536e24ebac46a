import { useCallback } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { DecisionRequest } from '../../../api/schemas/decision';
import { useOutbox } from '../model/outbox';
import { useRecentDecision } from '../model/recent-decision';

export const decideItem = (itemId: string, body: DecisionRequest) =>
  apiRequest(endpoints.decideItem, { params: { itemId }, body });

/**
 * Puts a decision in the signed-in user's outbox, which shows it at once and sends it
 * (`useOutboxSender`): retried until the server answers, never silently lost. Unless it is a
 * second review (made knowing, once decided, what the first was), the reviewer may undo it for a
 * few seconds.
 */
export function useDecide(userId: string) {
  return useCallback(
    (itemId: string, request: DecisionRequest, undoable: boolean) => {
      const made = { key: request.idempotencyKey, itemId, madeAt: Date.now() };
      useOutbox.getState().put({ ...made, userId, request, state: 'sending', attempts: 0 });
      if (undoable) useRecentDecision.getState().made({ ...made, verdict: request.verdict });
    },
    [userId],
  );
}
