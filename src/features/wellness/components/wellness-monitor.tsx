import { useEffect } from 'react';
import { useWellness } from '../../../shared/wellness-state/api/wellness';
import { startShift } from '../../../shared/wellness-state/model/exposure';
import {
  idleRemainingMs,
  isIdleLocked,
  useIdleLock,
} from '../../../shared/wellness-state/model/idle-lock';
import { BreakPrompt } from './break-prompt';

const activityEvents = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const returnEvents = ['keydown', 'click'] as const;

/**
 * Locks every preview after `minutes` without pointer or keyboard activity (null: never). The
 * analyst comes back with a key or a click — a deliberate act, not a nudge of the mouse — and that
 * key or click only unlocks: it must not also confirm an item or press the button under it.
 */
function useIdleLockAfter(minutes: number | null) {
  useEffect(() => {
    const { lock, unlock } = useIdleLock.getState();
    if (minutes === null) {
      unlock();
      return;
    }
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const remaining = idleRemainingMs(lastActivity, Date.now(), minutes);
      if (remaining === 0) lock(minutes);
      else timer = setTimeout(check, remaining);
    };
    const onActivity = () => {
      if (!isIdleLocked()) lastActivity = Date.now();
    };
    const onReturn = (event: Event) => {
      if (!isIdleLocked()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      unlock();
      lastActivity = Date.now();
      check();
    };
    // Background tabs run timers late: look again as soon as the tab is back.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && !isIdleLocked()) check();
    };
    const passive = { capture: true, passive: true };
    for (const name of activityEvents) window.addEventListener(name, onActivity, passive);
    for (const name of returnEvents) window.addEventListener(name, onReturn, { capture: true });
    document.addEventListener('visibilitychange', onVisible);
    check();
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, passive);
      for (const name of returnEvents)
        window.removeEventListener(name, onReturn, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      unlock();
    };
  }, [minutes]);
}

/**
 * The wellness settings that reach beyond one preview, wherever a reviewer sees previews (the
 * workspace, the item page): previews lock when the analyst is away, and a break is suggested once
 * the exposure budget is used; and the shift that runs since sign-in is put on record.
 */
export function WellnessMonitor({ userId, className }: { userId: string; className?: string }) {
  const { wellness } = useWellness(userId);
  const shiftHours = wellness?.shiftHours;
  useEffect(() => {
    if (shiftHours !== undefined) startShift(userId, Date.now(), shiftHours);
  }, [userId, shiftHours]);
  useIdleLockAfter(wellness?.idleLockMinutes ?? null);
  return wellness ? (
    <BreakPrompt userId={userId} wellness={wellness} className={className} />
  ) : null;
}
