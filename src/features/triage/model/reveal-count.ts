import { create } from 'zustand';

/** How many times this user revealed media since signing in (in this tab): shown beside the preview. */
interface RevealCount {
  userId: string | null;
  count: number;
  add: (userId: string) => void;
}

export const useRevealCount = create<RevealCount>()((set) => ({
  userId: null,
  count: 0,
  add: (userId) =>
    set((state) => ({ userId, count: state.userId === userId ? state.count + 1 : 1 })),
}));
