import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The analyst's own preferences, kept in this browser (never anything about media). */
interface Preferences {
  /** Single-key shortcuts (c, d, e, digits, j/k) can be turned off (WCAG 2.1.4). */
  singleKeyShortcuts: boolean;
  setSingleKeyShortcuts: (on: boolean) => void;
}

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      singleKeyShortcuts: true,
      setSingleKeyShortcuts: (on) => set({ singleKeyShortcuts: on }),
    }),
    { name: 'verity.preferences' },
  ),
);
