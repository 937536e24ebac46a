import { create } from 'zustand';
import type { DecisionRequest, Verdict } from '../../../api/schemas/decision';
import * as storage from './outbox-storage';

/**
 * Every decision goes through this outbox: applied optimistically (the list row and the item show
 * it), kept in this browser until the server has it, and sent in the order made, each with its own
 * idempotency key so a resend is recorded once. `sending` waits for (or is in) its attempt;
 * `retrying` after a network failure or 5xx, sent again after a backoff or when the browser is
 * back online; `signin` after a 401, sent once the same user signs in again; `conflict` after a
 * 409 (nothing was overwritten); `rejected` after any other refusal — notices the analyst
 * dismisses; `undone` when the analyst took it back before the server had it: never sent, and
 * taken back on the server if its request was already on the way. Entries hold the decision only:
 * no media, no media URL.
 */
export interface OutboxEntry {
  key: string;
  userId: string;
  itemId: string;
  request: DecisionRequest;
  /** When the decision was made (ms since the epoch): the sending order. */
  madeAt: number;
  state: 'sending' | 'retrying' | 'signin' | 'conflict' | 'rejected' | 'undone';
  /** Failed attempts so far. */
  attempts: number;
  /** Not before this instant (ms since the epoch), when retrying. */
  retryAt?: number;
  message?: string;
}

export const isUnsent = (entry: OutboxEntry) =>
  entry.state === 'sending' || entry.state === 'retrying' || entry.state === 'signin';

/** Backoff after the n-th failed attempt (0-based): 1 s, 2 s, 4 s … at most 30 s. */
export const retryDelay = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

/**
 * The entry to send now, or null: the oldest unsent one, in the order made. A later decision
 * waits behind an earlier one that is waiting to retry, so they reach the server in order.
 */
export function nextToSend(entries: readonly OutboxEntry[], now: number): OutboxEntry | null {
  const head = entries
    .filter((e) => e.state === 'sending' || e.state === 'retrying')
    .reduce<OutboxEntry | null>((a, e) => (a === null || e.madeAt < a.madeAt ? e : a), null);
  if (!head) return null;
  return head.state === 'sending' || (head.retryAt ?? 0) <= now ? head : null;
}

/** What a failed attempt makes of the entry, by the HTTP status (0: no answer). */
export function afterFailure(
  entry: OutboxEntry,
  status: number,
  message: string,
  now: number,
): OutboxEntry {
  if (status === 0 || status >= 500) {
    return {
      ...entry,
      state: 'retrying',
      attempts: entry.attempts + 1,
      retryAt: now + retryDelay(entry.attempts),
      message,
    };
  }
  if (status === 401) return { ...entry, state: 'signin', message };
  return { ...entry, state: status === 409 ? 'conflict' : 'rejected', message };
}

/**
 * The verdict on its way to the server for an item — shown as if made, and blocking a second
 * decision — or null. A refused decision (conflict, rejected) is no longer applied: rolled back.
 */
export function sendingVerdict(entries: readonly OutboxEntry[], itemId: string): Verdict | null {
  const entry = entries.findLast((e) => e.itemId === itemId && isUnsent(e));
  return entry?.request.verdict ?? null;
}

interface Outbox {
  /** The signed-in user's entries, oldest first. */
  entries: OutboxEntry[];
  /** Read the user's entries from this browser; any waiting for a sign-in are sent again. */
  load: (userId: string) => void;
  put: (entry: OutboxEntry) => void;
  replace: (entry: OutboxEntry) => void;
  remove: (key: string) => void;
  /** Send what waits for a retry now (the browser came back online). */
  retryNow: () => void;
  /** Take back a decision not yet recorded (a tombstone the sender clears). */
  undo: (key: string) => void;
  /** Forget the undone decisions (the sender, when none of them is on its way). */
  clearUndone: () => void;
}

const byMadeAt = (a: OutboxEntry, b: OutboxEntry) => a.madeAt - b.madeAt;

export const useOutbox = create<Outbox>()((set, get) => ({
  entries: [],
  load: (userId) => {
    const entries = storage
      .readEntries(userId)
      .map((e) => (e.state === 'signin' ? { ...e, state: 'sending' as const } : e));
    for (const entry of entries) storage.writeEntry(entry);
    set({ entries: entries.sort(byMadeAt) });
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
  retryNow: () => {
    for (const entry of get().entries)
      if (entry.state === 'retrying') get().replace({ ...entry, retryAt: 0 });
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
}));

export const useSendingVerdict = (itemId: string) =>
  useOutbox((outbox) => sendingVerdict(outbox.entries, itemId));
