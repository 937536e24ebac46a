import { create } from 'zustand';
import type { Verdict } from '../../../api/schemas/decision';

/**
 * The decision the reviewer made last, which they may still undo for UNDO_OFFER_SECONDS:
 * `decisionId` once the server has recorded it, null while it waits in the outbox.
 */
export interface RecentDecision {
  key: string;
  itemId: string;
  verdict: Verdict;
  madeAt: number;
  decisionId: string | null;
}

/** How the last undo went, shown until the next decision. */
export type UndoOutcome = { itemId: string } & ({ ok: true } | { ok: false; message: string });

interface RecentDecisionStore {
  last: RecentDecision | null;
  outcome: UndoOutcome | null;
  made: (decision: Omit<RecentDecision, 'decisionId'>) => void;
  recorded: (key: string, decisionId: string) => void;
  settled: (outcome: UndoOutcome) => void;
}

export const useRecentDecision = create<RecentDecisionStore>()((set, get) => ({
  last: null,
  outcome: null,
  made: (decision) => set({ last: { ...decision, decisionId: null }, outcome: null }),
  recorded: (key, decisionId) => {
    const last = get().last;
    if (last?.key === key) set({ last: { ...last, decisionId } });
  },
  settled: (outcome) => set({ last: null, outcome }),
}));
