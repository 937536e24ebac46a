import { expect, test } from 'vitest';
import { organisationWellness } from './organisation-wellness';
import { exposureShift, runningShift, shiftLength, type ShiftReveal } from './exposure-shift';

const HOUR = 3_600_000;
const nine = Date.UTC(2026, 0, 5, 9);
const reveal = (startedAt: number, seconds: number | null): ShiftReveal => ({
  startedAt,
  endedAt: seconds === null ? null : startedAt + seconds * 1000,
});
const shiftAt = (reveals: ShiftReveal[], now: number, dismissedShift?: number) =>
  exposureShift({
    userId: 'usr_a',
    reveals,
    now,
    shiftHours: 8,
    org: organisationWellness,
    dismissedShift,
  });

test('a shift starts at the first reveal and lasts its hours; the first reveal after it starts the next', () => {
  const day = [reveal(nine, 10), reveal(nine + 2 * HOUR, 5), reveal(nine + 7 * HOUR, 4)];
  expect(runningShift(day, nine + 7.5 * HOUR, 8)).toMatchObject({
    startedAt: nine,
    endsAt: nine + 8 * HOUR,
  });
  expect(shiftAt(day, nine + 7.5 * HOUR)).toMatchObject({
    startedAt: new Date(nine).toISOString(),
    endsAt: new Date(nine + 8 * HOUR).toISOString(),
    reveals: 3,
    revealedSeconds: 19,
  });
  // Past its end and no reveal since: no shift runs, and the figure is nothing.
  expect(shiftAt(day, nine + 8 * HOUR)).toMatchObject({
    startedAt: null,
    reveals: 0,
    revealedSeconds: 0,
  });
  // The next day's first reveal starts a new shift, even though it falls inside an 8-hour window
  // counted from a later reveal of the day before.
  const next = [...day, reveal(nine + 24 * HOUR, 6)];
  expect(shiftAt(next, nine + 25 * HOUR)).toMatchObject({ reveals: 1, revealedSeconds: 6 });
  const overnight = [reveal(nine, 1), reveal(nine + 9 * HOUR, 2), reveal(nine + 16 * HOUR, 3)];
  expect(runningShift(overnight, nine + 16.5 * HOUR, 8)?.startedAt).toBe(nine + 9 * HOUR);
});

test('a reveal not ended yet counts until now, at most the organisation’s re-blur seconds', () => {
  const open = [reveal(nine, null)];
  expect(shiftAt(open, nine + 4_000).revealedSeconds).toBe(4);
  expect(shiftAt(open, nine + HOUR).revealedSeconds).toBe(organisationWellness.reblurSeconds);
  // A reveal the server has not seen begin yet (a clock read earlier) counts nothing.
  expect(shiftAt([reveal(nine + 1000, 5)], nine).reveals).toBe(0);
});

test('a dismissal holds for the shift it was made in only', () => {
  const reveals = [reveal(nine, 10)];
  expect(shiftAt(reveals, nine + HOUR, nine).breakDismissed).toBe(true);
  expect(shiftAt(reveals, nine + HOUR, nine - 24 * HOUR).breakDismissed).toBe(false);
  const later = [...reveals, reveal(nine + 8 * HOUR, 1)];
  expect(shiftAt(later, nine + 8.5 * HOUR, nine).breakDismissed).toBe(false);
});

test('the shift length is the person’s choice, never shorter than the organisation’s', () => {
  expect(shiftLength(organisationWellness, undefined)).toBe(8);
  expect(shiftLength(organisationWellness, 10)).toBe(10);
  expect(shiftLength(organisationWellness, 2)).toBe(8);
});
