import { create } from 'zustand';

/**
 * Whether previews are locked because the analyst has been away: set after their idle time with
 * no pointer or keyboard activity, cleared by a key or a click (the wellness monitor:
 * features/wellness/components/wellness-monitor.tsx).
 * Per tab and never stored: a reload is itself someone at the keyboard.
 */
interface IdleLock {
  /** The idle minutes after which previews locked; null while unlocked. */
  lockedAfterMinutes: number | null;
  lock: (minutes: number) => void;
  unlock: () => void;
}

export const useIdleLock = create<IdleLock>()((set) => ({
  lockedAfterMinutes: null,
  lock: (minutes) => set({ lockedAfterMinutes: minutes }),
  unlock: () => set({ lockedAfterMinutes: null }),
}));

export const isIdleLocked = () => useIdleLock.getState().lockedAfterMinutes !== null;

/** How long to wait before looking again, or 0 when the idle time has passed. */
export function idleRemainingMs(lastActivityAt: number, now: number, minutes: number): number {
  return Math.max(0, lastActivityAt + minutes * 60_000 - now);
}
