import { useCallback } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import type { DecisionDraft, DecisionRequest } from '../../../api/schemas/decision';
import { useOutbox } from '../model/outbox';
import { useRecentDecision } from '../model/recent-decision';

export const decideItem = (itemId: string, body: DecisionRequest) =>
  apiRequest(endpoints.decideItem, { params: { itemId }, body });

/**
 * Puts a decision in the signed-in user's outbox, made by them (the request says so), which shows
 * it at once and sends it (`useOutboxSender`): retried until the server answers, never silently
 * lost, and only ever in its maker's session. Unless it is a second review (made knowing, once
 * decided, what the first was), the reviewer may undo it for a few seconds.
 */
export function useDecide(userId: string) {
  return useCallback(
    (itemId: string, draft: DecisionDraft, undoable: boolean) => {
      const request = { ...draft, madeBy: userId };
      const made = { key: request.idempotencyKey, itemId, madeAt: Date.now() };
      useOutbox
        .getState()
        .put({ ...made, version: 2, userId, request, state: 'sending', attempts: 0 });
      if (undoable) useRecentDecision.getState().made({ ...made, verdict: request.verdict });
    },
    [userId],
  );
}
