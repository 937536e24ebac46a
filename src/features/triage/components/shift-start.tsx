import { useEffect } from 'react';
import { useWellness } from '../api/wellness';
import { startShift } from '../model/exposure';

/**
 * Begins the reviewer's shift when they sign in (the console opening for them), unless one is
 * running: the exposure budget counts from here. Rendered by the signed-in shell; the rest of the
 * wellness machinery lives with the previews, out of the first screen's JavaScript.
 */
export function ShiftStart({ userId }: { userId: string }) {
  const { wellness } = useWellness(userId);
  const shiftHours = wellness?.shiftHours;
  useEffect(() => {
    if (shiftHours !== undefined) startShift(userId, Date.now(), shiftHours);
  }, [userId, shiftHours]);
  return null;
}
