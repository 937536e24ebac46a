import type { StoreApi } from 'zustand';
import { isApiError } from '../../../api/api-error';
import type { DecisionRequest } from '../../../api/schemas/decision';
import type { Clock } from '../../../lib/clock';
import type { ExclusiveLock } from '../../../lib/exclusive-lock';
import type { PageEvents } from '../../../lib/page-events';
import {
  afterCheckFailure,
  afterFailure,
  afterReadBack,
  nextToSend,
  nextWake,
  type Outbox,
} from './outbox';
import type { OutboxEntry } from './outbox-entry';
import { isOutboxKey } from './outbox-storage';

/** The server as the sender uses it. Each call throws an `ApiError` when it fails. */
export interface OutboxServer {
  /** Sends a decision; resolves once the server has recorded it. */
  send: (itemId: string, request: DecisionRequest) => Promise<unknown>;
  /** Reads the item back: whether the server holds this entry's decision. */
  isRecorded: (entry: OutboxEntry) => Promise<boolean>;
  /** Takes back a decision the server recorded, by its key; never throws (says how it went). */
  takeBack: (itemId: string, idempotencyKey: string) => Promise<void>;
}

export interface OutboxSenderDeps {
  userId: string;
  /** This tab's outbox. */
  outbox: StoreApi<Outbox>;
  server: OutboxServer;
  /** One sender per user across this browser's tabs: the others wait to take over. */
  lock: ExclusiveLock;
  clock: Clock;
  /**
   * Runs a task once the next frame is painted (`lib/after-paint.ts`); returns its cancel. A
   * decision just made is sent after the screen it changed: the next item is painted first.
   */
  afterPaint: (task: () => void) => () => void;
  page: Pick<PageEvents, 'on' | 'onStorage'>;
  /** What the server's answers mean for the rest of the console. */
  told: {
    /** The server recorded a decision (or took one back): what is shown may change. */
    recorded: () => void;
    /** A 401, or another user's session: who is signed in may have changed. */
    signInNeeded: () => void;
    /** A 409: the item changed under the decision. */
    conflict: () => void;
  };
}

/**
 * Keeps this tab's view of the user's outbox (their entries, read again when another tab changes
 * them) and, while this tab holds the user's lock, sends it: one decision at a time in the order
 * made, each with its idempotency key. No answer or a 5xx is retried with a backoff and at once
 * when the network is back; an answer that could not be read is checked with the server (read
 * back) before anything is sent again; a 401 waits for a sign-in; a decision undone while its
 * request was on the way is taken back on the server. `stop` (sign-out, another user, the tab
 * leaving) gives up waiting for the lock or ends the sending it holds; an answer that arrives
 * after it changes nothing but this browser's storage (a recorded decision is never sent again).
 */
export function startOutboxSender(deps: OutboxSenderDeps): { stop: () => void } {
  const { userId, outbox, server, lock, clock, afterPaint, page, told } = deps;
  const stateOf = (key: string) => outbox.getState().entries.find((e) => e.key === key)?.state;

  outbox.getState().load(userId, true);
  const unsubscribeStorage = page.onStorage((key) => {
    if (isOutboxKey(key)) outbox.getState().load(userId);
  });

  const stop = new AbortController();
  const stopped = () => stop.signal.aborted;
  const finished = new Promise<void>((resolve) =>
    stop.signal.addEventListener('abort', () => resolve()),
  );
  let inFlight: string | null = null;
  let wake: number | undefined;
  let cancelPaintWait: () => void = () => undefined;

  /** One attempt on the entry: sent, or — its outcome unknown — the item read back. */
  async function attempt(entry: OutboxEntry) {
    const { remove, replace } = outbox.getState();
    const recorded = async () => {
      const undone = stateOf(entry.key) === 'undone';
      remove(entry.key);
      // Undone while its request was on the way: it reached the server, so take it back there.
      if (undone) await server.takeBack(entry.itemId, entry.key);
      told.recorded();
    };
    try {
      if (entry.state === 'checking') {
        const found = await server.isRecorded(entry);
        if (stopped()) return;
        const next = afterReadBack(entry, found, clock.now());
        if (next === null) await recorded();
        else if (stateOf(entry.key) !== 'undone') replace(next);
        return;
      }
      await server.send(entry.itemId, entry.request);
      if (stopped()) return outbox.getState().forget(entry); // recorded: never send it again
      await recorded();
    } catch (error) {
      if (!isApiError(error) || stopped()) return;
      const next =
        entry.state === 'checking'
          ? afterCheckFailure(entry, error, clock.now())
          : afterFailure(entry, error, clock.now());
      if (stateOf(entry.key) === 'undone') {
        // Taken back while on the way: stays undone; an answer that could not be read may hide a
        // recorded decision, which is then taken back on the server.
        if (next.state === 'checking') await recorded();
        return;
      }
      replace(next);
      if (next.state === 'signin') told.signInNeeded();
      if (next.state === 'conflict') told.conflict();
    }
  }

  const pump = async () => {
    if (stopped() || inFlight) return;
    clock.clearTimeout(wake);
    outbox.getState().clearUndone(); // a change: may already have pumped, re-entrantly
    if (inFlight) return;
    const now = clock.now();
    const { entries } = outbox.getState();
    const entry = nextToSend(entries, now);
    if (!entry) {
      const due = nextWake(entries);
      if (due !== null) wake = clock.setTimeout(() => void pump(), due - now);
      return;
    }
    inFlight = entry.key;
    try {
      await attempt(entry);
    } finally {
      inFlight = null;
    }
    void pump();
  };

  /** Sends while this tab holds the lock: until `stop`. */
  const send = () => {
    if (stopped()) return finished;
    outbox.getState().load(userId, true); // what other tabs left behind
    outbox.getState().retryNow(); // a console opened again tries what waited at once
    const unsubscribe = outbox.subscribe(() => {
      cancelPaintWait();
      cancelPaintWait = afterPaint(() => void pump());
    });
    const unsubscribeOnline = page.on('online', () => outbox.getState().retryNow());
    void pump();
    return finished.then(() => {
      unsubscribe();
      unsubscribeOnline();
    });
  };
  lock.run(`verity.outbox:${userId}`, stop.signal, send).catch(() => undefined);

  return {
    stop: () => {
      stop.abort();
      clock.clearTimeout(wake);
      cancelPaintWait();
      unsubscribeStorage();
      outbox.setState({ entries: [], waitingForOthers: 0 });
    },
  };
}
