import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { useOutbox } from '../model/outbox';
import { undoOffered, useRecentDecision } from '../model/recent-decision';

/** Takes back a decision the server has recorded, by the key it was sent with; says how it went. */
export async function undoRecorded(itemId: string, idempotencyKey: string) {
  try {
    await apiRequest(endpoints.undoDecision, { params: { itemId }, body: { idempotencyKey } });
    useRecentDecision.getState().settled({ itemId, ok: true });
  } catch (error) {
    const message = isApiError(error) ? error.message : 'the request failed';
    useRecentDecision.getState().settled({ itemId, ok: false, message });
  }
}

/**
 * Undo the reviewer's last decision while it is offered: one still in the outbox is marked undone
 * and never sent (if its request is already on the way, the sender takes it back once it lands);
 * one the server has — whichever tab sent it, or whose answer could not be read — is taken back
 * there. Returns whether there was anything to undo.
 */
export function undoLastDecision(now = Date.now()): boolean {
  const { last, settled } = useRecentDecision.getState();
  if (!undoOffered(last, now)) return false;
  useRecentDecision.setState({ last: null }); // one undo per decision, however often it is asked
  const outbox = useOutbox.getState();
  const entry = outbox.entries.find((e) => e.key === last.key);
  if (entry?.state === 'checking') {
    // The server answered, unreadably: it most likely has the decision, so take it back there.
    outbox.remove(last.key);
    void undoRecorded(last.itemId, last.key);
  } else if (entry && entry.state !== 'conflict' && entry.state !== 'rejected') {
    outbox.undo(last.key);
    settled({ itemId: last.itemId, ok: true });
  } else if (!entry) void undoRecorded(last.itemId, last.key);
  return true;
}
