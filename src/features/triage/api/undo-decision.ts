import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { UNDO_OFFER_SECONDS } from '../../../domain/review-rules';
import { useOutbox } from '../model/outbox';
import { useRecentDecision } from '../model/recent-decision';

/** Takes back a decision the server has recorded, and says how it went. */
export async function undoRecorded(itemId: string, decisionId: string) {
  try {
    await apiRequest(endpoints.undoDecision, { params: { itemId, decisionId } });
    useRecentDecision.getState().settled({ itemId, ok: true });
  } catch (error) {
    const message = isApiError(error) ? error.message : 'the request failed';
    useRecentDecision.getState().settled({ itemId, ok: false, message });
  }
}

/**
 * Undo the reviewer's last decision while it is offered: one still in the outbox is simply never
 * sent (if its request is already on the way, the sender takes it back once it lands); one the
 * server has is taken back there. Returns whether there was anything to undo.
 */
export function undoLastDecision(now = Date.now()): boolean {
  const { last, settled } = useRecentDecision.getState();
  if (!last || now - last.madeAt > UNDO_OFFER_SECONDS * 1000) return false;
  const outbox = useOutbox.getState();
  if (outbox.entries.some((e) => e.key === last.key)) {
    outbox.remove(last.key);
    settled({ itemId: last.itemId, ok: true });
  } else if (last.decisionId) void undoRecorded(last.itemId, last.decisionId);
  return true;
}
