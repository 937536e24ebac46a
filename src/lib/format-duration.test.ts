import { expect, test } from 'vitest';
import { formatDuration } from './format-duration';

test.each([
  [0, '0s'],
  [-5, '0s'],
  [59.9, '59s'],
  [60, '1m'],
  [3599, '59m'],
  [3600, '1h'],
  [3600 * 3 + 12 * 60, '3h 12m'],
  [86_400, '1d'],
  [86_400 * 2 + 4 * 3600 + 59, '2d 4h'],
  [86_400 + 20 * 60, '1d 20m'],
  [86_400 * 3 + 5 * 3600 + 7 * 60, '3d 5h'],
])('%s seconds reads %s', (seconds, text) => {
  expect(formatDuration(seconds)).toBe(text);
});
