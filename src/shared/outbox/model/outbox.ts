import { create, type StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ApiError } from '../../../api/api-error';
import type { ItemDetail, Verdict } from '../../../api/schemas/decision';
import type { KeyValueStorage } from '../../../lib/key-value-storage';
import type { OutboxEntry } from './outbox-entry';
import { browserOutboxStorage, outboxStorage, type OutboxStorage } from './outbox-storage';

/**
 * Every decision goes through this outbox: applied optimistically (the list row and the item show
 * it), kept in this browser until the server has it, and sent in the order made, each with its own
 * idempotency key so a resend is recorded once. The states are described at `OutboxEntry`.
 */
export const isUnsent = (entry: OutboxEntry) =>
  entry.state === 'sending' ||
  entry.state === 'retrying' ||
  entry.state === 'checking' ||
  entry.state === 'signin';

/** Backoff after the n-th failed attempt (0-based): 1 s, 2 s, 4 s … at most 30 s. */
export const retryDelay = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

/** Unsent and not waiting for a sign-in: in the sending queue. */
export const isQueued = (e: OutboxEntry) =>
  e.state === 'sending' || e.state === 'retrying' || e.state === 'checking';

/** The oldest unsent entry that is not waiting for a sign-in: the one to act on next. */
const queueHead = (entries: readonly OutboxEntry[]) =>
  entries
    .filter(isQueued)
    .reduce<OutboxEntry | null>((a, e) => (a === null || e.madeAt < a.madeAt ? e : a), null);

/**
 * The entry to act on now, or null: the oldest unsent one, in the order made (a `checking` entry
 * is checked, the others sent). A later decision waits behind an earlier one that is waiting to
 * retry or to be checked, so they reach the server in order.
 */
export function nextToSend(entries: readonly OutboxEntry[], now: number): OutboxEntry | null {
  const head = queueHead(entries);
  if (!head) return null;
  return head.state === 'sending' || (head.retryAt ?? 0) <= now ? head : null;
}

/** When the entry at the head of the queue is due (ms since the epoch), or null: none waits. */
export const nextWake = (entries: readonly OutboxEntry[]): number | null => {
  const head = queueHead(entries);
  return head && head.state !== 'sending' ? (head.retryAt ?? null) : null;
};

type Failure = Pick<ApiError, 'status' | 'code' | 'message'>;

/** Tried again after a backoff, in the given state. */
const later = (
  entry: OutboxEntry,
  state: 'retrying' | 'checking',
  message: string,
  now: number,
): OutboxEntry => ({
  ...entry,
  state,
  attempts: entry.attempts + 1,
  retryAt: now + retryDelay(entry.attempts),
  message,
});

/**
 * What a failed attempt to send makes of the entry. Only a definite refusal — a 4xx with the
 * server's reason — ends it. No answer, a 5xx, a 408/425/429 or a 4xx that is not the server's
 * word is retried with the same key (a decision the server recorded meanwhile comes back as
 * recorded); a success that could not be read leaves the outcome unknown, so the server is asked
 * (`checking`). A 401, or a session that is not the maker's, waits for the maker to sign in again.
 */
export function afterFailure(entry: OutboxEntry, failure: Failure, now: number): OutboxEntry {
  const { status, code, message } = failure;
  if (status < 300 && status !== 0)
    return { ...entry, state: 'checking', attempts: entry.attempts + 1, retryAt: now, message };
  if (status === 401 || code === 'maker_mismatch') return { ...entry, state: 'signin', message };
  if (isRefusal(failure))
    return { ...entry, state: status === 409 ? 'conflict' : 'rejected', message };
  return later(entry, 'retrying', message, now);
}

/** Statuses that ask to try again later, not refusals of the decision. */
const TRY_LATER = new Set([408, 425, 429]);

/**
 * A definite refusal: a 4xx that gives the server's reason in the contract's error shape (the
 * client names any other by its status, `http_<status>`: a proxy's page, not the server's word).
 */
const isRefusal = ({ status, code }: Failure) =>
  status >= 400 && status < 500 && !TRY_LATER.has(status) && !code.startsWith('http_');

/** Whether the item, read back from the server, holds this entry's decision. */
export const isRecordedIn = (detail: ItemDetail, entry: OutboxEntry) =>
  detail.decisions.some(
    (d) =>
      d.actor.id === entry.userId &&
      d.itemVersion === entry.request.itemVersion &&
      d.verdict.kind === entry.request.verdict.kind,
  );

/**
 * What the server's answer makes of a `checking` entry: recorded → null (done); not recorded →
 * sent again with the same key after a backoff (the server then records it once, or says why
 * not).
 */
export const afterReadBack = (
  entry: OutboxEntry,
  recorded: boolean,
  now: number,
): OutboxEntry | null =>
  recorded ? null : { ...entry, state: 'retrying', retryAt: now + retryDelay(entry.attempts) };

/** What reading the item back makes of a `checking` entry (`afterReadBack`). */
export const afterCheck = (entry: OutboxEntry, detail: ItemDetail, now: number) =>
  afterReadBack(entry, isRecordedIn(detail, entry), now);

/** What a failed read-back makes of a `checking` entry: still unknown, checked again later. */
export function afterCheckFailure(entry: OutboxEntry, failure: Failure, now: number) {
  if (failure.status === 401)
    return { ...entry, state: 'signin' as const, message: failure.message };
  if (failure.status === 404)
    return { ...entry, state: 'rejected' as const, message: failure.message };
  return later(entry, 'checking', failure.message, now);
}

/**
 * The verdict on its way to the server for an item — shown as if made, and blocking a second
 * decision — or null. A refused decision (conflict, rejected) is no longer applied: rolled back.
 */
export function sendingVerdict(entries: readonly OutboxEntry[], itemId: string): Verdict | null {
  const entry = entries.findLast((e) => e.itemId === itemId && isUnsent(e));
  return entry?.request.verdict ?? null;
}

export interface Outbox {
  /** The signed-in user's entries, oldest first. */
  entries: OutboxEntry[];
  /** How many unsent decisions other users left in this browser (their content is theirs). */
  waitingForOthers: number;
  /**
   * Read the user's entries from this browser. `resume`: the user is (again) signed in here, so
   * entries waiting for their sign-in are sent again — on opening the console, not on every
   * change another tab makes.
   */
  load: (userId: string, resume?: boolean) => void;
  put: (entry: OutboxEntry) => void;
  replace: (entry: OutboxEntry) => void;
  remove: (key: string) => void;
  /** Take the entry out of this browser's storage only: recorded after this tab stopped sending. */
  forget: (entry: OutboxEntry) => void;
  /** Send what waits for a retry now (the browser came back online). */
  retryNow: () => void;
  /** Take back a decision not yet recorded (a tombstone the sender clears). */
  undo: (key: string) => void;
  /** Forget the undone decisions (the sender, when none of them is on its way). */
  clearUndone: () => void;
}

const byMadeAt = (a: OutboxEntry, b: OutboxEntry) => a.madeAt - b.madeAt;

/** The outbox kept in `storage` (this browser's localStorage; a map in a unit test). */
const outboxState =
  (storage: OutboxStorage): StateCreator<Outbox> =>
  (set, get) => ({
    entries: [],
    waitingForOthers: 0,
    load: (userId, resume = false) => {
      const stored = storage.readEntries(userId);
      const entries = resume
        ? stored.map((e) => (e.state === 'signin' ? { ...e, state: 'sending' as const } : e))
        : stored;
      if (resume) for (const entry of entries) storage.writeEntry(entry);
      set({
        entries: entries.sort(byMadeAt),
        waitingForOthers: storage.countWaitingForOthers(userId, isUnsent),
      });
    },
    put: (entry) => {
      storage.writeEntry(entry);
      set({ entries: [...get().entries, entry].sort(byMadeAt) });
    },
    replace: (entry) => {
      if (!get().entries.some((e) => e.key === entry.key)) return;
      storage.writeEntry(entry);
      set({ entries: get().entries.map((e) => (e.key === entry.key ? entry : e)) });
    },
    remove: (key) => {
      const entry = get().entries.find((e) => e.key === key);
      if (entry) storage.removeEntry(entry);
      set({ entries: get().entries.filter((e) => e.key !== key) });
    },
    forget: (entry) => storage.removeEntry(entry),
    retryNow: () => {
      for (const entry of get().entries)
        if (entry.state === 'retrying' || entry.state === 'checking')
          get().replace({ ...entry, retryAt: 0 });
    },
    undo: (key) => {
      const entry = get().entries.find((e) => e.key === key);
      if (entry) get().replace({ ...entry, state: 'undone' });
    },
    clearUndone: () => {
      const undone = get().entries.filter((e) => e.state === 'undone');
      if (undone.length === 0) return;
      for (const entry of undone) storage.removeEntry(entry);
      set({ entries: get().entries.filter((e) => e.state !== 'undone') });
    },
  });

/** One tab's outbox over `storage`, for a unit test (two of them over one storage: two tabs). */
export const createOutbox = (storage: KeyValueStorage) =>
  createStore<Outbox>()(outboxState(outboxStorage(storage)));

/** This tab's outbox, in this browser's localStorage. */
export const useOutbox = create<Outbox>()(outboxState(browserOutboxStorage));

export const useSendingVerdict = (itemId: string) =>
  useOutbox((outbox) => sendingVerdict(outbox.entries, itemId));
