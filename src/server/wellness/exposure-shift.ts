import type { ExposureShift, OrganisationWellness } from '../../api/schemas/wellness';
import { wellnessBounds } from '../../api/schemas/wellness';

const HOUR_MS = 3_600_000;

/**
 * What a shift needs of a reveal: when it started, and when it ended (null: not reported yet), in
 * milliseconds of the server's clock.
 */
export interface ShiftReveal {
  startedAt: number;
  endedAt: number | null;
}

/**
 * The shift length a figure is computed with: the person's choice, never shorter than the
 * organisation's (a shorter shift would renew the budget sooner: less safe).
 */
export const shiftLength = (org: OrganisationWellness, chosen: number | undefined) =>
  Math.min(wellnessBounds.shiftHours.max, Math.max(org.shiftHours, chosen ?? org.shiftHours));

/**
 * The shift running at `now` from one person's reveals: a shift starts at the first reveal when
 * none runs and lasts `shiftHours`; a reveal at or after its end starts the next. Null when none
 * runs. Sign-ins, sessions and browsers play no part: only the reveals the server recorded.
 */
export function runningShift(
  reveals: readonly ShiftReveal[],
  now: number,
  shiftHours: number,
): { startedAt: number; endsAt: number; reveals: ShiftReveal[] } | null {
  const length = shiftHours * HOUR_MS;
  const past = reveals.filter((r) => r.startedAt <= now).sort((a, b) => a.startedAt - b.startedAt);
  let startedAt: number | null = null;
  for (const reveal of past) {
    if (startedAt === null || reveal.startedAt >= startedAt + length) startedAt = reveal.startedAt;
  }
  if (startedAt === null || now >= startedAt + length) return null;
  const start = startedAt;
  return {
    startedAt: start,
    endsAt: start + length,
    reveals: past.filter((r) => r.startedAt >= start),
  };
}

/**
 * How long a reveal showed media: to its recorded end; one not ended yet until now, but at most
 * `openCapMs` (the longest a reveal lasts before the console blurs it by itself: an end report
 * that never came does not grow for ever).
 */
export const revealedMs = (reveal: ShiftReveal, now: number, openCapMs: number) =>
  reveal.endedAt !== null
    ? Math.max(0, reveal.endedAt - reveal.startedAt)
    : Math.max(0, Math.min(now - reveal.startedAt, openCapMs));

/** The contract's figure for one person's running shift. */
export function exposureShift(input: {
  userId: string;
  reveals: readonly ShiftReveal[];
  now: number;
  shiftHours: number;
  org: OrganisationWellness;
  /** The start of the shift whose break prompt the person dismissed, if any. */
  dismissedShift: number | undefined;
}): ExposureShift {
  const { userId, now, shiftHours, org } = input;
  const shift = runningShift(input.reveals, now, shiftHours);
  const ms = (shift?.reveals ?? []).reduce(
    (sum, r) => sum + revealedMs(r, now, org.reblurSeconds * 1000),
    0,
  );
  return {
    userId,
    shiftHours,
    startedAt: shift ? new Date(shift.startedAt).toISOString() : null,
    endsAt: shift ? new Date(shift.endsAt).toISOString() : null,
    reveals: shift?.reveals.length ?? 0,
    revealedSeconds: ms / 1000,
    breakDismissed: shift !== null && input.dismissedShift === shift.startedAt,
    asOf: new Date(now).toISOString(),
  };
}
