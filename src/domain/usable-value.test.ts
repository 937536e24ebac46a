import { expect, test } from 'vitest';
import { filled, usableTime } from './usable-value';

test('text is usable only when it holds more than blanks', () => {
  expect(filled('user_1')).toBe(true);
  for (const empty of [null, undefined, '', '   ', '\n\t']) expect(filled(empty)).toBe(false);
});

test('a time is usable only when it reads as a date', () => {
  expect(usableTime('2025-08-14T02:11:00.000Z')).toBe(true);
  for (const empty of [null, '', ' ', 'not a date']) expect(usableTime(empty)).toBe(false);
});
