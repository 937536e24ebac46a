import { z } from '../../../lib/zod';
import { signedInAt } from './sign-in-time';
import { createUserRecord } from './user-record';

/**
 * The browser's own count of this analyst's exposure, shown only while the server's figure cannot
 * be read (offline; features/wellness/api/exposure-shift.ts): measured in this browser from each
 * reveal to its re-blur, and kept per user (`verity.exposure:<userId>`): times and a total, never
 * which item or anything about media. It counts no other browser's reveals. Its shift runs from
 * sign-in for the analyst's shift length; signing in again within it continues it.
 */
const Shift = z.object({
  startedAt: z.int().check(z.nonnegative()),
  revealedMs: z.number().check(z.nonnegative()),
  /** The break prompt was dismissed this shift: it does not come back until the next one. */
  breakDismissed: z.boolean(),
});
export type Shift = z.infer<typeof Shift>;

const HOUR_MS = 3_600_000;

export const shiftEndsAt = (shift: Shift, shiftHours: number) =>
  shift.startedAt + shiftHours * HOUR_MS;

/**
 * The shift running at `now`: the stored one while it lasts (one that seems to start a moment
 * after `now` too: `now` may be a render's older reading of the clock). Otherwise a new one, from
 * the sign-in if that was less than a shift ago, else from now.
 */
export function runningShift(
  stored: Shift | null,
  now: number,
  shiftHours: number,
  signedIn?: number,
): Shift {
  if (stored && now < shiftEndsAt(stored, shiftHours)) return stored;
  const fromSignIn =
    signedIn !== undefined && signedIn <= now && now < signedIn + shiftHours * HOUR_MS;
  return { startedAt: fromSignIn ? signedIn : now, revealedMs: 0, breakDismissed: false };
}

export const withReveal = (shift: Shift, revealedMs: number): Shift => ({
  ...shift,
  revealedMs: shift.revealedMs + Math.max(0, revealedMs),
});

/** The budget is used up and the analyst has not yet dismissed the prompt this shift. */
export const breakDue = (shift: Shift, budgetSeconds: number) =>
  !shift.breakDismissed && shift.revealedMs >= budgetSeconds * 1000;

const shifts = createUserRecord('verity.exposure:', (raw) => Shift.safeParse(raw).data ?? null);

export const exposureStorageKey = shifts.keyOf;

/** The user's shift running at `now`, for a component: re-renders when it changes. */
export function useRunningShift(userId: string, now: number, shiftHours: number): Shift {
  return runningShift(shifts.use(userId), now, shiftHours, signedInAt(userId));
}

const running = (userId: string, stored: Shift | null, now: number, shiftHours: number) =>
  runningShift(stored, now, shiftHours, signedInAt(userId));

/** Where previews are shown: make sure the shift that runs since sign-in is on record. */
export function startShift(userId: string, now: number, shiftHours: number) {
  const stored = shifts.read(userId);
  if (stored && running(userId, stored, now, shiftHours) === stored) return;
  shifts.write(userId, (current) => running(userId, current, now, shiftHours));
}

/** A reveal ended after `revealedMs`: count it against the running shift. */
export function recordExposure(userId: string, revealedMs: number, now: number, hours: number) {
  shifts.write(userId, (stored) => withReveal(running(userId, stored, now, hours), revealedMs));
}

export function dismissBreak(userId: string, now: number, shiftHours: number) {
  shifts.write(userId, (stored) => ({
    ...running(userId, stored, now, shiftHours),
    breakDismissed: true,
  }));
}
