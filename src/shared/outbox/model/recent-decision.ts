import { create } from 'zustand';
import type { Verdict } from '../../../api/schemas/decision';
import { UNDO_OFFER_SECONDS } from '../../../domain/review-rules';

/** The decision the reviewer made last, which they may still undo for UNDO_OFFER_SECONDS. */
export interface RecentDecision {
  /** Its idempotency key: how the outbox and the server know it. */
  key: string;
  itemId: string;
  verdict: Verdict;
  madeAt: number;
}

/** How the last undo went, shown until the next decision. */
export type UndoOutcome = { itemId: string } & ({ ok: true } | { ok: false; message: string });

interface RecentDecisionStore {
  last: RecentDecision | null;
  outcome: UndoOutcome | null;
  made: (decision: RecentDecision) => void;
  settled: (outcome: UndoOutcome) => void;
}

export const useRecentDecision = create<RecentDecisionStore>()((set) => ({
  last: null,
  outcome: null,
  made: (decision) => set({ last: decision, outcome: null }),
  settled: (outcome) => set({ last: null, outcome }),
}));

/** Whether `last` may still be undone at `now`. */
export const undoOffered = (last: RecentDecision | null, now: number): last is RecentDecision =>
  last !== null && now - last.madeAt <= UNDO_OFFER_SECONDS * 1000;
