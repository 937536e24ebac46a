import { create } from 'zustand';
import type { DecisionRequest } from '../../../api/schemas/decision';

/**
 * Every decision goes through this outbox: shown until the server has it. `retrying` after a
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
