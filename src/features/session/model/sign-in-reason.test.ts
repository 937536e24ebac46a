import { expect, test } from 'vitest';
import { signInMessage } from './sign-in-reason';

test('an expired session says why and after how long', () => {
  expect(signInMessage('expired', { reason: 'idle_timeout', idleMinutes: 30 })).toBe(
    'Your session expired after 30 minutes idle — sign in again.',
  );
  expect(signInMessage(undefined, { reason: 'idle_timeout', idleMinutes: 1 })).toBe(
    'Your session expired after 1 minute idle — sign in again.',
  );
  expect(signInMessage('expired', { reason: 'expired', maxHours: 12 })).toBe(
    'Your session reached its 12-hour limit — sign in again.',
  );
  expect(signInMessage('expired', { reason: 'signed_out_everywhere' })).toBe(
    'You signed out everywhere from another browser — sign in again.',
  );
});

test('what the person did here comes first; a 401 without a reason says only that it ended', () => {
  expect(signInMessage('signed_out', undefined)).toBe('You have signed out.');
  expect(signInMessage('signed_out_everywhere', { reason: 'signed_out_everywhere' })).toBe(
    'You have signed out in every browser.',
  );
  expect(signInMessage('expired', undefined)).toBe(
    'Your session has ended. Sign in again to continue.',
  );
  expect(signInMessage(undefined, undefined)).toBeNull();
});
