// @vitest-environment jsdom
import { expect, test } from 'vitest';
import {
  breakDue,
  dismissBreak,
  exposureStorageKey,
  recordExposure,
  runningShift,
  startShift,
  withReveal,
  type Shift,
} from './exposure';
import { noteSignIn } from './sign-in-time';

const HOUR = 3_600_000;
const nine = Date.UTC(2026, 0, 5, 9);
const shift: Shift = { startedAt: nine, revealedMs: 0, breakDismissed: false };
const stored = (userId: string): unknown =>
  JSON.parse(localStorage.getItem(exposureStorageKey(userId)) ?? 'null');

test('a shift runs for its hours from its start; after it, a new one begins', () => {
  expect(runningShift(null, nine, 8)).toEqual(shift);
  expect(runningShift(shift, nine + 7 * HOUR, 8)).toBe(shift);
  expect(runningShift(shift, nine + 8 * HOUR, 8)).toEqual({ ...shift, startedAt: nine + 8 * HOUR });
  // A longer shift length keeps the same shift going.
  expect(runningShift(shift, nine + 9 * HOUR, 10)).toBe(shift);
});

test('a new shift runs from the sign-in, when that was less than a shift ago', () => {
  expect(runningShift(null, nine + HOUR, 8, nine)).toEqual(shift);
  expect(runningShift(null, nine + 8 * HOUR, 8, nine).startedAt).toBe(nine + 8 * HOUR);
  // A stored shift that still runs wins over a later sign-in.
  expect(runningShift(shift, nine + 2 * HOUR, 8, nine + HOUR)).toBe(shift);
});

test('reveals add up, and the break is due once they reach the budget, until dismissed', () => {
  const used = withReveal(withReveal(shift, 400_000), 500_000);
  expect(used.revealedMs).toBe(900_000);
  expect(breakDue(withReveal(shift, 899_999), 900)).toBe(false);
  expect(breakDue(used, 900)).toBe(true);
  expect(breakDue({ ...used, breakDismissed: true }, 900)).toBe(false);
  expect(withReveal(shift, -5).revealedMs).toBe(0);
});

test('signing in again during a shift continues it; exposure is kept per user', () => {
  noteSignIn('usr_a', nine);
  startShift('usr_a', nine + 60_000, 8);
  noteSignIn('usr_a', nine + 2 * HOUR);
  recordExposure('usr_a', 10_000, nine + HOUR, 8);
  startShift('usr_a', nine + 2 * HOUR, 8);
  recordExposure('usr_a', 5_000, nine + 3 * HOUR, 8);
  expect(stored('usr_a')).toEqual({ startedAt: nine, revealedMs: 15_000, breakDismissed: false });
  expect(stored('usr_b')).toBeNull();
  expect(exposureStorageKey('usr_a')).toBe('verity.exposure:usr_a');
});

test('a dismissed prompt stays dismissed for the shift; the next shift starts afresh', () => {
  recordExposure('usr_c', 60_000, nine, 8);
  dismissBreak('usr_c', nine + HOUR, 8);
  expect(stored('usr_c')).toEqual({ startedAt: nine, revealedMs: 60_000, breakDismissed: true });
  recordExposure('usr_c', 1_000, nine + 8 * HOUR, 8);
  expect(stored('usr_c')).toEqual({
    startedAt: nine + 8 * HOUR,
    revealedMs: 1_000,
    breakDismissed: false,
  });
});
