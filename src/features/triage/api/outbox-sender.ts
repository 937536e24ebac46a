import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../../../api/api-error';
import { invalidateReviewData } from '../../../api/queries/review-data';
import { sessionQueryOptions } from '../../../api/queries/session';
import { afterFailure, isUnsent, nextToSend, useOutbox } from '../model/outbox';
import { isOutboxKey, removeEntry } from '../model/outbox-storage';
import { decideItem } from './decide-item';
import { undoRecorded } from './undo-decision';

/**
 * Keeps this tab's view of the signed-in user's outbox and, in one tab of this browser at a time
 * (a Web Lock per user), sends it: one decision at a time in the order made, from the moment the
 * user signs in (so decisions kept from an earlier visit go out when the console opens again)
 * until they leave. Only this user's decisions are read or sent. A 401 keeps the decision and ends
 * the session (the shell asks to sign in again); the browser coming back online retries at once;
 * a decision undone while its request was on the way is taken back on the server; leaving the
 * page with unsent decisions asks first.
 */
export function useOutboxSender(userId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const outbox = useOutbox.getState();
    outbox.load(userId);
    const onStorage = (event: StorageEvent) => {
      if (isOutboxKey(event.key, userId)) useOutbox.getState().load(userId);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useOutbox.getState().entries.some(isUnsent)) event.preventDefault();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('beforeunload', onBeforeUnload);

    // Aborted when this tab leaves: gives up waiting for the lock, or ends the sending it holds.
    const stop = new AbortController();
    const stopped = () => stop.signal.aborted;
    let inFlight: string | null = null;
    let wake: ReturnType<typeof setTimeout> | undefined;
    const finished = new Promise<void>((resolve) =>
      stop.signal.addEventListener('abort', () => resolve()),
    );

    const pump = async () => {
      if (stopped() || inFlight) return;
      clearTimeout(wake);
      useOutbox.getState().clearUndone(); // a change: may already have pumped, re-entrantly
      if (inFlight) return;
      const now = Date.now();
      const { entries, remove, replace } = useOutbox.getState();
      const entry = nextToSend(entries, now);
      if (!entry) {
        const retryAt = entries.find((e) => e.state === 'retrying')?.retryAt;
        if (retryAt !== undefined) wake = setTimeout(() => void pump(), retryAt - now);
        return;
      }
      inFlight = entry.key;
      try {
        await decideItem(entry.itemId, entry.request);
        if (stopped()) return removeEntry(entry); // recorded: never send it again
        const undone = useOutbox.getState().entries.find((e) => e.key === entry.key)?.state;
        remove(entry.key);
        // Undone while its request was on the way: it reached the server, so take it back there.
        if (undone === 'undone') await undoRecorded(entry.itemId, entry.key);
        invalidateReviewData(queryClient);
      } catch (error) {
        if (!isApiError(error) || stopped()) return;
        replace(afterFailure(entry, error.status, error.message, Date.now()));
        if (error.status === 401)
          void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey });
        if (error.status === 409) invalidateReviewData(queryClient);
      } finally {
        inFlight = null;
      }
      void pump();
    };

    const send = () => {
      if (stopped()) return finished;
      useOutbox.getState().load(userId); // what other tabs left behind
      useOutbox.getState().retryNow(); // a console opened again tries what waited at once
      const unsubscribe = useOutbox.subscribe(() => void pump());
      const onOnline = () => useOutbox.getState().retryNow();
      window.addEventListener('online', onOnline);
      void pump();
      return finished.then(() => {
        unsubscribe();
        window.removeEventListener('online', onOnline);
      });
    };
    // One sender per user across this browser's tabs; the others wait to take over.
    if ('locks' in navigator)
      navigator.locks
        .request(`verity.outbox:${userId}`, { signal: stop.signal }, send)
        .catch(() => undefined);
    else void send();

    return () => {
      stop.abort();
      clearTimeout(wake);
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('beforeunload', onBeforeUnload);
      useOutbox.setState({ entries: [] });
    };
  }, [userId, queryClient]);
}
