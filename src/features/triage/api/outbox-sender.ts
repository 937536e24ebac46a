import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../../../api/api-error';
import { itemsKey } from '../../../api/queries/items';
import { queuesQueryOptions } from '../../../api/queries/queues';
import { sessionQueryOptions } from '../../../api/queries/session';
import { afterFailure, isUnsent, nextToSend, useOutbox } from '../model/outbox';
import { isOutboxKey } from '../model/outbox-storage';
import { useRecentDecision } from '../model/recent-decision';
import { decideItem } from './decide-item';
import { undoRecorded } from './undo-decision';

/**
 * Sends the signed-in user's outbox, one decision at a time in the order made, from the moment
 * they sign in (so decisions kept from an earlier visit go out when the console opens again) until
 * they leave. Only this user's decisions are ever read or sent. A 401 keeps the decision and ends
 * the session (the shell asks to sign in again); the browser coming back online retries at once;
 * decisions another tab of this browser made are picked up; leaving the page with unsent
 * decisions asks first.
 */
export function useOutboxSender(userId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const outbox = useOutbox.getState();
    outbox.load(userId);
    outbox.retryNow(); // a console opened again tries what waited at once
    let stopped = false;
    let inFlight = false;
    let wake: ReturnType<typeof setTimeout> | undefined;

    const refresh = () => {
      for (const queryKey of [itemsKey, queuesQueryOptions().queryKey, ['escalations']])
        void queryClient.invalidateQueries({ queryKey });
    };
    const pump = async () => {
      if (stopped || inFlight) return;
      clearTimeout(wake);
      const now = Date.now();
      const { entries, remove, replace } = useOutbox.getState();
      const entry = nextToSend(entries, now);
      if (!entry) {
        const retryAt = entries.find((e) => e.state === 'retrying')?.retryAt;
        if (retryAt !== undefined) wake = setTimeout(() => void pump(), retryAt - now);
        return;
      }
      inFlight = true;
      try {
        const { decision } = await decideItem(entry.itemId, entry.request);
        const undoneMeanwhile = !useOutbox.getState().entries.some((e) => e.key === entry.key);
        remove(entry.key);
        // Undone while its request was on the way: it reached the server, so take it back there.
        if (undoneMeanwhile) await undoRecorded(entry.itemId, decision.id);
        else useRecentDecision.getState().recorded(entry.key, decision.id);
        refresh();
      } catch (error) {
        if (!isApiError(error)) throw error;
        replace(afterFailure(entry, error.status, error.message, Date.now()));
        if (error.status === 401)
          void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey });
        if (error.status === 409) refresh();
      } finally {
        inFlight = false;
      }
      void pump();
    };

    const unsubscribe = useOutbox.subscribe(() => void pump());
    const onOnline = () => useOutbox.getState().retryNow();
    const onStorage = (event: StorageEvent) => {
      if (isOutboxKey(event.key, userId)) useOutbox.getState().load(userId);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useOutbox.getState().entries.some(isUnsent)) event.preventDefault();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('storage', onStorage);
    window.addEventListener('beforeunload', onBeforeUnload);
    void pump();
    return () => {
      stopped = true;
      clearTimeout(wake);
      unsubscribe();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('beforeunload', onBeforeUnload);
      useOutbox.setState({ entries: [] });
    };
  }, [userId, queryClient]);
}
