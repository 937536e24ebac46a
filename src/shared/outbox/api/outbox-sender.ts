import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../../../api/api-error';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { invalidateReviewData } from '../../../api/endpoints/decisions.queries';
import { sessionQueryOptions } from '../../../api/endpoints/session.queries';
import {
  afterCheck,
  afterCheckFailure,
  afterFailure,
  isUnsent,
  nextToSend,
  nextWake,
  useOutbox,
} from '../model/outbox';
import type { OutboxEntry } from '../model/outbox-entry';
import { isOutboxKey, removeEntry } from '../model/outbox-storage';
import { decideItem } from './decide-item';
import { undoRecorded } from './undo-decision';

const stateOf = (key: string) => useOutbox.getState().entries.find((e) => e.key === key)?.state;

/** Who is signed in may have changed (a 401, or another user's session): the shell reads it again. */
const recheckSession = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey });

/**
 * One attempt on the entry: sent, or — when an earlier answer could not be read — the item read
 * back to learn whether the server recorded it. `stopped` says this tab stopped sending meanwhile.
 */
async function attempt(entry: OutboxEntry, queryClient: QueryClient, stopped: () => boolean) {
  const { remove, replace } = useOutbox.getState();
  const recorded = async () => {
    const undone = stateOf(entry.key) === 'undone';
    remove(entry.key);
    // Undone while its request was on the way: it reached the server, so take it back there.
    if (undone) await undoRecorded(entry.itemId, entry.key);
    invalidateReviewData(queryClient);
  };
  try {
    if (entry.state === 'checking') {
      const detail = await apiRequest(endpoints.getItem, { params: { itemId: entry.itemId } });
      if (stopped()) return;
      const next = afterCheck(entry, detail, Date.now());
      if (next === null) await recorded();
      else if (stateOf(entry.key) !== 'undone') replace(next);
      return;
    }
    await decideItem(entry.itemId, entry.request);
    if (stopped()) return removeEntry(entry); // recorded: never send it again
    await recorded();
  } catch (error) {
    if (!isApiError(error) || stopped()) return;
    const next =
      entry.state === 'checking'
        ? afterCheckFailure(entry, error, Date.now())
        : afterFailure(entry, error, Date.now());
    if (stateOf(entry.key) === 'undone') {
      // Taken back while on the way: stays undone; an answer that could not be read may hide a
      // recorded decision, which is then taken back on the server.
      if (next.state === 'checking') await recorded();
      return;
    }
    replace(next);
    if (next.state === 'signin') recheckSession(queryClient);
    if (next.state === 'conflict') invalidateReviewData(queryClient);
  }
}

/**
 * Keeps this tab's view of the signed-in user's outbox and, in one tab of this browser at a time
 * (a Web Lock per user), sends it: one decision at a time in the order made, from the moment the
 * user signs in (so decisions kept from an earlier visit go out when the console opens again)
 * until they leave. Only this user's decisions are read or sent, and each names its maker, so the
 * server refuses it under anyone else's session (it then waits for its maker). A 401 keeps the
 * decision and ends the session (the shell asks to sign in again); the browser coming back online
 * retries at once; a decision undone while its request was on the way is taken back on the
 * server; leaving the page with unsent decisions asks first.
 */
export function useOutboxSender(userId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const outbox = useOutbox.getState();
    outbox.load(userId, true);
    const onStorage = (event: StorageEvent) => {
      if (isOutboxKey(event.key)) useOutbox.getState().load(userId);
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
      const { entries } = useOutbox.getState();
      const entry = nextToSend(entries, now);
      if (!entry) {
        const due = nextWake(entries);
        if (due !== null) wake = setTimeout(() => void pump(), due - now);
        return;
      }
      inFlight = entry.key;
      try {
        await attempt(entry, queryClient, stopped);
      } finally {
        inFlight = null;
      }
      void pump();
    };

    const send = () => {
      if (stopped()) return finished;
      useOutbox.getState().load(userId, true); // what other tabs left behind
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
      useOutbox.setState({ entries: [], waitingForOthers: 0 });
    };
  }, [userId, queryClient]);
}
