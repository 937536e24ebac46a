import { create } from 'zustand';
import type { DecisionRequest, Verdict } from '../../../api/schemas/decision';

/**
 * Every decision goes through this outbox: applied optimistically (the list row and the item show
 * it) until the server has it. `retrying` after a
 * network failure or 5xx (sent again by itself), `conflict` after a 409 (the item changed or was
 * decided by someone else; nothing was overwritten), `rejected` after any other refusal.
 * In memory for now: the review workflow makes it durable across reloads.
 */
export interface OutboxEntry {
  key: string;
  itemId: string;
  request: DecisionRequest;
  state: 'sending' | 'retrying' | 'conflict' | 'rejected';
  message?: string;
}

interface Outbox {
  entries: OutboxEntry[];
  put: (entry: OutboxEntry) => void;
  update: (key: string, change: Partial<OutboxEntry>) => void;
  remove: (key: string) => void;
}

export const useOutbox = create<Outbox>()((set) => ({
  entries: [],
  put: (entry) => set((outbox) => ({ entries: [...outbox.entries, entry] })),
  update: (key, change) =>
    set((outbox) => ({
      entries: outbox.entries.map((e) => (e.key === key ? { ...e, ...change } : e)),
    })),
  remove: (key) => set((outbox) => ({ entries: outbox.entries.filter((e) => e.key !== key) })),
}));

/**
 * The verdict on its way to the server for an item — shown as if made, and blocking a second
 * decision — or null. A refused decision (conflict, rejected) is no longer applied: rolled back.
 */
export function sendingVerdict(entries: readonly OutboxEntry[], itemId: string): Verdict | null {
  const entry = entries.findLast(
    (e) => e.itemId === itemId && (e.state === 'sending' || e.state === 'retrying'),
  );
  return entry?.request.verdict ?? null;
}

export const useSendingVerdict = (itemId: string) =>
  useOutbox((outbox) => sendingVerdict(outbox.entries, itemId));
